using System.Collections.Immutable;
using System.Text;
using PolicyGate.Iam.Text;

namespace PolicyGate.Reasoning.Patterns;

/// <summary>
/// A string test of the reasoning engine: literal characters, wildcards (optionally confined to one ARN
/// field) and policy variables, compared with or without regard to case. <see cref="IsNever"/> marks a
/// pattern that matches no string at all (an unknown part read strictly). Two patterns with the same
/// <see cref="Key"/> match the same strings, so the engine interns them by key.
/// </summary>
public sealed class TextPattern : IEquatable<TextPattern>
{
    private TextPattern(ImmutableArray<PatternToken> tokens, bool ignoreCase, bool never, string display)
    {
        Tokens = tokens;
        IgnoreCase = ignoreCase;
        IsNever = never;
        Display = display;
        Key = BuildKey(tokens, ignoreCase, never);
    }

    public ImmutableArray<PatternToken> Tokens { get; }

    public bool IgnoreCase { get; }

    public bool IsNever { get; }

    /// <summary>The text as written in the policy (for messages).</summary>
    public string Display { get; }

    /// <summary>A canonical spelling: equal keys, equal languages.</summary>
    public string Key { get; }

    public bool HasVariables => Tokens.Any(t => t.Kind == TokenKind.Variable);

    public bool HasWildcards => Tokens.Any(t => t.IsWildcard);

    /// <summary>True when the pattern matches exactly one string (no wildcard, no variable).</summary>
    public bool IsLiteral => !IsNever && Tokens.All(t => t.Kind == TokenKind.Literal);

    public bool IsUniversal => !IsNever && Tokens.Length > 0 && Tokens.All(t => t.Kind == TokenKind.AnyString);

    public IEnumerable<PolicyVariable> Variables => Tokens.Where(t => t.Variable is not null).Select(t => t.Variable!);

    public static TextPattern Create(IEnumerable<PatternToken> tokens, bool ignoreCase, string display)
    {
        var list = tokens.Select(t => ignoreCase && t.Kind == TokenKind.Literal ? PatternToken.Literal(char.ToLowerInvariant(t.Char)) : t).ToImmutableArray();
        return new TextPattern(list, ignoreCase, never: false, display);
    }

    /// <summary>The pattern that matches exactly <paramref name="text"/>.</summary>
    public static TextPattern Exact(string text, bool ignoreCase = false) => Create(text.Select(PatternToken.Literal), ignoreCase, text);

    /// <summary>A plain glob: <c>*</c> and <c>?</c> are wildcards, everything else literal.</summary>
    public static TextPattern Glob(string text, bool ignoreCase = false) =>
        Create(text.Select(c => c switch { '*' => PatternToken.Any, '?' => new PatternToken(TokenKind.AnyChar), _ => PatternToken.Literal(c) }), ignoreCase, text);

    public static TextPattern Never(string display, bool ignoreCase = false) => new([], ignoreCase, never: true, display);

    /// <summary>Every string.</summary>
    public static TextPattern Anything { get; } = Create([PatternToken.Any], false, "*");

    /// <summary>
    /// The pattern with each variable replaced by its value (taken literally), or null when a variable cannot be
    /// resolved (its key is absent or has several values, and it has no default): such a pattern matches nothing.
    /// </summary>
    public TextPattern? Substitute(Func<string, IReadOnlyList<string>?> valuesOf)
    {
        if (!HasVariables || IsNever)
        {
            return this;
        }

        var tokens = new List<PatternToken>(Tokens.Length);
        foreach (var token in Tokens)
        {
            if (token.Kind != TokenKind.Variable)
            {
                tokens.Add(token);
                continue;
            }

            var values = valuesOf(token.Variable!.Key);
            var value = values is { Count: 1 } ? values[0] : values is null or { Count: 0 } ? token.Variable.Default : null;
            if (value is null)
            {
                return null;
            }

            tokens.AddRange(value.Select(PatternToken.Literal));
        }

        return Create(tokens, IgnoreCase, Display);
    }

    /// <summary>The pattern with every variable read as <c>*</c>: it matches whatever the pattern can match under any values.</summary>
    public TextPattern VariablesAsAnything() =>
        HasVariables ? Create(Tokens.Select(t => t.Kind == TokenKind.Variable ? PatternToken.Any : t), IgnoreCase, Display) : this;

    public bool Equals(TextPattern? other) => other is not null && other.Key == Key;

    public override bool Equals(object? obj) => Equals(obj as TextPattern);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Display;

    private static string BuildKey(ImmutableArray<PatternToken> tokens, bool ignoreCase, bool never)
    {
        if (never)
        {
            return "\u2205";
        }

        var key = new StringBuilder(tokens.Length + 2);
        key.Append(ignoreCase ? 'i' : 's').Append('|');
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case TokenKind.Literal:
                    if (t.Char is '\\' or '*' or '?' or '$' or '[')
                    {
                        key.Append('\\');
                    }

                    key.Append(t.Char);
                    break;
                case TokenKind.AnyChar:
                    key.Append('?');
                    break;
                case TokenKind.AnyString:
                    key.Append('*');
                    break;
                case TokenKind.AnyCharInField:
                    key.Append("[?]");
                    break;
                case TokenKind.AnyStringInField:
                    key.Append("[*]");
                    break;
                default:
                    key.Append("${").Append(t.Variable!.Key.ToLowerInvariant()).Append('|').Append(t.Variable.Default ?? "\u0000").Append('}');
                    break;
            }
        }

        return key.ToString();
    }
}
