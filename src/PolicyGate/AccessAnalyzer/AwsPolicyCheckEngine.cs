using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// The "aws" engine: IAM Access Analyzer answers each check. Results keep Access Analyzer's message and
/// reasons (statement index and Sid) verbatim. Anything that prevents an answer throws
/// <see cref="PolicyCheckUnavailableException"/>; inputs Access Analyzer would reject throw <see cref="ArgumentException"/>
/// before any call is made.
/// </summary>
public sealed class AwsPolicyCheckEngine : IPolicyCheckEngine, IDisposable
{
    private readonly AwsServiceTransport _transport;
    private readonly AccessAnalyzerClient _client;

    public AwsPolicyCheckEngine(AwsServiceTransport transport)
    {
        _transport = transport;
        _client = new AccessAnalyzerClient(transport);
        Iam = new IamClient(transport);
    }

    public string Name => AccessAnalyzerResponses.EngineName;

    /// <summary>Calls, cache hits and retries so far, for the run summary.</summary>
    public AwsCallStatistics Statistics => _transport.Counters.Snapshot();

    /// <summary>The IAM reads, sharing this engine's budget, bound and counters (for references from AWS).</summary>
    public IamClient Iam { get; }

    public AwsEndpointResolver Endpoints => _transport.Endpoints;

    public Task<PolicyCheckResult> CheckNoNewAccessAsync(CheckNoNewAccessRequest request, CancellationToken cancellationToken) =>
        _client.CheckNoNewAccessAsync(request.NewPolicy.Json, request.ExistingPolicy.Json, request.PolicyType, cancellationToken);

    /// <summary>
    /// Lists longer than one call takes are split into chunks of 100 and every pair of an action chunk and a
    /// resource chunk is checked: the access is granted if any pair's check fails, so one FAIL fails the whole.
    /// </summary>
    public async Task<PolicyCheckResult> CheckAccessNotGrantedAsync(CheckAccessNotGrantedRequest request, CancellationToken cancellationToken)
    {
        if (request.Actions.IsDefaultOrEmpty && request.Resources.IsDefaultOrEmpty)
        {
            throw new ArgumentException("CheckAccessNotGranted needs at least one action or one resource");
        }

        var resources = request.Resources.IsDefault ? [] : request.Resources;
        if (resources.FirstOrDefault(r => r.Length > AccessAnalyzerLimits.MaxResourceLength) is { } tooLong)
        {
            throw new ArgumentException($"the resource \"{tooLong[..40]}…\" is {tooLong.Length} characters long; Access Analyzer takes at most {AccessAnalyzerLimits.MaxResourceLength}");
        }

        var actionChunks = Chunks(request.Actions.IsDefault ? [] : request.Actions);
        var resourceChunks = Chunks(resources);
        var calls = actionChunks.SelectMany(a => resourceChunks.Select(r => (Actions: a, Resources: r))).ToList();
        var results = await AllOrFirstFailureAsync(
            calls,
            (call, token) => _client.CheckAccessNotGrantedAsync(request.Policy.Json, call.Actions, call.Resources, request.PolicyType, token),
            cancellationToken).ConfigureAwait(false);
        return Combine(results);
    }

    public Task<PolicyCheckResult> CheckNoPublicAccessAsync(CheckNoPublicAccessRequest request, CancellationToken cancellationToken)
    {
        if (!AccessAnalyzerLimits.PublicAccessResourceTypes.Contains(request.ResourceType))
        {
            throw new ArgumentException(
                $"Access Analyzer's CheckNoPublicAccess does not support the resource type \"{request.ResourceType}\"; supported: {string.Join(", ", AccessAnalyzerLimits.PublicAccessResourceTypes.Order(StringComparer.Ordinal))}");
        }

        return _client.CheckNoPublicAccessAsync(request.Policy.Json, request.ResourceType, cancellationToken);
    }

    /// <summary>
    /// A policy over the size ValidatePolicy accepts is not sent: it gets one ERROR finding
    /// (<see cref="AccessAnalyzerLimits.PolicyTooLargeIssueCode"/>) naming its size. A resource type ValidatePolicy has
    /// no specific checks for is left out, so the general resource-policy checks run, as the model advises.
    /// </summary>
    public async Task<ValidatePolicyResult> ValidatePolicyAsync(ValidatePolicyRequest request, CancellationToken cancellationToken)
    {
        var size = AccessAnalyzerLimits.ValidatePolicySize(request.Policy.Json);
        if (size >= AccessAnalyzerLimits.MaxValidatePolicyCharacters)
        {
            return new ValidatePolicyResult(
            [
                new ValidationFinding(
                    ValidationFindingType.Error,
                    AccessAnalyzerLimits.PolicyTooLargeIssueCode,
                    $"The policy has {size} characters without whitespace; ValidatePolicy takes fewer than {AccessAnalyzerLimits.MaxValidatePolicyCharacters}, so it was not sent. Split the policy.",
                    null,
                    []),
            ], Name);
        }

        var resourceType = request.ValidatePolicyResourceType;
        if (resourceType is not null && request.PolicyType != ValidatePolicyType.Resource)
        {
            throw new ArgumentException($"a ValidatePolicy resource type ({resourceType}) applies to resource policies only, not to {request.PolicyType.ToAccessAnalyzer()}");
        }

        if (resourceType is not null && !AccessAnalyzerLimits.ValidatePolicyResourceTypes.Contains(resourceType))
        {
            resourceType = null;
        }

        var findings = await _client.ValidatePolicyAsync(request.Policy.Json, request.PolicyType, resourceType, cancellationToken).ConfigureAwait(false);
        return new ValidatePolicyResult(findings, Name);
    }

    public void Dispose() => _transport.Dispose();

    private static List<ImmutableArray<string>> Chunks(ImmutableArray<string> values) =>
        values.IsEmpty ? [[]] : values.Chunk(AccessAnalyzerLimits.MaxAccessEntries).Select(c => c.ToImmutableArray()).ToList();

    /// <summary>FAIL if any part failed (its message, every part's reasons once, in order); otherwise the first PASS.</summary>
    private static PolicyCheckResult Combine(IReadOnlyList<PolicyCheckResult> results)
    {
        var failures = results.Where(r => r.Result == CheckVerdict.Fail).ToList();
        if (failures.Count == 0)
        {
            return results[0];
        }

        return failures[0] with { Reasons = [.. failures.SelectMany(f => f.Reasons).Distinct()] };
    }

    /// <summary>Runs every call (the transport bounds concurrency); the first to fail cancels the rest and is rethrown.</summary>
    private static async Task<IReadOnlyList<TResult>> AllOrFirstFailureAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = items.Select(async item =>
        {
            try
            {
                return await call(item, stop.Token).ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }).ToList();
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException)
                ?? tasks.First(t => t.IsFaulted || t.IsCanceled).Exception?.InnerException;
            if (first is not null)
            {
                ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }
    }
}
