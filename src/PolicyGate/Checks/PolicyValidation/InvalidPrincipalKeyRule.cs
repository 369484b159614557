using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidPrincipalKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2022",
        "InvalidPrincipalKey",
        ValidationFindingType.Error,
        "INVALID_PRINCIPAL_KEY",
        "A Principal object has a key that is not a principal type.",
        "The keys of a Principal object are AWS, Service, Federated and CanonicalUser, written exactly so. Other keys are rejected.",
        "Use one of the principal types, with the exact case.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Aws": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        string[] known = ["AWS", "Service", "Federated", "CanonicalUser"];
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                foreach (var entry in element?.Entries ?? [])
                {
                    if (entry.Type != PrincipalType.Invalid)
                    {
                        continue;
                    }

                    var fix = known.FirstOrDefault(k => k.Equals(entry.Key, StringComparison.OrdinalIgnoreCase));
                    context.Report(new SourceLocation(context.Policy.File.Path, entry.KeySpan), statement, fix is not null
                        ? $"principal key \"{entry.Key}\" must be written \"{fix}\""
                        : $"\"{entry.Key}\" is not a principal type; use AWS, Service, Federated or CanonicalUser");
                }
            }
        }
    }
}
