using PolicyGate.Extraction;

namespace PolicyGate.Tests.Iam;

/// <summary>Findings point at the element that causes them, also in YAML and in lists with several entries.</summary>
public class LocationTests
{
    [Fact]
    public void Pass_role_findings_point_at_the_pass_role_entry()
    {
        const string yaml = "Version: \"2012-10-17\"\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, \"iam:PassRole\"]\n    Resource: \"*\"\n";
        var issues = IamTestKit.Validator.Validate(PolicyGate.Iam.Model.PolicyModelBuilder.Build(IamTestKit.Load(yaml, "p.yaml"), PolicyKind.Identity));
        var pass = issues.Issues("PG2120").ShouldHaveSingleItem();
        pass.Location.Path.ShouldBe("p.yaml");
        pass.Location.Span.ShouldBe(new PolicyGate.Documents.SourceSpan(4, 28, 4, 42));
    }

    [Fact]
    public void Wildcard_grants_point_at_the_wildcard_entry()
    {
        var issues = IamTestKit.Validate("""{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "iam:*"], "Resource": "*"}]}""");
        var grant = issues.Issues("PG2122").ShouldHaveSingleItem();
        grant.Location.Span.StartColumn.ShouldBe(63);
    }

    [Fact]
    public void Condition_findings_point_at_the_key_or_the_value()
    {
        var issues = IamTestKit.Validate("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.7/24", "nonsense"]}, "ForAllValues:StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""");
        issues.Issues("PG2099").ShouldHaveSingleItem().Message.ShouldContain("203.0.113.0/24");
        issues.Issues("PG2086").ShouldHaveSingleItem().Message.ShouldContain("\"nonsense\"");
        issues.Issues("PG2078").ShouldHaveSingleItem().Message.ShouldContain("aws:PrincipalTag/team");
        var text = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.7/24", "nonsense"]}, "ForAllValues:StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""";
        issues.Issues("PG2086").Single().Location.Span.StartColumn.ShouldBe(text.IndexOf("\"nonsense\"", StringComparison.Ordinal) + 1);
        issues.Issues("PG2078").Single().Location.Span.StartColumn.ShouldBe(text.IndexOf("\"aws:PrincipalTag/team\"", StringComparison.Ordinal) + 1);
    }
}
