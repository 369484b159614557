using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class UnknownPseudoParameterRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.UnknownPseudoParameter)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1103",
        "UnknownPseudoParameter",
        RuleArea.Templates,
        FindingLevel.Error,
        "A Ref names an AWS:: pseudo parameter that does not exist.",
        "Only AWS::AccountId, AWS::NotificationARNs, AWS::NoValue, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName and AWS::URLSuffix exist. A misspelt one makes CloudFormation reject the template; offline its value is unknown.",
        new RuleHelp(
            "Use one of the pseudo parameters, spelt exactly.",
            "Condition:\n  StringEquals:\n    aws:SourceAccount: !Ref AWS::AccountID",
            "Condition:\n  StringEquals:\n    aws:SourceAccount: !Ref AWS::AccountId",
            "yaml"));
}
