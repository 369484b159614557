namespace PolicyGate.Extraction;

/// <summary>What a document is, decided by its content (the file name only decides for configuration files).</summary>
public enum DocumentKind
{
    CloudFormationTemplate,
    IamPolicy,
    EventPattern,

    /// <summary>A sample EventBridge event (used by rule tests); not checked itself.</summary>
    EventSample,
    PolicyGateConfig,

    /// <summary>Any other JSON or YAML (package.json, CI files, ...): ignored quietly, counted in the summary.</summary>
    Other,
}

public static class DocumentKinds
{
    /// <summary>"3 IAM policies", "1 CloudFormation template", "2 other".</summary>
    public static string Describe(this DocumentKind kind, int count)
    {
        var one = count == 1;
        var noun = kind switch
        {
            DocumentKind.CloudFormationTemplate => one ? "CloudFormation template" : "CloudFormation templates",
            DocumentKind.IamPolicy => one ? "IAM policy" : "IAM policies",
            DocumentKind.EventPattern => one ? "event pattern" : "event patterns",
            DocumentKind.EventSample => one ? "sample event" : "sample events",
            DocumentKind.PolicyGateConfig => one ? "PolicyGate config" : "PolicyGate configs",
            _ => "other",
        };
        return $"{count} {noun}";
    }
}
