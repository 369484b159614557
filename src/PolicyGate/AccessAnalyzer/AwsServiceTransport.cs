using System.Net;
using System.Net.Http.Headers;

namespace PolicyGate.AccessAnalyzer;

/// <summary>The settings that shape how calls are sent.</summary>
public sealed record AwsTransportSettings
{
    public int MaxConcurrency { get; init; } = 4;

    public int? MaxCalls { get; init; }

    /// <summary>The longest one attempt may take before it counts as timed out.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>Responses larger than this are malformed for the operations the engine uses.</summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;
}

/// <summary>
/// Sends operations to AWS: cache first, then the call budget, then at most N calls in flight, each attempt
/// signed afresh and bounded in time, retried with backoff while the error is retryable. Every way of not
/// getting a usable answer ends in <see cref="PolicyCheckUnavailableException"/>; nothing here answers PASS.
/// </summary>
public sealed class AwsServiceTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly AwsEndpointResolver _endpoints;
    private readonly IAwsCredentialSource _credentials;
    private readonly IAwsResponseCache _cache;
    private readonly AwsTransportSettings _settings;
    private readonly IAwsClock _clock;
    private readonly Random _jitter;
    private readonly SemaphoreSlim _inFlight;
    private readonly AwsCallBudget _budget;

    public AwsServiceTransport(
        AwsEndpointResolver endpoints,
        IAwsCredentialSource credentials,
        IAwsResponseCache cache,
        AwsTransportSettings settings,
        IAwsClock? clock = null,
        Random? jitter = null)
    {
        if (settings.MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "max-concurrency must be at least 1");
        }

        _endpoints = endpoints;
        _credentials = credentials;
        _cache = cache;
        _settings = settings;
        _clock = clock ?? SystemAwsClock.Instance;
        _jitter = jitter ?? Random.Shared;
        _inFlight = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        _budget = new AwsCallBudget(settings.MaxCalls);
        _http = new HttpClient(new SocketsHttpHandler
        {
            // A signed request must go where it was signed for, never where a redirect points.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = settings.MaxConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public AwsCallCounters Counters { get; } = new();

    public AwsEndpointResolver Endpoints => _endpoints;

    /// <summary>Sends <paramref name="request"/> (or reads its cached answer) and parses the body; a parse failure is a malformed answer.</summary>
    public async Task<T> CallAsync<T>(AwsRequest request, Func<byte[], T> parse, CancellationToken cancellationToken)
    {
        var key = request.Cacheable ? request.CacheKey : null;
        if (key is not null && _cache.TryRead(key, out var cached))
        {
            try
            {
                var fromCache = parse(cached);
                Counters.CacheHit();
                return fromCache;
            }
            catch (AwsMalformedResponseException)
            {
                _cache.Forget(key);
            }
        }

        _budget.Take($"{request.ServiceName} {request.Operation}");
        Counters.CallMade(request.Billed);
        var body = await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
        T parsed;
        try
        {
            parsed = parse(body);
        }
        catch (AwsMalformedResponseException ex)
        {
            throw new PolicyCheckUnavailableException($"{request.ServiceName} {request.Operation} returned a malformed response: {ex.Message}");
        }

        if (key is not null)
        {
            _cache.Write(key, body);
        }

        return parsed;
    }

    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
    }

    private async Task<byte[]> SendWithRetriesAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        var endpoint = request.Partition is { } partition ? _endpoints.Resolve(request.Service, partition) : _endpoints.Resolve(request.Service);
        var uri = new Uri(endpoint.BaseUri, request.PathAndQuery.TrimStart('/'));
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(request, endpoint, uri, cancellationToken).ConfigureAwait(false);
            if (outcome.Body is { } body)
            {
                return body;
            }

            var failure = outcome.Failure!;
            var delay = failure.Retryable ? _settings.Retry.DelayBefore(attempt, failure.RetryAfter, _jitter.NextDouble()) : null;
            if (delay is null)
            {
                var tries = attempt == 1 ? string.Empty : $" after {attempt} attempts";
                var hint = failure.Status == 403 ? $"; the caller needs {PermissionFor(request)}" : string.Empty;
                var verb = failure.Retryable ? "failed" : "was refused";
                throw new PolicyCheckUnavailableException($"{request.ServiceName} {request.Operation} at {endpoint.BaseUri.Authority} {verb}{tries}: {failure.Description}{hint}");
            }

            Counters.Retried();
            await _clock.DelayAsync(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(AwsRequest request, AwsServiceEndpoint endpoint, Uri uri, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.AttemptTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, uri);
            var content = new ByteArrayContent(request.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            message.Content = content;
            foreach (var (name, value) in AwsRequestSigner.Sign("POST", uri, request.ContentType, request.Body, endpoint, credentials, _clock.UtcNow).Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                return AttemptOutcome.Failed(new AttemptFailure($"the response is larger than {_settings.MaxResponseBytes} bytes", false, null, (int)response.StatusCode));
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                return new AttemptOutcome(body, null);
            }

            var error = AwsServiceError.Decode(response.StatusCode, response.Headers.Concat(response.Content.Headers), body, _clock.UtcNow);
            return AttemptOutcome.Failed(new AttemptFailure(error.ToString(), error.IsRetryable, error.RetryAfter, error.Status));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome.Failed(new AttemptFailure($"no answer within {_settings.AttemptTimeout.TotalSeconds:0.###} s (timed out)", true, null, 0));
        }
        catch (HttpRequestException ex)
        {
            return AttemptOutcome.Failed(new AttemptFailure($"the connection failed ({ex.HttpRequestError}: {ex.Message})", true, null, 0));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _settings.MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _settings.MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string PermissionFor(AwsRequest request) =>
        request.Service == AwsService.AccessAnalyzer ? $"access-analyzer:{request.Operation}" : $"iam:{request.Operation}";

    private sealed record AttemptFailure(string Description, bool Retryable, TimeSpan? RetryAfter, int Status);

    private sealed record AttemptOutcome(byte[]? Body, AttemptFailure? Failure)
    {
        public static AttemptOutcome Failed(AttemptFailure failure) => new(null, failure);
    }
}
