using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>A request as the loopback server saw it, after its signature and its body were checked.</summary>
internal sealed record FakeAwsCall(string Service, string Operation, byte[] Body, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Form, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>What the server answers; <see cref="Delay"/> holds the answer back (for concurrency and timeouts).</summary>
internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    public static FakeResponse Json(string body) => new(200, body);

    public static FakeResponse Xml(string body) => new(200, body, "text/xml");

    public static FakeResponse Check(string result, string message = "ok", string reasons = "[]") =>
        Json($"{{\"result\":\"{result}\",\"message\":\"{message}\",\"reasons\":{reasons}}}");

    public static FakeResponse AaError(int status, string code, string message) =>
        new(status, $"{{\"message\":\"{message}\"}}") { Headers = new Dictionary<string, string> { ["X-Amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazonaws.accessanalyzer/" } };

    public static FakeResponse IamError(int status, string code, string message) =>
        new(status, $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>", "text/xml");
}

/// <summary>
/// Answers like Access Analyzer (rest-json) and IAM (query/XML) on 127.0.0.1 at a free port. Every request's
/// SigV4 signature is recomputed with the known test keys and its body checked against botocore's model;
/// anything wrong is recorded in <see cref="Problems"/> and refused. Stops by itself when disposed.
/// </summary>
internal sealed class FakeAwsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeAwsCall, FakeResponse> _respond;
    private readonly string _accessAnalyzerRegion;
    private readonly string _iamRegion;
    private readonly Task _loop;
    private readonly ConcurrentQueue<FakeAwsCall> _calls = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _inFlight;
    private int _maxInFlight;

    public FakeAwsServer(Func<FakeAwsCall, FakeResponse> respond, string accessAnalyzerRegion = "us-east-1", string iamRegion = "us-east-1")
    {
        _respond = respond;
        _accessAnalyzerRegion = accessAnalyzerRegion;
        _iamRegion = iamRegion;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; } = string.Empty;

    public IReadOnlyList<FakeAwsCall> Calls => [.. _calls];

    public IReadOnlyList<string> Problems => [.. _problems];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int CallCount(string operation) => _calls.Count(c => c.Operation == operation);

    /// <summary>A loopback URL on which nothing listens (connection refused).</summary>
    public static string ClosedUrl() => $"http://127.0.0.1:{FreePort()}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            FakeResponse response;
            try
            {
                response = Answer(context.Request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _problems.Enqueue("the test's responder threw: " + ex.Message);
                response = new FakeResponse(400, "responder failed");
            }

            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, _stop.Token);
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The server is stopping or the client gave up (a timeout test): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private FakeResponse Answer(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        request.InputStream.CopyTo(buffer);
        var body = buffer.ToArray();
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k]!);
        var raw = request.RawUrl ?? "/";
        var path = raw.Split('?')[0];
        var query = ParsePairs(raw.Contains('?') ? raw[(raw.IndexOf('?') + 1)..] : string.Empty);
        var isIam = headers.TryGetValue("content-type", out var contentType) && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal);
        var form = isIam ? ParsePairs(Encoding.UTF8.GetString(body)) : new Dictionary<string, string>();

        if (request.HttpMethod != "POST")
        {
            return Refuse($"method {request.HttpMethod}");
        }

        var signatureProblem = SigV4Verifier.Problem(
            request.HttpMethod, raw, headers, body, AwsTestKit.SecretAccessKey, AwsTestKit.AccessKeyId, AwsTestKit.SessionToken,
            isIam ? "iam" : "access-analyzer", isIam ? _iamRegion : _accessAnalyzerRegion);
        if (signatureProblem is not null)
        {
            return Refuse("signature: " + signatureProblem, 403, "InvalidSignatureException");
        }

        string operation;
        List<string> modelProblems;
        if (isIam)
        {
            operation = form.GetValueOrDefault("Action") ?? "?";
            modelProblems = path == "/" ? ServiceModel.Iam.CheckQuery(form) : [$"IAM path {path}"];
        }
        else
        {
            operation = ServiceModel.AccessAnalyzer.OperationForPath(path) ?? "?";
            modelProblems = operation == "?" || contentType != "application/json"
                ? [$"no operation at {path} with content type {contentType}"]
                : ServiceModel.AccessAnalyzer.CheckRestJson(operation, body, query);
        }

        if (modelProblems.Count > 0)
        {
            return Refuse($"{operation}: {string.Join("; ", modelProblems)}", 400, "ValidationException");
        }

        var call = new FakeAwsCall(isIam ? "iam" : "access-analyzer", operation, body, query, form, headers);
        _calls.Enqueue(call);
        return _respond(call);
    }

    private FakeResponse Refuse(string problem, int status = 400, string code = "ValidationException")
    {
        _problems.Enqueue(problem);
        return FakeResponse.AaError(status, code, "refused by the test server");
    }

    private static Dictionary<string, string> ParsePairs(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty);
}
