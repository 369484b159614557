using PolicyGate.Checks.EventBridge;
using static PolicyGate.Tests.EventBridge.RuleKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>AWS::AccessAnalyzer::Analyzer resources (seed 003): types, unused-access age, configuration and archive rules.</summary>
public class AnalyzerRuleTests
{
    private static string Template(string properties) => $"""
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Analyzer:
            Type: AWS::AccessAnalyzer::Analyzer
            Properties:
        {properties}
        """;

    private const string Sound = """
              Type: ORGANIZATION_UNUSED_ACCESS
              AnalyzerConfiguration:
                UnusedAccessConfiguration:
                  UnusedAccessAge: 90
              ArchiveRules:
                - RuleName: trusted-account
                  Filter:
                    - Property: principal.AWS
                      Eq: ['111122223333']
                    - Property: condition.aws:PrincipalOrgID
                      Exists: true
        """;

    [Fact]
    public void A_sound_analyzer_raises_nothing()
    {
        var subject = RuleKit.Template(Template(Sound));
        foreach (var rule in EventBridgeRules.All.Where(r => r.Descriptor.Id.StartsWith("PG45", StringComparison.Ordinal)))
        {
            Run(rule, subject).ShouldBeEmpty($"{rule.Descriptor.Id} should not fire on a sound analyzer");
        }
    }

    [Theory]
    [InlineData("UNUSED_ACCESS", "did you mean \"ACCOUNT_UNUSED_ACCESS\"?")]
    [InlineData("account", "did you mean \"ACCOUNT\"?")]
    [InlineData("EXTERNAL", "is not one of ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS")]
    public void InvalidAnalyzerType_flags_unknown_types(string type, string expected) =>
        Run(new InvalidAnalyzerTypeRule(), RuleKit.Template(Template($"          Type: {type}"))).ShouldHaveSingleItem().Message.ShouldContain(expected);

    [Fact]
    public void InvalidAnalyzerType_skips_intrinsics_and_flags_a_missing_type()
    {
        Run(new InvalidAnalyzerTypeRule(), RuleKit.Template(Template("          Type: !Ref AnalyzerType"))).ShouldBeEmpty();
        Run(new InvalidAnalyzerTypeRule(), RuleKit.Template(Template("          AnalyzerName: a"))).ShouldHaveSingleItem().Message.ShouldStartWith("analyzer Analyzer has no Type");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("30.5")]
    public void UnusedAccessAgeOutOfRange_flags_ages_outside_the_accepted_days(string age) =>
        Run(new UnusedAccessAgeOutOfRangeRule(), RuleKit.Template(Template($$"""
                      Type: ACCOUNT_UNUSED_ACCESS
                      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: {{age}} } }
            """))).ShouldHaveSingleItem().Message.ShouldBe($"UnusedAccessAge {age} of analyzer Analyzer must be a whole number of days from 1 to 365");

    [Fact]
    public void AnalyzerConfigurationMismatch_flags_unused_access_settings_on_an_external_analyzer()
    {
        Run(new AnalyzerConfigurationMismatchRule(), RuleKit.Template(Template("""
                      Type: ACCOUNT
                      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } }
            """))).ShouldHaveSingleItem().Message.ShouldBe("UnusedAccessConfiguration of analyzer Analyzer does not apply to Type ACCOUNT");
    }

    [Fact]
    public void InvalidArchiveRuleFilter_requires_exactly_one_valid_operator()
    {
        var findings = Run(new InvalidArchiveRuleFilterRule(), RuleKit.Template(Template("""
                      Type: ACCOUNT
                      ArchiveRules:
                        - RuleName: r1
                          Filter:
                            - { Property: principal.AWS, Eq: ['111122223333'], Neq: ['444455556666'] }
                            - { Property: isPublic }
                            - { Property: error, Exists: 'yes' }
                            - { Property: resource, Contains: [] }
                            - { Property: status, Eq: [ACTIVE] }
                        - RuleName: r1
                          Filter:
                            - { Property: resourceType, Eq: ['AWS::S3::Bucket'] }
            """)));
        findings.Select(f => f.Message).ShouldBe(
        [
            "the filter on \"principal.AWS\" of archive rule \"r1\" (analyzer Analyzer) must have exactly one operator of Eq, Neq, Contains, Exists; it has Eq, Neq",
            "the filter on \"isPublic\" of archive rule \"r1\" (analyzer Analyzer) must have exactly one operator of Eq, Neq, Contains, Exists; it has none",
            "Exists in the filter on \"error\" of archive rule \"r1\" must be true or false",
            "Contains in the filter on \"resource\" of archive rule \"r1\" must be a non-empty list of values",
            "the filter key \"status\" cannot be used in archive rules (archive rule \"r1\", analyzer Analyzer); it only filters finding lists",
            "archive rule \"r1\" of analyzer Analyzer is defined twice (first at line 8)",
        ], ignoreOrder: true);
    }

    [Fact]
    public void UnknownArchiveFilterKey_flags_keys_access_analyzer_does_not_have()
    {
        Run(new UnknownArchiveFilterKeyRule(), RuleKit.Template(Template("""
                      Type: ACCOUNT
                      ArchiveRules:
                        - RuleName: r1
                          Filter:
                            - { Property: ResourceType, Eq: ['AWS::S3::Bucket'] }
                            - { Property: condition.aws:SourceVpc, Eq: [vpc-1] }
            """))).ShouldHaveSingleItem().Message.ShouldBe("\"ResourceType\" is not an Access Analyzer filter key (analyzer Analyzer); did you mean \"resourceType\"?");
    }

    [Fact]
    public void Only_templates_are_read()
    {
        Run(new InvalidAnalyzerTypeRule(), RuleKit.Template("""{"Resources":{"A":{"Type":"AWS::AccessAnalyzer::Analyzer","Properties":{"Type":"X"}}}}""", "t.json")).ShouldHaveSingleItem();
        Run(new InvalidAnalyzerTypeRule(), RuleKit.Template("""{"source":["aws.access-analyzer"],"detail":{"Type":["X"]}}""", "p.json")).ShouldBeEmpty();
    }
}
