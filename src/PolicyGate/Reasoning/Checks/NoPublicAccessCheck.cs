using PolicyGate.AccessAnalyzer;
using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// CheckNoPublicAccess: can an outsider get in? An outsider is an anonymous caller, a principal of an account no
/// policy names, or a user of a web identity provider (not SAML: that is the owner's own identity provider),
/// presenting only values they control for the keys that identify callers (<see cref="CallerKeys"/>) and an
/// address outside every narrow range the policy names.
/// </summary>
public static class NoPublicAccessCheck
{
    public static PolicyCheckResult Run(ReadPolicy policy, Func<IamCatalog?> catalog, ReasoningLimits limits, FreshValues fresh)
    {
        var session = new ReasoningSession(ContextKeyArity.For([policy], catalog()), catalog, fresh.Account, limits);
        var f = session.Formulas;
        var outsiders = new[] { TextPattern.Exact(PrincipalIdentity.Anonymous), PrincipalPatterns.OutsideAccount(fresh.Account), PrincipalPatterns.AnyOfKind(PrincipalIdentity.Federated) };
        var saml = PrincipalPatterns.SamlProviders();
        var keys = new List<(ConditionTest Test, TextPattern? Values, List<ConditionOperand> Narrow)>();
        foreach (var test in policy.Statements.SelectMany(s => s.Conditions).DistinctBy(t => (t.KeyId, t.Family)))
        {
            var values = test.Family == ValueFamily.String ? CallerKeys.OutsiderValues(test.KeyId, fresh) : null;
            var narrow = test.Family == ValueFamily.Ip && CallerKeys.IsAddressKey(test.KeyId) ? NarrowRanges(policy, test.KeyId) : [];
            if (values is not null || narrow.Count > 0)
            {
                keys.Add((test, values, narrow));
            }
        }

        var outsider = Formula.And([
            f.In(session.Atoms.Principal, outsiders),
            Formula.Not(f.In(session.Atoms.Principal, [saml])),
            .. keys.Select(k => Outsider(f, session.Atoms.Context(k.Test.Key, k.Test.Family), k.Values, k.Narrow)),
        ]);
        bool IsOutsider(AccessRequest r)
        {
            var principal = r.Principal ?? PrincipalIdentity.Anonymous;
            return outsiders.Any(p => PatternMatcher.Matches(p, principal)) && !PatternMatcher.Matches(saml, principal)
                && keys.All(k => r.ValuesOf(k.Test.Key) is not { } values
                    || values.All(v => (k.Values is null || PatternMatcher.Matches(k.Values, v)) && !k.Narrow.Any(n => ConditionEvaluator.Matches(n, n.Text, v))));
        }

        var denies = Formula.Or(policy.Denies.Select(f.Statement));
        var queries = policy.Allows.Select(statement => new StatementQuery(
            statement,
            Formula.And(f.Statement(statement), Formula.Not(denies), outsider),
            request => PolicyEvaluator.Matches(statement, request) && PolicyEvaluator.Evaluate(policy, request).Allowed && IsOutsider(request)));
        return StatementCheckRunner.Run(session, queries, comparePrincipals: true, CheckTexts.NoPublicAccess);
    }

    /// <summary>Every value of the key (when present) is one an outsider could present.</summary>
    private static Formula Outsider(FormulaBuilder f, Dimension dimension, TextPattern? values, List<ConditionOperand> narrow)
    {
        if (narrow.Count > 0)
        {
            return Formula.Not(f.In(dimension, narrow));
        }

        var members = new[] { new ConditionOperand(values!, ValueFamily.String, Comparison.Match) };
        return dimension.MultiValued ? f.All(dimension, members) : Formula.Or(Formula.Not(f.Present(dimension)), f.In(dimension, members));
    }

    private static List<ConditionOperand> NarrowRanges(ReadPolicy policy, string keyId) =>
        policy.Statements.SelectMany(s => s.Conditions)
            .Where(c => c.KeyId == keyId && c.Family == ValueFamily.Ip)
            .SelectMany(c => c.Operands)
            .Where(o => o.Constant is null && !o.Text.HasVariables && IpRange.TryParse(string.Concat(o.Text.Tokens.Select(t => t.Char)), out var r)
                        && r.PrefixLength >= (r.V6 ? CallerKeys.MinIpv6Prefix : CallerKeys.MinIpv4Prefix))
            .DistinctBy(o => o.Text.Key)
            .ToList();
}
