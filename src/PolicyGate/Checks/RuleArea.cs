namespace PolicyGate.Checks;

/// <summary>
/// Rule id ranges by area. Ids are stable forever: a retired rule's id is never reused.
/// PG1xxx parsing and templates, PG2xxx policy validation, PG3xxx custom policy checks,
/// PG4xxx EventBridge, PG9xxx tool notifications.
/// </summary>
public enum RuleArea
{
    Parsing,
    Templates,
    PolicyValidation,
    CustomPolicyChecks,
    EventBridge,
    Tool,
}

public static class RuleAreas
{
    public static string Title(this RuleArea area) => area switch
    {
        RuleArea.Parsing => "Parsing",
        RuleArea.Templates => "CloudFormation templates",
        RuleArea.PolicyValidation => "Policy validation",
        RuleArea.CustomPolicyChecks => "Custom policy checks",
        RuleArea.EventBridge => "EventBridge",
        _ => "Tool notifications",
    };
}
