using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Tests.Iam;

/// <summary>The engine-facing entry point: Access Analyzer's request in, Access Analyzer's findings out.</summary>
public class OfflinePolicyValidatorTests
{
    private const string Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "NotPrincipal": { "AWS": "111122223333" }, "Action": "sts:AssumeRole" }
          ]
        }
        """;

    [Fact]
    public void Validates_json_text_with_access_analyzer_types_and_locations()
    {
        var request = new ValidatePolicyRequest(new PolicyDocumentInput(Trust), ValidatePolicyType.Resource, "AWS::IAM::AssumeRolePolicyDocument");
        var result = IamTestKit.Validator.Validate(request);
        result.Engine.ShouldBe("local");
        var notPrincipal = result.Findings.Single(f => f.IssueCode == "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL");
        notPrincipal.FindingType.ShouldBe(ValidationFindingType.Error);
        notPrincipal.RuleId.ShouldBe("PG2031");
        notPrincipal.LearnMoreLink.ShouldNotBeNull().ShouldEndWith("#access-analyzer-reference-policy-checks-error-role-trust-policy-syntax-error-notprincipal");
        var span = notPrincipal.Locations.ShouldHaveSingleItem();
        span.Path.Select(p => p.Value ?? p.Key ?? p.Index!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(["Statement", "0", "NotPrincipal"]);
        span.Path[^1].Key.ShouldBe("NotPrincipal", "the finding is on the key itself");
        Trust.Substring(span.StartOffset, span.EndOffset - span.StartOffset).ShouldBe("\"NotPrincipal\"");
        span.StartColumn.ShouldBe(Trust.Split('\n')[span.StartLine - 1].IndexOf("\"NotPrincipal\"", StringComparison.Ordinal));

        result.Findings.ShouldContain(f => f.IssueCode == "ALLOW_WITH_NOTPRINCIPAL" && f.FindingType == ValidationFindingType.SecurityWarning);
    }

    [Fact]
    public void Broken_json_is_a_syntax_error_finding()
    {
        var result = IamTestKit.Validator.Validate(new ValidatePolicyRequest(new PolicyDocumentInput("{\"Version\": \"2012-10-17\", \"Statement\": ["), ValidatePolicyType.Identity));
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.IssueCode.ShouldBe("JSON_SYNTAX_ERROR");
        finding.FindingType.ShouldBe(ValidationFindingType.Error);
        finding.Locations.Single().StartOffset.ShouldBe(40);
    }

    [Fact]
    public void Rule_settings_turn_checks_off_by_code_or_id()
    {
        var request = new ValidatePolicyRequest(new PolicyDocumentInput(Trust), ValidatePolicyType.Resource, "AWS::IAM::AssumeRolePolicyDocument");
        var settings = RuleSettings.Default.With("ALLOW_WITH_NOTPRINCIPAL", null).With("PG2031", null);
        var codes = IamTestKit.Validator.Validate(request, settings).Findings.Select(f => f.IssueCode).ToList();
        codes.ShouldNotContain("ALLOW_WITH_NOTPRINCIPAL");
        codes.ShouldNotContain("ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL");
    }

    [Theory]
    [InlineData(ValidatePolicyType.Identity, null, global::PolicyGate.Extraction.PolicyKind.Identity)]
    [InlineData(ValidatePolicyType.Resource, "AWS::S3::Bucket", global::PolicyGate.Extraction.PolicyKind.Resource)]
    [InlineData(ValidatePolicyType.Resource, "AWS::IAM::AssumeRolePolicyDocument", global::PolicyGate.Extraction.PolicyKind.Trust)]
    [InlineData(ValidatePolicyType.ServiceControl, null, global::PolicyGate.Extraction.PolicyKind.ServiceControl)]
    [InlineData(ValidatePolicyType.ResourceControl, null, global::PolicyGate.Extraction.PolicyKind.ResourceControl)]
    public void Request_types_map_to_policy_kinds(ValidatePolicyType type, string? resourceType, global::PolicyGate.Extraction.PolicyKind kind) =>
        OfflinePolicyValidator.KindOf(type, resourceType).ShouldBe(kind);
}
