namespace PolicyGate.Checks;

/// <summary>Keys of <see cref="Finding.Properties"/> that stages other than the rule read.</summary>
public static class FindingProperties
{
    /// <summary>The Access Analyzer issue code of the finding (set from the rule's descriptor).</summary>
    public const string IssueCode = "issueCode";

    /// <summary>The CloudFormation logical id of the resource the finding is about, when the finding is in a template.</summary>
    public const string LogicalId = "logicalId";

    /// <summary>The CDK construct path of that resource (from its aws:cdk:path metadata), when known.</summary>
    public const string ConstructPath = "constructPath";
}
