using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning;
using PolicyGate.Reasoning.Checks;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Tests.Reasoning;

/// <summary>Runs the local engine's checks on JSON texts; statements may be given without the policy wrapper.</summary>
internal static class ReasoningKit
{
    public static LocalPolicyCheckEngine Engine { get; } = new();

    public static string Policy(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    /// <summary>A Condition element with one operator and one key: {"op":{"key":values}} (values as JSON).</summary>
    public static string Condition(string op, string key, string values) => "{\"" + op + "\":{\"" + key + "\":" + values + "}}";

    public static PolicyCheckResult NoNewAccess(string newPolicy, string existingPolicy, CheckPolicyType type = CheckPolicyType.Identity, LocalPolicyCheckEngine? engine = null) =>
        (engine ?? Engine).CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new PolicyDocumentInput(newPolicy), new PolicyDocumentInput(existingPolicy), type), default).GetAwaiter().GetResult();

    public static PolicyCheckResult AccessNotGranted(string policy, string[] actions, string[]? resources = null, CheckPolicyType type = CheckPolicyType.Identity, LocalPolicyCheckEngine? engine = null) =>
        (engine ?? Engine).CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(new PolicyDocumentInput(policy), [.. actions], [.. resources ?? []], type), default).GetAwaiter().GetResult();

    public static PolicyCheckResult NoPublicAccess(string policy, string resourceType = "AWS::S3::Bucket", LocalPolicyCheckEngine? engine = null) =>
        (engine ?? Engine).CheckNoPublicAccessAsync(new CheckNoPublicAccessRequest(new PolicyDocumentInput(policy), resourceType), default).GetAwaiter().GetResult();

    public static ReadPolicy Read(string policy, PolicyReading reading = PolicyReading.Broadest, bool principals = false) =>
        PolicyReader.Read(LocalPolicyCheckEngine.Model(new PolicyDocumentInput(policy), principals ? CheckPolicyType.Resource : CheckPolicyType.Identity, "policy"), reading, principals);

    public static AccessRequest Request(string action, string resource, string? principal = null, params (string Key, string[] Values)[] context) =>
        AccessRequest.Of(principal, action, resource, context.Select(c => KeyValuePair.Create(c.Key, c.Values.ToImmutableArray())));

    public static void ShouldPass(this PolicyCheckResult result, string? context = null) =>
        result.Result.ShouldBe(CheckVerdict.Pass, $"{context}\n{string.Join("\n", result.Reasons.Select(r => r.Explanation ?? r.Description))}");

    public static void ShouldFailWithCounterexample(this PolicyCheckResult result)
    {
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Undecided.ShouldBeFalse(string.Join("\n", result.Reasons.Select(r => r.Explanation)));
        result.Counterexample.ShouldNotBeNull();
    }
}
