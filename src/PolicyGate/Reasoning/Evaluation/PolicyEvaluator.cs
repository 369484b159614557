using System.Collections.Immutable;
using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning.Evaluation;

/// <summary>The outcome of evaluating one policy on one request.</summary>
public enum Decision
{
    /// <summary>No statement applies.</summary>
    ImplicitDeny,
    Allow,

    /// <summary>A Deny statement applies; it overrides every Allow.</summary>
    ExplicitDeny,
}

/// <summary>The decision and the statements (by index) that matched.</summary>
public sealed record Evaluation(Decision Decision, ImmutableArray<int> MatchingAllows, ImmutableArray<int> MatchingDenies)
{
    public bool Allowed => Decision == Decision.Allow;
}

/// <summary>
/// IAM's evaluation logic for one policy, concretely: a request is allowed when some Allow statement matches it
/// and no Deny statement does. A statement matches when its principal, action, resource and every condition do.
/// This is the reference every symbolic answer is checked against.
/// </summary>
public static class PolicyEvaluator
{
    public static Evaluation Evaluate(ReadPolicy policy, AccessRequest request)
    {
        var allows = ImmutableArray.CreateBuilder<int>();
        var denies = ImmutableArray.CreateBuilder<int>();
        foreach (var statement in policy.Statements)
        {
            if (Matches(statement, request))
            {
                (statement.Effect == PolicyEffect.Allow ? allows : denies).Add(statement.Index);
            }
        }

        var decision = denies.Count > 0 ? Decision.ExplicitDeny : allows.Count > 0 ? Decision.Allow : Decision.ImplicitDeny;
        return new Evaluation(decision, allows.ToImmutable(), denies.ToImmutable());
    }

    public static bool Matches(ReadStatement statement, AccessRequest request) =>
        (statement.Principal is null || Matches(statement.Principal, request.Principal ?? PrincipalIdentity.Anonymous, request))
        && Matches(statement.Action, request.Action, request)
        && Matches(statement.Resource, request.Resource, request)
        && statement.Conditions.All(c => ConditionEvaluator.Evaluate(c, request));

    public static bool Matches(ElementTest element, string value, AccessRequest request)
    {
        var any = false;
        foreach (var pattern in element.Patterns)
        {
            if (pattern.Substitute(request.ValuesOf) is { } resolved && PatternMatcher.Matches(resolved, value))
            {
                any = true;
                break;
            }
        }

        return any != element.Negated;
    }
}
