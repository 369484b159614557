using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Confirms a model that the theories could not pin down (it assigns tests that read policy variables, or a key
/// read in two value families) by trying concrete requests around it: values for the variables taken from the
/// model (the key's own value, or the part of a matched string where the variable sits), and strings rebuilt
/// from the patterns with those values. The first request the concrete check accepts is the counterexample.
/// </summary>
public static class Concretizer
{
    private const int MaxCandidatesPerKey = 12;
    private const int MaxRequests = 256;

    public static AccessRequest? Confirm(ModelRequest model, Assignment assignment, QueryAtoms query, Func<AccessRequest, bool> holds)
    {
        var request = model.Request;
        if (holds(request))
        {
            return request;
        }

        var uses = query.Opaque.Where(o => assignment.ValueOf(o.Id) == true).SelectMany(o => o.Uses).ToList();
        var keys = query.Opaque.Where(o => assignment.ValueOf(o.Id) is not null)
            .SelectMany(o => o.Uses).SelectMany(u => u.Pattern.Variables).Select(v => v.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var tried = 0;

        // Values found for one variable can place another (a tag compared with the user name, the user name in an
        // ARN), so a second round starts from each request the first one built.
        var round = new List<AccessRequest> { request };
        for (var depth = 0; depth < 2; depth++)
        {
            var next = new List<AccessRequest>();
            foreach (var start in round)
            {
                var options = keys.Select(k => (Key: k, Values: ValuesFor(k, start, uses))).ToList();
                foreach (var choice in Combinations(options))
                {
                    var withValues = start with { Context = start.Context.SetItems(choice.Select(c => KeyValuePair.Create(c.Key, ImmutableArray.Create(c.Value)))) };
                    foreach (var candidate in new[] { withValues, Rebuilt(withValues, uses) })
                    {
                        if (++tried > MaxRequests)
                        {
                            return null;
                        }

                        if (holds(candidate))
                        {
                            return candidate;
                        }

                        next.Add(candidate);
                    }
                }
            }

            round = next;
        }

        return null;
    }

    /// <summary>Values to try for a variable's key: its value in the model, the parts of matched strings where it sits, and a fresh one.</summary>
    private static List<string> ValuesFor(string key, AccessRequest request, List<(TextPattern Pattern, Dimension Dimension)> uses)
    {
        var values = new List<string>();
        if (request.ValuesOf(key) is { Count: 1 } own)
        {
            values.Add(own[0]);
        }

        foreach (var (pattern, dimension) in uses)
        {
            var text = FormulaBuilder.ValueOf(dimension, request);
            values.AddRange(Splits(pattern, key, text));
        }

        values.Add("example");
        return [.. values.Distinct(StringComparer.Ordinal).Take(MaxCandidatesPerKey)];
    }

    /// <summary>The substrings of <paramref name="text"/> that, put in place of the variable, make the pattern match it.</summary>
    private static IEnumerable<string> Splits(TextPattern pattern, string key, string text)
    {
        var index = pattern.Tokens.IndexOf(pattern.Tokens.FirstOrDefault(t => t.Variable?.Key.Equals(key, StringComparison.OrdinalIgnoreCase) == true));
        if (index < 0 || pattern.Tokens.Count(t => t.Kind == TokenKind.Variable) != 1 || text.Length > 512)
        {
            yield break;
        }

        var before = TextPattern.Create(pattern.Tokens[..index], pattern.IgnoreCase, pattern.Display);
        var after = TextPattern.Create(pattern.Tokens[(index + 1)..], pattern.IgnoreCase, pattern.Display);
        for (var i = 0; i <= text.Length; i++)
        {
            if (!PatternMatcher.Matches(before, text[..i]))
            {
                continue;
            }

            for (var j = text.Length; j >= i; j--)
            {
                if (PatternMatcher.Matches(after, text[j..]))
                {
                    yield return text[i..j];
                }
            }
        }
    }

    /// <summary>The request with each string a true variable test applies to rebuilt from its pattern and the chosen values.</summary>
    private static AccessRequest Rebuilt(AccessRequest request, List<(TextPattern Pattern, Dimension Dimension)> uses)
    {
        foreach (var (pattern, dimension) in uses)
        {
            if (pattern.Substitute(request.ValuesOf) is not { } resolved)
            {
                continue;
            }

            var text = WitnessCandidates.Fill(resolved, "example");
            request = dimension.Kind switch
            {
                DimensionKind.Resource => request with { Resource = text },
                DimensionKind.Action => request with { Action = text },
                DimensionKind.Principal => request with { Principal = text },
                _ => request with { Context = request.Context.SetItem(dimension.KeyId, [text]) },
            };
        }

        return request;
    }

    private static IEnumerable<List<(string Key, string Value)>> Combinations(List<(string Key, List<string> Values)> options)
    {
        if (options.Count == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Combinations(options[1..]))
        {
            foreach (var value in options[0].Values)
            {
                yield return [(options[0].Key, value), .. rest];
            }
        }
    }
}
