using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;

namespace PolicyGate.Reasoning.Patterns;

/// <summary>How a policy string is read: as written (StringEquals), as a glob (Action, Resource, StringLike) or as an ARN pattern (ArnLike).</summary>
public enum PatternSyntax
{
    Literal,
    Glob,

    /// <summary>A glob whose wildcards stay inside one colon-delimited field in the first five fields (ArnLike, ArnEquals).</summary>
    Arn,
}

/// <summary>Turns policy strings into <see cref="TextPattern"/>s.</summary>
public static class PolicyPatterns
{
    /// <summary>
    /// Reads <paramref name="value"/>. Policy variables are kept when <paramref name="variables"/> is true (policy
    /// version 2012-10-17); a part not known offline reads as <c>*</c> when <paramref name="unknownMatchesAnything"/>,
    /// otherwise the whole pattern matches nothing.
    /// </summary>
    public static TextPattern FromValue(PolicyValue value, PatternSyntax syntax, bool ignoreCase, bool variables, bool unknownMatchesAnything)
    {
        if (value.IsUnknown)
        {
            return unknownMatchesAnything ? TextPattern.Anything : TextPattern.Never(value.Text, ignoreCase);
        }

        var parsed = PolicyPattern.Parse(value.Text, value.Node.Unknowns, wildcards: syntax != PatternSyntax.Literal, variables);
        if (parsed.HasUnknowns && !unknownMatchesAnything)
        {
            return TextPattern.Never(value.Text, ignoreCase);
        }

        return FromSegments(parsed, syntax, ignoreCase, value.Text);
    }

    /// <summary>Reads a plain string (no unknown parts), as the command line or a reference file gives it.</summary>
    public static TextPattern FromText(string text, PatternSyntax syntax, bool ignoreCase, bool variables = false) =>
        FromSegments(PolicyPattern.Parse(text, wildcards: syntax != PatternSyntax.Literal, variables), syntax, ignoreCase, text);

    private static TextPattern FromSegments(PolicyPattern parsed, PatternSyntax syntax, bool ignoreCase, string display)
    {
        // ArnLike matches field by field: in the first five fields a wildcard never crosses a colon. A pattern
        // with fewer than six fields is read as a plain glob.
        var confine = syntax == PatternSyntax.Arn && parsed.Segments.Where(s => s.Kind == SegmentKind.Literal).Sum(s => s.Text.Count(c => c == ':')) >= 5;
        var colons = 0;
        var tokens = new List<PatternToken>(parsed.Text.Length);
        foreach (var segment in parsed.Segments)
        {
            var inField = confine && colons < 5;
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    foreach (var c in segment.Text)
                    {
                        tokens.Add(PatternToken.Literal(c));
                        colons += c == ':' ? 1 : 0;
                    }

                    break;
                case SegmentKind.AnyString:
                    tokens.Add(new PatternToken(inField ? TokenKind.AnyStringInField : TokenKind.AnyString));
                    break;
                case SegmentKind.AnyChar:
                    tokens.Add(new PatternToken(inField ? TokenKind.AnyCharInField : TokenKind.AnyChar));
                    break;
                case SegmentKind.Variable:
                    tokens.Add(new PatternToken(TokenKind.Variable, Variable: segment.Variable));
                    break;
                default:
                    tokens.Add(new PatternToken(inField ? TokenKind.AnyStringInField : TokenKind.AnyString));
                    break;
            }
        }

        return TextPattern.Create(tokens, ignoreCase, display);
    }
}
