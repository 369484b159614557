using System.Globalization;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Checks;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using Xunit.Abstractions;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// Property-based tests of the local engine over random policies (see <see cref="PolicyGrammar"/>): every
/// counterexample re-checks with the concrete evaluator, and every PASS holds by brute force over a finite
/// universe of requests (<see cref="RequestUniverse"/>). Each run uses a fixed seed and a fresh one; the fresh
/// seed is printed, and setting POLICYGATE_PROPERTY_SEED to it replays that run.
/// </summary>
public class PropertyTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261121;
    private const int PairsPerSeed = 700;
    private const int RequestsPerPair = 600;

    public static TheoryData<string> Seeds => new() { "fixed", "fresh" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_new_access_counterexamples_recheck_and_passes_hold_by_brute_force(string which)
    {
        Run(which, (random, grammar, resource) =>
        {
            var newPolicy = grammar.Policy(resource);
            var existing = random.Next(5) == 0 ? newPolicy : grammar.Policy(resource);
            var type = resource ? CheckPolicyType.Resource : CheckPolicyType.Identity;
            var result = NoNewAccess(newPolicy, existing, type);
            var n = Read(newPolicy, PolicyReading.Broadest, resource);
            var e = Read(existing, PolicyReading.Narrowest, resource);
            bool Violates(AccessRequest r) => PolicyEvaluator.Evaluate(n, r).Allowed && !PolicyEvaluator.Evaluate(e, r).Allowed;
            // A policy compared with itself passes unless it holds what the two readings see differently: NotPrincipal
            // (whether a listed role covers its sessions) and unqualified operators on multi-valued keys.
            var arity = ContextKeyArity.For([n], IamCatalogResource.Embedded);
            var ambiguous = newPolicy.Contains("NotPrincipal", StringComparison.Ordinal)
                || n.Statements.SelectMany(x => x.Conditions).Any(c => c.Operator.Qualifier == PolicyGate.Iam.Model.SetQualifier.None && arity(c.KeyId));
            if (newPolicy == existing && !ambiguous)
            {
                result.Result.ShouldBe(CheckVerdict.Pass, $"a policy compared with itself must pass: {newPolicy}");
            }

            return (result, [n, e], resource, Violates, $"new: {newPolicy}\nexisting: {existing}");
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Access_not_granted_counterexamples_recheck_and_passes_hold_by_brute_force(string which)
    {
        Run(which, (random, grammar, resource) =>
        {
            var policy = grammar.Policy(resource);
            string[] actions = [PolicyGrammar.Actions[random.Next(PolicyGrammar.Actions.Length)], "iam:PassRole"];
            string[] resources = random.Next(2) == 0 ? [] : ["arn:aws:s3:::b/*"];
            var result = AccessNotGranted(policy, actions, resources, resource ? CheckPolicyType.Resource : CheckPolicyType.Identity);
            var p = Read(policy, PolicyReading.Broadest, resource);
            bool Violates(AccessRequest r) => PolicyEvaluator.Evaluate(p, r).Allowed
                && actions.Any(a => PolicyGate.Reasoning.Patterns.PatternMatcher.Matches(PolicyGate.Reasoning.Patterns.TextPattern.Glob(a, ignoreCase: true), r.Action))
                && (resources.Length == 0 || resources.Any(x => PolicyGate.Reasoning.Patterns.PatternMatcher.Matches(PolicyGate.Reasoning.Patterns.TextPattern.Glob(x), r.Resource)));
            return (result, [p], resource, Violates, $"policy: {policy}\nactions: {string.Join(",", actions)} resources: {string.Join(",", resources)}");
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Public_access_counterexamples_recheck_and_passes_hold_by_brute_force(string which)
    {
        Run(which, (random, grammar, _) =>
        {
            var policy = grammar.Policy(resourcePolicy: true);
            var result = NoPublicAccess(policy);
            var p = Read(policy, PolicyReading.Broadest, principals: true);
            var fresh = FreshValues.Avoiding([policy]);
            var tested = p.Statements.SelectMany(x => x.Conditions).Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // Outsiders as CheckNoPublicAccess defines them: anonymous, another account or a web identity, presenting only
            // values they control for the keys that identify callers, from an address outside the narrow ranges.
            bool Outsider(AccessRequest r) =>
                (r.Principal == PrincipalIdentity.Anonymous || r.Principal!.Contains($"::{fresh.Account}:", StringComparison.Ordinal) || r.Principal.StartsWith("Federated:accounts", StringComparison.Ordinal))
                && r.Context.All(kv => kv.Value.IsDefaultOrEmpty || !tested.Contains(kv.Key) || kv.Value.All(v => CallerKeys.OutsiderValues(kv.Key.ToLowerInvariant(), fresh) is not { } allowed || PolicyGate.Reasoning.Patterns.PatternMatcher.Matches(allowed, v)))
                && (r.ValuesOf("aws:SourceIp") is null || r.ValuesOf("aws:SourceIp")!.All(v => !v.StartsWith("10.", StringComparison.Ordinal) && !v.StartsWith("192.0.2.1", StringComparison.Ordinal) && !v.StartsWith("2001:db8:", StringComparison.Ordinal)));
            bool Violates(AccessRequest r) => Outsider(r) && PolicyEvaluator.Evaluate(p, r).Allowed;
            return (result, [p], true, Violates, $"policy: {policy}");
        });
    }

    private void Run(string which, Func<Random, PolicyGrammar, bool, (PolicyCheckResult Result, ReadPolicy[] Policies, bool Principals, Func<AccessRequest, bool> Violates, string Case)> check)
    {
        var seed = which == "fixed" ? FixedSeed : FreshSeed();
        output.WriteLine($"seed {seed} ({which}); replay with POLICYGATE_PROPERTY_SEED={seed}");
        var random = new Random(seed);
        var grammar = new PolicyGrammar(random);
        int fails = 0, passes = 0, undecided = 0;
        for (var i = 0; i < PairsPerSeed; i++)
        {
            var resource = random.Next(2) == 0;
            (PolicyCheckResult Result, ReadPolicy[] Policies, bool Principals, Func<AccessRequest, bool> Violates, string Case) run;
            try
            {
                run = check(random, grammar, resource);
            }
            catch (SelfCheckFailedException ex)
            {
                throw new ShouldAssertException($"seed {seed}, case {i}: {ex.Message}\n{grammar.LastPolicies}");
            }

            var (result, policies, principals, violates, text) = run;
            var where = $"seed {seed}, case {i}:\n{text}";
            if (result.Result == CheckVerdict.Pass)
            {
                passes++;
                var universe = new RequestUniverse(random, principals, policies, ContextKeyArity.For(policies, IamCatalogResource.Embedded));
                var witness = universe.Requests(RequestsPerPair).FirstOrDefault(violates);
                witness.ShouldBeNull($"PASS, but this request shows otherwise: {witness}\n{where}");
                continue;
            }

            if (result.Undecided)
            {
                undecided++;
                output.WriteLine($"could not prove (case {i}): {result.Reasons[0].Explanation}\n{text}");
                continue;
            }

            fails++;
            result.Counterexample.ShouldNotBeNull(where);
            foreach (var reason in result.Reasons.Where(r => r.Counterexample is not null))
            {
                var c = reason.Counterexample!;
                var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
                violates(request).ShouldBeTrue($"counterexample {request} does not re-check\n{where}");
                PolicyEvaluator.Matches(policies[0].Statements.First(s => s.Index == reason.StatementIndex && s.Effect == PolicyGate.Iam.Model.PolicyEffect.Allow), request)
                    .ShouldBeTrue($"counterexample {request} is not matched by the statement it names\n{where}");
            }
        }

        output.WriteLine($"{passes} PASS, {fails} FAIL with counterexamples, {undecided} could not prove");
        undecided.ShouldBeLessThan(PairsPerSeed / 50, $"seed {seed}: too many undecided checks");
    }

    private static int FreshSeed() =>
        Environment.GetEnvironmentVariable("POLICYGATE_PROPERTY_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
}
