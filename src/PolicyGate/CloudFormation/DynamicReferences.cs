using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Dynamic references (<c>{{resolve:ssm:name}}</c>, <c>{{resolve:ssm-secure:...}}</c>,
/// <c>{{resolve:secretsmanager:...}}</c>) are read at deploy time: their text is kept and marked unknown.
/// </summary>
public static class DynamicReferences
{
    private const string Open = "{{resolve:";

    public static ScalarNode Mark(ScalarNode scalar)
    {
        var text = scalar.Value;
        var segments = scalar.Unknowns.IsDefaultOrEmpty ? ImmutableArray.CreateBuilder<UnknownSegment>() : scalar.Unknowns.ToBuilder();
        var found = false;
        for (var start = text.IndexOf(Open, StringComparison.Ordinal); start >= 0; start = text.IndexOf(Open, start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf("}}", start + Open.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var reference = text[(start + Open.Length)..end];
            var service = reference.Split(':')[0];
            segments.Add(new UnknownSegment(start, end + 2 - start, $"dynamic reference to {service} ({reference}) is resolved at deploy time"));
            found = true;
            start = end;
        }

        if (!found)
        {
            return scalar;
        }

        return scalar with { Unknowns = segments.OrderBy(s => s.Start).ToImmutableArray() };
    }
}
