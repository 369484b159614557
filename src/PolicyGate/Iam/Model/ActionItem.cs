using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Model;

/// <summary>
/// An entry of Action or NotAction: <c>service:action</c> with <c>*</c>/<c>?</c> wildcards, compared without
/// regard to case. <see cref="Service"/> and <see cref="Name"/> are null when the text has no colon (only
/// <c>*</c> is valid then).
/// </summary>
public sealed record ActionItem(PolicyValue Value) : IPolicyItem
{
    public string Text => Value.Text;

    public bool IsAllActions => Value.IsFullyKnown && Text == "*";

    public string? Service { get; } = Value.Text.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? Value.Text[..i] : null;

    public string? Name { get; } = Value.Text.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? Value.Text[(i + 1)..] : null;

    public bool HasWildcard => Text.Contains('*', StringComparison.Ordinal) || Text.Contains('?', StringComparison.Ordinal);

    /// <summary>The action as a case-insensitive glob; unknown parts read as <paramref name="reading"/> says.</summary>
    public Glob ToGlob(PatternReading reading = PatternReading.Permissive) =>
        Glob.From(PolicyPattern.Parse(Value.Text, Value.Node.Unknowns, wildcards: true, variables: false), ignoreCase: true, reading);

    /// <summary>True when this entry names <paramref name="action"/> (for example <c>iam:PassRole</c>), wildcards and case considered.</summary>
    public bool Matches(string action) => !Value.IsUnknown && ToGlob().Matches(action);
}

/// <summary>An Effect value: <see cref="Effect"/> is null unless the text is exactly "Allow" or "Deny" (case-sensitive).</summary>
public sealed record EffectItem(PolicyValue Value) : IPolicyItem
{
    public PolicyEffect? Effect { get; } = Value.IsString ? Value.Text switch
    {
        "Allow" => PolicyEffect.Allow,
        "Deny" => PolicyEffect.Deny,
        _ => null,
    } : null;
}

public enum PolicyEffect
{
    Allow,
    Deny,
}
