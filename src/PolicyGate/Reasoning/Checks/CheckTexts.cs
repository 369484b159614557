namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// The words of one check: Access Analyzer's result message and reason descriptions (so results read the same
/// whichever engine answered) and the lead of the local engine's explanation.
/// </summary>
public sealed record CheckTexts(string FailMessage, string PassMessage, string ReasonLead, string ExplanationLead, string ExplanationTail)
{
    public static CheckTexts NoNewAccess { get; } = new(
        "The modified permissions grant new access compared to your existing policy.",
        "The modified permissions do not grant new access compared to your existing policy.",
        "New access in the statement with",
        "grants ",
        "; the existing policy does not");

    public static CheckTexts AccessNotGranted { get; } = new(
        "The policy document grants access to perform one or more of the listed actions.",
        "The policy document does not grant access to perform the listed actions.",
        "One or more of the listed actions in the statement with",
        "grants ",
        string.Empty);

    public static CheckTexts NoPublicAccess { get; } = new(
        "The resource policy grants public access for the given resource type.",
        "The resource policy does not grant public access for the given resource type.",
        "Public access granted in the following statement with",
        "makes the resource public: grants ",
        string.Empty);

    /// <summary>"New access in the statement with sid: AllowWrite." or "... with index: 2."</summary>
    public string ReasonDescription(int index, string? sid) =>
        sid is { Length: > 0 } ? $"{ReasonLead} sid: {sid}." : $"{ReasonLead} index: {index}.";
}
