using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks;
using PolicyGate.Checks.Parsing;
using PolicyGate.Checks.PolicyValidation;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>
/// Access Analyzer's ValidatePolicy, offline: runs every policy check over a policy and answers either with
/// PolicyGate issues (rule, location, message) or with Access Analyzer-shaped findings. Engine-independent:
/// the local engine exposes <see cref="Validate(ValidatePolicyRequest, RuleSettings?)"/> as ValidatePolicy.
/// </summary>
public sealed class OfflinePolicyValidator(IReadOnlyList<PolicyCheck> checks, IamCatalog catalog)
{
    private const string ReferenceLink = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

    public static OfflinePolicyValidator CreateDefault() => new([.. PolicyValidationRules.All], IamCatalogResource.Embedded);

    public IReadOnlyList<PolicyCheck> Checks { get; } = checks;

    public IamCatalog Catalog { get; } = catalog;

    /// <summary>Every issue of the policy, in report order. Rules turned off in <paramref name="settings"/> do not run.</summary>
    public ImmutableArray<PolicyIssue> Validate(PolicyDocument policy, RuleSettings? settings = null)
    {
        var target = new ValidationTarget(policy, Catalog);
        var issues = new List<PolicyIssue>();
        foreach (var check in Checks)
        {
            if ((settings is null || settings.IsEnabled(check.Descriptor)) && check.AppliesTo(target))
            {
                check.Check(new PolicyCheckContext(target, check.Descriptor, issues.Add));
            }
        }

        return [.. issues
            .DistinctBy(i => (i.Rule.Id, i.Location, i.Message))
            .OrderBy(i => i.Location.Path, StringComparer.Ordinal)
            .ThenBy(i => i.Location.Span.Start)
            .ThenBy(i => i.Location.Span.End)
            .ThenBy(i => i.Rule.Id, StringComparer.Ordinal)
            .ThenBy(i => i.Message, StringComparer.Ordinal)];
    }

    /// <summary>ValidatePolicy with Access Analyzer's request and response shapes.</summary>
    public ValidatePolicyResult Validate(ValidatePolicyRequest request, RuleSettings? settings = null)
    {
        var node = request.Policy.Located;
        var findings = ImmutableArray.CreateBuilder<ValidationFinding>();
        if (node is null)
        {
            var file = new SourceFile("policy.json", "policy.json", request.Policy.Json);
            var parsed = JsonDocumentParser.Parse(file, request.Policy.Json);
            var lines = LineIndex.Build(request.Policy.Json);
            foreach (var diagnostic in parsed.Diagnostics.Where(d => d.Kind is DiagnosticKind.SyntaxError or DiagnosticKind.NestingTooDeep))
            {
                findings.Add(SyntaxError(new SourceLocation(file.Path, diagnostic.Span), diagnostic.Message, lines));
            }

            if (parsed.Documents.IsEmpty)
            {
                return new ValidatePolicyResult(findings.ToImmutable(), "local");
            }

            node = parsed.Documents[0];
        }

        var policy = PolicyModelBuilder.Build(node, KindOf(request.PolicyType, request.ValidatePolicyResourceType), request.ValidatePolicyResourceType);
        findings.AddRange(ToFindings(policy, Validate(policy, settings)));
        return new ValidatePolicyResult(findings.ToImmutable(), "local");
    }

    /// <summary>Access Analyzer-shaped findings for issues of a policy whose tree came from a file.</summary>
    public static IEnumerable<ValidationFinding> ToFindings(PolicyDocument policy, IEnumerable<PolicyIssue> issues)
    {
        var text = policy.File.Text;
        var lines = text is null ? null : LineIndex.Build(text);
        foreach (var issue in issues)
        {
            var type = ValidationDescriptors.FindingTypeOf(issue.Rule);
            var span = TextSpan(issue.Location.Span, lines) with { Path = PolicyPaths.Find(policy.Root, issue.Location.Span) };
            yield return new ValidationFinding(type, issue.Rule.AccessAnalyzerIssueCode ?? issue.Rule.Id, issue.Message, LearnMoreLink(type, issue.Rule.AccessAnalyzerIssueCode), [span])
            {
                RuleId = issue.Rule.Id,
                SourceLocation = issue.Location,
            };
        }
    }

    /// <summary>The policy kind a ValidatePolicy request describes (a role trust policy is a resource policy of AWS::IAM::AssumeRolePolicyDocument).</summary>
    public static PolicyKind KindOf(ValidatePolicyType type, string? resourceType) => type switch
    {
        ValidatePolicyType.Identity => PolicyKind.Identity,
        ValidatePolicyType.ServiceControl => PolicyKind.ServiceControl,
        ValidatePolicyType.ResourceControl => PolicyKind.ResourceControl,
        _ => resourceType is "AWS::IAM::AssumeRolePolicyDocument" or "AWS::IAM::Role" ? PolicyKind.Trust : PolicyKind.Resource,
    };

    public static ValidationFinding SyntaxError(SourceLocation location, string message, LineIndex? lines) =>
        new(ValidationFindingType.Error, "JSON_SYNTAX_ERROR", message, LearnMoreLink(ValidationFindingType.Error, "JSON_SYNTAX_ERROR"), [TextSpan(location.Span, lines)])
        {
            RuleId = InvalidSyntaxRule.Rule.Id,
            SourceLocation = location,
        };

    private static PolicyTextSpan TextSpan(SourceSpan span, LineIndex? lines)
    {
        var start = lines?.OffsetOf(span.Start) ?? 0;
        var end = lines?.OffsetOf(span.End) ?? 0;
        return new PolicyTextSpan(span.StartLine, span.StartColumn - 1, start, span.EndLine, span.EndColumn - 1, end);
    }

    private static string? LearnMoreLink(ValidationFindingType type, string? code)
    {
        if (code is null)
        {
            return null;
        }

        var kind = type switch
        {
            ValidationFindingType.Error => "error",
            ValidationFindingType.SecurityWarning => "security-warning",
            ValidationFindingType.Warning => "general-warning",
            _ => "suggestion",
        };
        return $"{ReferenceLink}#access-analyzer-reference-policy-checks-{kind}-{code.ToLowerInvariant().Replace('_', '-')}";
    }
}
