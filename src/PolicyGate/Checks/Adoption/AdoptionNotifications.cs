namespace PolicyGate.Checks.Adoption;

/// <summary>
/// Notifications of the adoption stage (baselines and suppressions), PG9200–PG9299. The report stage raises
/// them; they have no check class.
/// </summary>
public static class AdoptionNotifications
{
    public static readonly RuleDescriptor ExpiredSuppression = new(
        "PG9200",
        "ExpiredSuppression",
        RuleArea.Tool,
        FindingLevel.Warning,
        "A suppression has passed its expiry date and no longer applies.",
        "A suppression in policygate.yaml (or in a template) carries an expiry date that has passed. It no longer hides anything: the findings it covered are reported again, and this notification points at the suppression so it can be renewed with a new date and reason, or removed.",
        new RuleHelp(
            "Decide whether the exception still holds. If it does, give it a new expiry date and say why; if not, fix the findings and delete the suppression.",
            "suppressions:\n  - rule: PG2002\n    path: legacy/**\n    reason: migration pending\n    expires: 2024-01-31",
            "suppressions:\n  - rule: PG2002\n    path: legacy/**\n    reason: migration tracked in OPS-1234, due end of quarter\n    expires: 2027-03-31",
            "yaml"));

    public static IEnumerable<RuleDescriptor> All => [ExpiredSuppression];
}
