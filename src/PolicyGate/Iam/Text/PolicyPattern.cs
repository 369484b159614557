using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Text;

public enum SegmentKind
{
    /// <summary>Text matched as written (subject to the element's case rule).</summary>
    Literal,

    /// <summary><c>*</c>: any run of characters, including none.</summary>
    AnyString,

    /// <summary><c>?</c>: exactly one character.</summary>
    AnyChar,

    /// <summary>A policy variable such as <c>${aws:username}</c>: replaced by a request value at evaluation time.</summary>
    Variable,

    /// <summary>A part not known offline (an unresolved CloudFormation value).</summary>
    Unknown,
}

/// <summary>A policy variable: the context key it reads and its default (<c>${aws:username, 'none'}</c>).</summary>
public sealed record PolicyVariable(string Key, string? Default);

/// <summary>One piece of a policy string; <see cref="Start"/> and <see cref="Length"/> index the string's text.</summary>
public sealed record TextSegment(SegmentKind Kind, string Text, int Start, int Length, PolicyVariable? Variable = null);

public enum VariableProblemKind
{
    MissingBrace,
    MissingQuote,
    UnsupportedSpace,
    Empty,
}

/// <summary>A malformed policy variable at <see cref="Start"/> (length <see cref="Length"/>) of the string.</summary>
public sealed record VariableProblem(VariableProblemKind Kind, int Start, int Length, string Text);

/// <summary>
/// A string of a policy split into literal text, wildcards, policy variables and unknown parts, with the
/// problems of its variables. Whether <c>*</c> and <c>?</c> are wildcards depends on where the string is
/// (Action, Resource, <c>...Like</c> operators), so the caller says; <c>${*}</c>, <c>${?}</c> and <c>${$}</c>
/// always stand for the literal characters.
/// </summary>
public sealed record PolicyPattern(string Text, ImmutableArray<TextSegment> Segments, ImmutableArray<VariableProblem> Problems)
{
    public bool HasVariables => Segments.Any(s => s.Kind == SegmentKind.Variable);

    public bool HasWildcards => Segments.Any(s => s.Kind is SegmentKind.AnyString or SegmentKind.AnyChar);

    public bool HasUnknowns => Segments.Any(s => s.Kind == SegmentKind.Unknown);

    /// <summary>True when the string is plain text: no wildcard, variable or unknown part.</summary>
    public bool IsLiteral => Segments.All(s => s.Kind == SegmentKind.Literal);

    public IEnumerable<PolicyVariable> Variables => Segments.Where(s => s.Variable is not null).Select(s => s.Variable!);

    /// <summary>The text with unknown parts and variables removed and wildcards kept: what checks on the known part read.</summary>
    public string LiteralText => string.Concat(Segments.Select(s => s.Kind switch
    {
        SegmentKind.Literal => s.Text,
        SegmentKind.AnyString => "*",
        SegmentKind.AnyChar => "?",
        _ => string.Empty,
    }));

    public static PolicyPattern Parse(string text, bool wildcards, bool variables = true) =>
        Parse(text, ImmutableArray<UnknownSegment>.Empty, wildcards, variables);

    public static PolicyPattern Parse(string text, ImmutableArray<UnknownSegment> unknowns, bool wildcards, bool variables = true)
    {
        // Most values are plain text: one literal segment, no scan for variables or wildcards needed.
        if (unknowns.IsDefaultOrEmpty && !(variables && text.Contains("${", StringComparison.Ordinal))
            && !(wildcards && (text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal))))
        {
            return new PolicyPattern(text, text.Length == 0 ? [] : [new TextSegment(SegmentKind.Literal, text, 0, text.Length)], []);
        }

        var segments = ImmutableArray.CreateBuilder<TextSegment>();
        var problems = ImmutableArray.CreateBuilder<VariableProblem>();
        var ordered = unknowns.IsDefaultOrEmpty ? [] : unknowns.Where(u => u.Length > 0).OrderBy(u => u.Start).ToArray();
        var position = 0;
        foreach (var unknown in ordered)
        {
            var start = Math.Clamp(unknown.Start, position, text.Length);
            var end = Math.Clamp(unknown.Start + unknown.Length, start, text.Length);
            ParseKnown(text, position, start, wildcards, variables, segments, problems);
            if (end > start)
            {
                segments.Add(new TextSegment(SegmentKind.Unknown, text[start..end], start, end - start));
            }

            position = end;
        }

        ParseKnown(text, position, text.Length, wildcards, variables, segments, problems);
        return new PolicyPattern(text, segments.ToImmutable(), problems.ToImmutable());
    }

    private static void ParseKnown(string text, int from, int to, bool wildcards, bool variables, ImmutableArray<TextSegment>.Builder segments, ImmutableArray<VariableProblem>.Builder problems)
    {
        var literalStart = from;
        var i = from;
        void FlushLiteral(int end)
        {
            if (end > literalStart)
            {
                segments.Add(new TextSegment(SegmentKind.Literal, text[literalStart..end], literalStart, end - literalStart));
            }
        }

        while (i < to)
        {
            var c = text[i];
            if (wildcards && c is '*' or '?')
            {
                FlushLiteral(i);
                segments.Add(new TextSegment(c == '*' ? SegmentKind.AnyString : SegmentKind.AnyChar, c.ToString(), i, 1));
                i++;
                literalStart = i;
                continue;
            }

            if (variables && c == '$' && i + 1 < to && text[i + 1] == '{')
            {
                var close = text.IndexOf('}', i + 2);
                if (close < 0 || close >= to)
                {
                    problems.Add(new VariableProblem(VariableProblemKind.MissingBrace, i, to - i, text[i..to]));
                    i += 2;
                    continue;
                }

                var inner = text[(i + 2)..close];
                FlushLiteral(i);
                if (inner is "*" or "?" or "$")
                {
                    // ${*}, ${?} and ${$} write the characters themselves.
                    segments.Add(new TextSegment(SegmentKind.Literal, inner, i, close + 1 - i));
                }
                else if (ParseVariable(inner, i, close + 1 - i, text[i..(close + 1)], problems) is { } variable)
                {
                    segments.Add(new TextSegment(SegmentKind.Variable, text[i..(close + 1)], i, close + 1 - i, variable));
                }
                else
                {
                    segments.Add(new TextSegment(SegmentKind.Literal, text[i..(close + 1)], i, close + 1 - i));
                }

                i = close + 1;
                literalStart = i;
                continue;
            }

            i++;
        }

        FlushLiteral(to);
    }

    private static PolicyVariable? ParseVariable(string inner, int start, int length, string written, ImmutableArray<VariableProblem>.Builder problems)
    {
        if (inner.Trim().Length == 0)
        {
            problems.Add(new VariableProblem(VariableProblemKind.Empty, start, length, written));
            return null;
        }

        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        var key = comma < 0 ? inner : inner[..comma];
        if (key.Any(char.IsWhiteSpace))
        {
            problems.Add(new VariableProblem(VariableProblemKind.UnsupportedSpace, start, length, written));
            return null;
        }

        if (comma < 0)
        {
            return new PolicyVariable(key, null);
        }

        // The default: optional spaces after the comma, then a value in single quotes.
        var rest = inner[(comma + 1)..].TrimStart(' ');
        if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
        {
            problems.Add(new VariableProblem(VariableProblemKind.MissingQuote, start, length, written));
            return null;
        }

        return new PolicyVariable(key, rest[1..^1]);
    }
}
