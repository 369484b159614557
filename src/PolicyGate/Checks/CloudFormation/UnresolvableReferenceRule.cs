using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class UnresolvableReferenceRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.UnresolvableReference)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1101",
        "UnresolvableReference",
        RuleArea.Templates,
        FindingLevel.Error,
        "A Ref, Fn::GetAtt, Fn::Sub variable, condition, mapping key or DependsOn names something that does not exist.",
        "The name does not match any parameter, resource, pseudo parameter, condition or mapping entry of the template. CloudFormation rejects the template; offline, the value is unknown, so every check treats it as anything at all. In Fn::Sub, IAM policy variables such as ${aws:username} must be written ${!aws:username}.",
        new RuleHelp(
            "Fix the name, or declare the parameter or resource. In Fn::Sub, escape IAM policy variables as ${!aws:username}.",
            "Resource: !Sub 'arn:aws:s3:::${BucketNmae}/home/${aws:username}/*'",
            "Resource: !Sub 'arn:aws:s3:::${BucketName}/home/${!aws:username}/*'",
            "yaml"))
    {
        SecuritySeverity = "7.0",
    };
}
