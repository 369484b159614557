using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class InvalidIntrinsicFunctionRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.InvalidIntrinsic)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1102",
        "InvalidIntrinsicFunction",
        RuleArea.Templates,
        FindingLevel.Error,
        "An intrinsic function has the wrong arguments, or does not exist.",
        "The function is called with arguments of the wrong shape or type (Fn::Select out of range, Fn::Join without a list, Fn::If without three arguments), is used where CloudFormation does not allow it (Fn::Equals outside Conditions), or is not a CloudFormation function. CloudFormation rejects the template; offline, the value is unknown.",
        new RuleHelp(
            "Call the function with the arguments its reference describes.",
            "Resource: !Select [3, [a, b]]",
            "Resource: !Select [1, [a, b]]",
            "yaml"));
}
