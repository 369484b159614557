using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MalformedPolicyElementRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2006",
        "MalformedPolicyElement",
        ValidationFindingType.Error,
        "DATA_TYPE_MISMATCH",
        "A policy element has the wrong JSON type.",
        "Policy elements have fixed shapes: Statement is a statement or a list of statements; Version, Id, Sid and Effect are strings; Action, NotAction, Resource and NotResource are a string or a list of strings; Condition is an object of operators, each an object of keys. AWS rejects other shapes.",
        "Give the element the shape IAM expects.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": {"s3": "GetObject"}, "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var problem in context.Policy.Problems)
        {
            context.Report(problem.Location, problem.Message);
        }
    }
}
