using PolicyGate.Documents;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Validation;

/// <summary>
/// The loops that families of Access Analyzer twins share (the six PassRole shapes, the four variable problems,
/// the IP range checks, ...). Each rule keeps its descriptor and states only what differs.
/// </summary>
public static class SharedChecks
{
    /// <summary>Allow statements that grant <paramref name="action"/> in the given broad shape.</summary>
    public static void SensitiveGrant(PolicyCheckContext context, string action, SensitiveActionGrant shape, string phrase, string risk)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.IsAllow && SensitiveActionGrants.Classify(statement, action) == shape)
            {
                context.Report(SensitiveActionGrants.Where(statement, shape, action), statement, $"{statement.Label} allows {phrase}, which {risk}; name the roles in Resource");
            }
        }
    }

    /// <summary>Malformed policy variables of one kind, in every value where variables are written.</summary>
    public static void VariableProblems(PolicyCheckContext context, VariableProblemKind kind, Func<VariableProblem, string> describe)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var values = (statement.Resource?.Values ?? []).Concat(statement.NotResource?.Values ?? [])
                .Concat(statement.Condition?.Entries.SelectMany(e => e.Entry.Values) ?? [])
                .Concat((statement.Action?.Values ?? []).Concat(statement.NotAction?.Values ?? []))
                .Concat((statement.Principal?.Items ?? []).Concat(statement.NotPrincipal?.Items ?? []).Select(i => i.Value));
            foreach (var value in values.Where(v => v.IsString))
            {
                foreach (var problem in value.AsLiteralPattern().Problems.Where(p => p.Kind == kind))
                {
                    context.Report(value, statement, describe(problem));
                }
            }
        }
    }

    /// <summary>aws:SourceIp conditions of one operator whose values are all valid ranges, split into private and all.</summary>
    public static void SourceIpRanges(PolicyCheckContext context, ConditionOperatorKind op, Func<IReadOnlyList<PolicyValue>, IReadOnlyList<PolicyValue>, ConditionEntry, (SourceLocation Where, string Message)?> judge)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var (block, entry) in statement.ConditionsOn(k => k.Is("aws:SourceIp")))
            {
                if (block.Operator.Kind != op)
                {
                    continue;
                }

                var ranges = entry.Values.Where(v => v.IsFullyKnown).Select(v => (Value: v, Ok: IpRanges.TryParse(v.Text, out var n, out _), Network: n)).Where(r => r.Ok).ToList();
                if (ranges.Count == 0 || ranges.Count != entry.Items.Length)
                {
                    continue;
                }

                var privateOnes = ranges.Where(r => IpRanges.IsPrivate(r.Network)).Select(r => r.Value).ToList();
                if (judge(ranges.Select(r => r.Value).ToList(), privateOnes, entry) is { } finding)
                {
                    context.Report(finding.Where, statement, finding.Message);
                }
            }
        }
    }

    /// <summary>Resource ARNs whose region or account field does not fit every ARN format of their service.</summary>
    public static void ArnFields(PolicyCheckContext context, Func<Arn, IReadOnlyList<ResourceTypeInfo>, bool> wrong, Func<Arn, string, string> describe)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is not { Prefix: "arn" } arn || !ResourceArns.IsPlainField(item, arn.ServiceStart, arn.Service) || item.Text.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            var types = ResourceArns.TypesOf(context.Catalog, arn.Service);
            if (types.Count > 0 && wrong(arn, types))
            {
                context.Report(item.Value, statement, describe(arn, item.Text));
            }
        }
    }

    /// <summary>Statements of one effect with a tag condition key: named services that do not support the key, or NotAction.</summary>
    public static void TagConditionSupport(PolicyCheckContext context, PolicyEffect effect, bool notAction, Func<ConditionEntry, IReadOnlyList<string>, string> describe)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var actions = notAction ? statement.NotAction : statement.Action;
            if (statement.EffectValue != effect || actions is null)
            {
                continue;
            }

            foreach (var (_, entry) in statement.ConditionsOn(TagKeys.IsTagKey))
            {
                var services = notAction ? [] : actions.Items
                    .Where(a => a.Value.IsFullyKnown && a.Service is { } s && !s.Contains('*', StringComparison.Ordinal) && !s.Contains('?', StringComparison.Ordinal))
                    .Select(a => context.Catalog.Service(a.Service!))
                    .Where(s => s is not null && !TagKeys.ServiceSupports(s, entry.Key))
                    .Select(s => s!.Prefix)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (notAction || services.Count > 0)
                {
                    context.Report(entry.KeyLocation, statement, describe(entry, services));
                }
            }
        }
    }

    /// <summary>Known condition values of one operator family that fail a shape test.</summary>
    public static void ConditionValueShapes(PolicyCheckContext context, OperatorFamily family, Func<PolicyValue, bool> valid, Func<ConditionBlock, ConditionEntry, PolicyValue, string> describe)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (block.Operator.Family == family && value.IsFullyKnown && !valid(value))
            {
                context.Report(value, statement, describe(block, entry, value));
            }
        }
    }

    /// <summary>Condition keys written with an empty list of values, under operators the predicate selects.</summary>
    public static void EmptyConditionValues(PolicyCheckContext context, Func<ConditionOperator, bool> selects, Func<ConditionBlock, ConditionEntry, string> describe)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            if (entry is { WrittenAsList: true, Items.IsEmpty: true, MayBeAbsent: false } && selects(block.Operator))
            {
                context.Report(entry.Node.Location, statement, describe(block, entry));
            }
        }
    }

    /// <summary>Statements (always present) whose Sid repeats an earlier statement's Sid.</summary>
    public static void DuplicateSids(PolicyCheckContext context, string advice)
    {
        var seen = new Dictionary<string, PolicyStatement>(StringComparer.Ordinal);
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Guard.IsConditional || statement.Sid?.Single is not { Value.IsFullyKnown: true } sid || sid.Value.Text.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(sid.Value.Text, out var first) && first.Index != statement.Index)
            {
                context.Report(sid.Value, statement, $"Sid \"{sid.Value.Text}\" is also used by statement {first.Index} (line {first.Span.StartLine}); {advice}");
            }
            else
            {
                seen.TryAdd(sid.Value.Text, statement);
            }
        }
    }

    /// <summary>The policy's size (characters without whitespace) against a quota (0: no known quota).</summary>
    public static void PolicySizeQuota(PolicyCheckContext context, int quota, string what)
    {
        var size = PolicySize.Of(context.Policy.Root);
        if (quota > 0 && size > quota)
        {
            context.Report(context.Policy.Root.StartLocation(), $"the policy has {size:N0} characters without whitespace, above the {quota:N0} allowed for {what}; split it into several policies");
        }
    }

    /// <summary>AWS principals written as a unique id (AROA..., AIDA...) instead of an ARN.</summary>
    public static void PrincipalIds(PolicyCheckContext context, AwsPrincipalForm form, string kind)
    {
        foreach (var (statement, _, entry, item) in context.Policy.PrincipalItems())
        {
            if (entry.Type == PrincipalType.Aws && item.Form == form)
            {
                context.Report(item.Value, statement, $"the principal \"{item.Text}\" is an IAM {kind}'s unique id, not its ARN (AWS stores ids for deleted {kind}s); use the {kind} ARN");
            }
        }
    }

    /// <summary>Entries of Action/NotAction or Resource/NotResource that another entry of the same list covers.</summary>
    public static void RedundantEntries<T>(PolicyCheckContext context, Func<PolicyStatement, IEnumerable<PolicyElement<T>?>> elements, Func<T, bool> eligible, Func<T, Glob> glob, string noun)
        where T : IPolicyItem
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in elements(statement))
            {
                if (element is null)
                {
                    continue;
                }

                var items = element.Items.Where(i => i.Value.IsFullyKnown && !i.Value.Guard.IsConditional && eligible(i)).ToList();
                foreach (var (i, j) in Validation.RedundantEntries.Find(items.Select(glob).ToList()))
                {
                    context.Report(items[i].Value, statement, $"the {noun} {items[i].Value.Text} is redundant: {items[j].Value.Text} already covers it");
                }
            }
        }
    }
}
