using PolicyGate.Iam.Text;

namespace PolicyGate.Reasoning.Patterns;

public enum TokenKind : byte
{
    /// <summary>One character (folded when the pattern ignores case).</summary>
    Literal,

    /// <summary><c>?</c>: any one character.</summary>
    AnyChar,

    /// <summary><c>*</c>: any run of characters, colons included.</summary>
    AnyString,

    /// <summary><c>?</c> inside one of the first five fields of an ARN pattern: any character but a colon.</summary>
    AnyCharInField,

    /// <summary><c>*</c> inside one of the first five fields of an ARN pattern: any run without a colon.</summary>
    AnyStringInField,

    /// <summary>A policy variable, replaced by the request's value of its key (taken literally).</summary>
    Variable,
}

/// <summary>One token of a <see cref="TextPattern"/>.</summary>
public readonly record struct PatternToken(TokenKind Kind, char Char = '\0', PolicyVariable? Variable = null)
{
    public static PatternToken Literal(char c) => new(TokenKind.Literal, c);

    public static PatternToken Any => new(TokenKind.AnyString);

    public static PatternToken AnyInField => new(TokenKind.AnyStringInField);

    public bool IsWildcard => Kind is TokenKind.AnyChar or TokenKind.AnyString or TokenKind.AnyCharInField or TokenKind.AnyStringInField;

    /// <summary>True when the token consumes any run of characters (zero included).</summary>
    public bool IsStar => Kind is TokenKind.AnyString or TokenKind.AnyStringInField;

    /// <summary>Whether this non-variable token accepts <paramref name="c"/> (already folded when the pattern ignores case).</summary>
    public bool Accepts(char c) => Kind switch
    {
        TokenKind.Literal => Char == c,
        TokenKind.AnyChar or TokenKind.AnyString => true,
        TokenKind.AnyCharInField or TokenKind.AnyStringInField => c != ':',
        _ => false,
    };
}
