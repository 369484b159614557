using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class CircularDependencyRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.CircularDependency)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1104",
        "CircularDependency",
        RuleArea.Templates,
        FindingLevel.Error,
        "Resources or conditions depend on themselves.",
        "Resources that reference each other (through Ref, Fn::GetAtt, Fn::Sub or DependsOn) in a cycle, a resource name that depends on itself, or conditions that refer to each other in a cycle. CloudFormation rejects such a template. PolicyGate reports the cycle once, leaves the values involved unknown and goes on.",
        new RuleHelp(
            "Break the cycle: for example attach the policy with a separate AWS::IAM::Policy or AWS::S3::BucketPolicy resource instead of referencing the other resource from inside it.",
            "RoleA:\n  Properties:\n    Tags: [{Key: peer, Value: !GetAtt RoleB.Arn}]\nRoleB:\n  Properties:\n    Tags: [{Key: peer, Value: !GetAtt RoleA.Arn}]",
            "RoleA:\n  Properties:\n    Tags: [{Key: peer, Value: !GetAtt RoleB.Arn}]\nRoleB:\n  Properties:\n    Tags: [{Key: team, Value: platform}]",
            "yaml"));
}
