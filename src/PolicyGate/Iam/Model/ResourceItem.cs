using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Model;

/// <summary>
/// An entry of Resource or NotResource: <c>*</c> or an ARN pattern (case-sensitive, <c>*</c>/<c>?</c>
/// wildcards, policy variables). <see cref="Arn"/> is the parsed ARN when the text has six fields.
/// </summary>
public sealed record ResourceItem(PolicyValue Value) : IPolicyItem
{
    public string Text => Value.Text;

    public bool IsAll => Value.IsFullyKnown && Text == "*";

    public PolicyPattern Pattern { get; } = Value.AsPattern();

    public Arn? Arn { get; } = PolicyGate.Iam.Text.Arn.TryParse(Value.Text);

    /// <summary>The resource as a case-sensitive glob; variables and unknown parts read as <paramref name="reading"/> says.</summary>
    public Glob ToGlob(PatternReading reading = PatternReading.Permissive) => Glob.From(Pattern, ignoreCase: false, reading);
}
