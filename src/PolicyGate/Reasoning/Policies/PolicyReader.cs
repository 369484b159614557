using System.Collections.Immutable;
using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Policies;

/// <summary>
/// Reads a policy model into a <see cref="ReadPolicy"/>, resolving every uncertainty the way the reading asks.
/// The rule is one: an uncertain part is counted when counting it widens what the policy allows under
/// <see cref="PolicyReading.Broadest"/> (or narrows it under <see cref="PolicyReading.Narrowest"/>). Whether a part
/// widens depends on where it sits: an Allow statement's Action widens, its NotAction and its conditions
/// narrow; in a Deny statement everything is the other way round; a negated operator's values narrow.
/// </summary>
public static class PolicyReader
{
    /// <param name="comparePrincipals">True for resource policies: the Principal element is part of what a statement matches.</param>
    /// <param name="partialArnsNameOneAccount">
    /// For CheckNoPublicAccess: an AWS principal ARN with a part unknown offline (an account id from a template
    /// parameter) names one principal whatever the value is, since IAM accepts no wildcard there, so it names
    /// no outsider; read it as matching nobody instead of anybody.
    /// </param>
    public static ReadPolicy Read(PolicyDocument policy, PolicyReading reading, bool comparePrincipals, bool partialArnsNameOneAccount = false)
    {
        var variables = policy.Version?.Items.Any(i => i.Value.Text == "2012-10-17") ?? false;
        var statements = ImmutableArray.CreateBuilder<ReadStatement>();
        foreach (var statement in policy.Statements)
        {
            if (Read(statement, reading, comparePrincipals, variables, partialArnsNameOneAccount) is { } read)
            {
                statements.Add(read);
            }
        }

        return new ReadPolicy(statements.ToImmutable(), reading) { Source = policy };
    }

    private static ReadStatement? Read(PolicyStatement statement, PolicyReading reading, bool comparePrincipals, bool variables, bool partialArnsNameOneAccount)
    {
        if (EffectOf(statement, reading) is not { } effect)
        {
            return null;
        }

        // wantMatch: does matching more requests widen what the policy allows under this reading?
        var wantMatch = effect == PolicyEffect.Allow == (reading == PolicyReading.Broadest);
        if (statement.Guard.IsConditional && !wantMatch)
        {
            return null;
        }

        var action = ReadElement(statement.Action, statement.NotAction, wantMatch, a => a.Value, v => PolicyPatterns.FromValue(v, PatternSyntax.Glob, ignoreCase: true, variables: false, unknownMatchesAnything: true), missing: null);
        var resource = ReadElement(statement.Resource, statement.NotResource, wantMatch, r => r.Value, v => PolicyPatterns.FromValue(v, PatternSyntax.Glob, ignoreCase: false, variables, unknownMatchesAnything: true), missing: ElementTest.Everything);
        return new ReadStatement(statement.Index, statement.SidText, effect, action with { ElementName = statement.NotAction is not null && statement.Action is null ? "NotAction" : "Action" }, resource)
        {
            Principal = comparePrincipals ? ReadPrincipal(statement, wantMatch, partialArnsNameOneAccount) : null,
            Conditions = ReadConditions(statement.Condition, wantMatch, variables),
            Source = statement,
        };
    }

    /// <summary>Allow or Deny as the reading sees a statement whose Effect may depend on a choice; null when it has no valid effect.</summary>
    private static PolicyEffect? EffectOf(PolicyStatement statement, PolicyReading reading)
    {
        var items = statement.Effect?.Items.Where(i => i.Effect is not null).ToList() ?? [];
        if (items.Count == 0)
        {
            return null;
        }

        bool Certainly(PolicyEffect e) => items.All(i => i.Effect == e) && items.Any(i => !i.Value.Guard.IsConditional) && statement.Effect!.MayBeAbsent is false;
        bool Possibly(PolicyEffect e) => items.Any(i => i.Effect == e);
        return reading == PolicyReading.Broadest
            ? Possibly(PolicyEffect.Allow) ? PolicyEffect.Allow : Certainly(PolicyEffect.Deny) ? PolicyEffect.Deny : null
            : Possibly(PolicyEffect.Deny) ? PolicyEffect.Deny : Certainly(PolicyEffect.Allow) ? PolicyEffect.Allow : null;
    }

    private static ElementTest ReadElement<T>(
        PolicyElement<T>? positive, PolicyElement<T>? negative, bool wantMatch, Func<T, PolicyValue> valueOf, Func<PolicyValue, TextPattern> read, ElementTest? missing)
        where T : IPolicyItem
    {
        // Both present is an error IAM rejects; the positive element is read.
        var element = positive ?? negative;
        if (element is null)
        {
            return missing ?? (wantMatch ? ElementTest.Everything : ElementTest.Nothing);
        }

        var negated = positive is null;
        var wantItems = wantMatch != negated;
        var patterns = ImmutableArray.CreateBuilder<TextPattern>();
        foreach (var item in element.Items)
        {
            var value = valueOf(item);
            if (value.Guard.IsConditional && !wantItems)
            {
                continue;
            }

            var pattern = read(value);
            patterns.Add(value.IsFullyKnown || wantItems ? pattern : TextPattern.Never(value.Text));
        }

        if (element.MayBeAbsent && wantItems)
        {
            // The element may not be there at all; read permissively, that is as if it matched everything.
            patterns.Add(TextPattern.Anything);
        }

        return new ElementTest(Distinct(patterns), negated) { ElementName = element.Name };
    }

    private static ElementTest ReadPrincipal(PolicyStatement statement, bool wantMatch, bool partialArnsNameOneAccount)
    {
        var element = statement.Principal ?? statement.NotPrincipal;
        if (element is null)
        {
            // A resource policy statement without a principal is invalid; the reading decides whom it names.
            return wantMatch ? ElementTest.Everything : ElementTest.Nothing;
        }

        var negated = statement.Principal is null;
        var wantItems = wantMatch != negated;
        var patterns = ImmutableArray.CreateBuilder<TextPattern>();
        foreach (var item in element.Items)
        {
            if (item.Value.Guard.IsConditional && !wantItems)
            {
                continue;
            }

            foreach (var (pattern, certain) in PrincipalPatterns.Of(item, negated, unknownMatchesAnything: wantItems, partialArnsNameOneAccount))
            {
                if (certain || wantItems)
                {
                    patterns.Add(pattern);
                }
            }
        }

        if ((element.MayBeAbsent || !element.InvalidForms.IsDefaultOrEmpty) && wantItems)
        {
            patterns.Add(TextPattern.Anything);
        }

        return new ElementTest(Distinct(patterns), negated) { ElementName = element.Name };
    }

    private static ImmutableArray<ConditionTest> ReadConditions(ConditionElement? condition, bool wantMatch, bool variables)
    {
        if (condition is null)
        {
            return [];
        }

        var tests = ImmutableArray.CreateBuilder<ConditionTest>();
        foreach (var (block, entry) in condition.Entries)
        {
            // Each entry narrows the statement: one that may not exist is kept only when narrowing is wanted.
            var conditional = entry.Guard.IsConditional || block.Guard.IsConditional || condition.MayBeAbsent || entry.MayBeAbsent;
            if (conditional && wantMatch)
            {
                continue;
            }

            tests.Add(ConditionReader.Read(block.Operator, entry, wantEntryTrue: wantMatch, variables));
        }

        return tests.ToImmutable();
    }

    private static ImmutableArray<TextPattern> Distinct(ImmutableArray<TextPattern>.Builder patterns) =>
        patterns.Distinct().ToImmutableArray();
}
