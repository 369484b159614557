using PolicyGate.Checks.EventBridge;
using static PolicyGate.Tests.EventBridge.RuleKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Each pattern rule fires on a pattern that has its problem and stays quiet on a correct one.</summary>
public class PatternLintTests
{
    // The IAM change alert of the 2015-2023 blog post (seed 004), and the same alert after its prefix rewrite.
    private const string StarAlert = """
        {
          "source": ["aws.iam"],
          "detail-type": ["AWS API Call via CloudTrail"],
          "detail": {
            "eventSource": ["iam.amazonaws.com"],
            "eventName": ["Put*Policy", "Attach*", "Detach*", "Create*"]
          }
        }
        """;

    private const string PrefixAlert = """
        {
          "source": ["aws.iam"],
          "detail-type": ["AWS API Call via CloudTrail"],
          "detail": {
            "eventSource": ["iam.amazonaws.com"],
            "eventName": [{ "prefix": "Put" }, { "prefix": "Attach" }, { "prefix": "Detach" }, { "prefix": "Create" }]
          }
        }
        """;

    // Seed 000: the ACTIVE finding rule.
    private const string ActiveFindings = """{"source":["aws.access-analyzer"],"detail-type":["Access Analyzer Finding"],"detail":{"status":["ACTIVE"]}}""";

    [Fact]
    public void InvalidEventPattern_reports_each_error_at_its_node()
    {
        var findings = Run(new InvalidEventPatternRule(), Pattern("""
            {
              "source": "aws.iam",
              "detail": { "eventName": [ { "Prefix": "Put" } ] }
            }
            """));
        findings.Select(f => (f.Message, f.Location.Span.StartLine)).ShouldBe(
        [
            ("Event pattern is not valid. Reason: \"source\" must be an object or an array", 2),
            ("Event pattern is not valid. Reason: Unrecognized match type Prefix", 3),
        ]);
        Run(new InvalidEventPatternRule(), Pattern(PrefixAlert)).ShouldBeEmpty();
    }

    [Fact]
    public void LiteralWildcardCharacter_flags_the_old_seed_alert_and_not_the_prefix_rewrite()
    {
        var findings = Run(new LiteralWildcardCharacterRule(), Pattern(StarAlert));
        findings.Count.ShouldBe(4);
        findings[0].Message.ShouldContain("\"Put*Policy\" at detail.eventName is an exact match");
        findings[0].Message.ShouldContain("{\"wildcard\": \"Put*Policy\"}");
        findings[1].Message.ShouldContain("{\"prefix\": \"Attach\"}");
        findings[0].Location.Span.StartLine.ShouldBe(6);
        Run(new LiteralWildcardCharacterRule(), Pattern(PrefixAlert)).ShouldBeEmpty();
    }

    [Fact]
    public void LiteralWildcardCharacter_flags_a_match_expression_written_as_text()
    {
        var finding = Run(new LiteralWildcardCharacterRule(), Pattern("""{"detail":{"key":["{ \"wildcard\": \"*.png\" }"]}}""")).ShouldHaveSingleItem();
        finding.Message.ShouldContain("text of a wildcard expression");
        Run(new LiteralWildcardCharacterRule(), Pattern("""{"detail":{"key":[{"wildcard":"*.png"}]}}""")).ShouldBeEmpty();
    }

    [Fact]
    public void UnknownEventValue_flags_the_proxied_host_name_of_seed_004()
    {
        var finding = Run(new UnknownEventValueRule(), Pattern("""
            {"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["iam.amazonaws.com.rproxy.goskope.com"]}}
            """)).ShouldHaveSingleItem();
        finding.Message.ShouldContain("\"iam.amazonaws.com.rproxy.goskope.com\" is not a host name any AWS service uses");
        finding.Message.ShouldContain("\"iam.amazonaws.com\"");
        Run(new UnknownEventValueRule(), Pattern(PrefixAlert)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Access Analyzer Findings"]}""", "detail-type \"Access Analyzer Findings\" is never sent by aws.access-analyzer")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail":{"findingType":["UnusedRole"]}}""", "detail.findingType \"UnusedRole\" never matches")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Access Preview State Change"],"detail":{"status":["ACTIVE"]}}""", "detail.status \"ACTIVE\" never matches: in \"Access Preview State Change\" events of aws.access-analyzer it is one of \"COMPLETED\", \"CREATING\", \"FAILED\"")]
    [InlineData("""{"source":["aws.acess-analyzer"]}""", "did you mean \"aws.access-analyzer\"")]
    [InlineData("""{"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["s3.amazonaws.com"]}}""", "events of aws.iam carry eventSource \"iam.amazonaws.com\"")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail":{"resourceType":[{"prefix":"AWS::EC2::Instance"}]}}""", "matches none of the values")]
    [InlineData("""{"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["signin.amazon.com"]}}""", "did not")]
    public void UnknownEventValue_flags_values_the_source_never_emits(string pattern, string expected)
    {
        var findings = Run(new UnknownEventValueRule(), Pattern(pattern));
        if (expected == "did not")
        {
            findings.ShouldHaveSingleItem().Message.ShouldContain("\"signin.amazonaws.com\"");
            return;
        }

        findings.ShouldHaveSingleItem().Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData(ActiveFindings)]
    [InlineData("""{"source":["aws.access-analyzer"],"detail":{"status":["COMPLETED"]}}""")]
    [InlineData("""{"source":["aws.ssm"]}""")]
    [InlineData("""{"source":["my.app"],"detail-type":["Order Placed"]}""")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["access-analyzer.amazonaws.com"]}}""")]
    public void UnknownEventValue_accepts_values_sources_emit(string pattern) =>
        Run(new UnknownEventValueRule(), Pattern(pattern)).ShouldBeEmpty();

    [Theory]
    [InlineData("""{"source":["aws.access-analyzer"],"detail":{"status":["Active"]}}""", "detail.status \"Active\" never matches")]
    [InlineData("""{"source":["aws.EC2"]}""", "AWS event sources are lower case (\"aws.ec2\")")]
    [InlineData("""{"detail-type":["AWS API call via CloudTrail"]}""", "events carry \"AWS API Call via CloudTrail\"")]
    [InlineData("""{"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["IAM.amazonaws.com"]}}""", "CloudTrail host names are lower case")]
    public void EventValueCaseMismatch_flags_values_in_the_wrong_case(string pattern, string expected) =>
        Run(new EventValueCaseMismatchRule(), Pattern(pattern)).ShouldHaveSingleItem().Message.ShouldContain(expected);

    [Fact]
    public void EventValueCaseMismatch_accepts_the_seed_pattern() =>
        Run(new EventValueCaseMismatchRule(), Pattern(ActiveFindings)).ShouldBeEmpty();

    [Theory]
    [InlineData("""{"source":["aws.iam"],"detailType":["AWS API Call via CloudTrail"]}""", "\"detailType\" is not an event field")]
    [InlineData("""{"source":["aws.iam"],"DetailType":["AWS API Call via CloudTrail"]}""", "events carry \"detail-type\"")]
    [InlineData("""{"Source":["my.app"]}""", "events carry \"source\"")]
    [InlineData("""{"source":["aws.iam"],"eventName":["CreateUser"]}""", "AWS events have no top-level field \"eventName\"")]
    [InlineData("""{"$or":[{"source":["aws.iam"]},{"detail_type":["x"]}]}""", "events carry \"detail-type\"")]
    public void EnvelopeKeyMisspelled_flags_keys_events_do_not_have(string pattern, string expected) =>
        Run(new EnvelopeKeyMisspelledRule(), Pattern(pattern)).ShouldHaveSingleItem().Message.ShouldContain(expected);

    [Fact]
    public void EnvelopeKeyMisspelled_accepts_envelope_keys_and_custom_sources()
    {
        Run(new EnvelopeKeyMisspelledRule(), Pattern(ActiveFindings)).ShouldBeEmpty();
        Run(new EnvelopeKeyMisspelledRule(), Pattern("""{"source":["my.app"],"orderId":["1"]}""")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"account":[123456789012]}""", "account is a string in every event")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Access Analyzer Finding"],"detail":{"isDeleted":["false"]}}""", "detail.isDeleted is a boolean")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Unused Access Finding for IAM entities"],"detail":{"numberOfUnusedActions":["1"]}}""", "detail.numberOfUnusedActions is a number")]
    [InlineData("""{"detail":[{"exists":true}]}""", "detail is an object in every event")]
    [InlineData("""{"detail":{"a":[{"exists":true}],"a.b":["x"]}}""", "it is an object")]
    [InlineData("""{"detail":{"n":[{"numeric":[">",1,"<",1.0000000000000002]}]}}""", "contains no number")]
    [InlineData("""{"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"],"resources":["arn:aws:iam::111122223333:role/admin"]}""", "empty resources list")]
    public void PatternNeverMatches_flags_fields_no_event_satisfies(string pattern, string expected) =>
        Run(new PatternNeverMatchesRule(), Pattern(pattern)).ShouldHaveSingleItem().Message.ShouldContain(expected);

    [Theory]
    [InlineData(ActiveFindings)]
    [InlineData("""{"account":["123456789012"],"detail":{"a":[{"exists":true}]}}""")]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Access Analyzer Finding"],"detail":{"isDeleted":[false]}}""")]
    [InlineData("""{"detail":[{"exists":false}]}""")]
    [InlineData("""{"source":["aws.s3"],"detail-type":["Object Created"],"resources":["arn:aws:s3:::bucket"]}""")]
    public void PatternNeverMatches_accepts_satisfiable_patterns(string pattern) =>
        Run(new PatternNeverMatchesRule(), Pattern(pattern)).ShouldBeEmpty();

    [Theory]
    [InlineData("""{"source":[{"prefix":""}]}""")]
    [InlineData("""{"detail-type":[{"wildcard":"*"}],"account":[{"exists":true}]}""")]
    [InlineData("""{"$or":[{"source":["aws.iam"]},{"region":[{"suffix":""}]}]}""")]
    public void PatternMatchesEverything_flags_match_all_patterns(string pattern) =>
        Run(new PatternMatchesEverythingRule(), Pattern(pattern)).ShouldHaveSingleItem().Message.ShouldStartWith("every event matches this pattern");

    [Theory]
    [InlineData(ActiveFindings)]
    [InlineData("""{"source":[{"prefix":"aws."}]}""")]
    [InlineData("""{"source":[{"prefix":""}],"detail":{"x":["y"]}}""")]
    public void PatternMatchesEverything_accepts_selective_patterns(string pattern) =>
        Run(new PatternMatchesEverythingRule(), Pattern(pattern)).ShouldBeEmpty();

    [Fact]
    public void PatternWithoutSource_notes_patterns_without_source_or_detail_type()
    {
        Run(new PatternWithoutSourceRule(), Pattern("""{"detail":{"status":["ACTIVE"]}}""")).ShouldHaveSingleItem().Message.ShouldContain("names no source and no detail-type");
        Run(new PatternWithoutSourceRule(), Pattern(ActiveFindings)).ShouldBeEmpty();
        Run(new PatternWithoutSourceRule(), Pattern("""{"source":[{"prefix":""}]}""")).ShouldBeEmpty();
    }

    [Fact]
    public void EventPatternNearLimit_warns_over_the_default_size_quota_and_for_complex_wildcards()
    {
        var values = string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"value-{i:D4}\""));
        var size = Run(new EventPatternNearLimitRule(), Pattern("{\"source\":[\"my.app\"],\"detail\":{\"a\":[" + values + "]}}"));
        size.Select(f => f.Message).ShouldHaveSingleItem().ShouldContain("default event-pattern size quota of 2048");
        Run(new EventPatternNearLimitRule(), Pattern("""{"source":["my.app"],"detail":{"p":[{"wildcard":"*aa*aa*aa*"}]}}""")).ShouldHaveSingleItem().Message.ShouldContain("complexity 10");
        Run(new EventPatternNearLimitRule(), Pattern(ActiveFindings)).ShouldBeEmpty();
    }

    [Fact]
    public void EventPatternNearLimit_warns_when_the_documented_or_count_exceeds_1000()
    {
        var inner = string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{"i{{i}}":["x"]}"""));
        var outer = string.Join(",", Enumerable.Range(0, 11).Select(i => "{\"o" + i + "\":[\"x\"],\"$or\":[" + inner + "]}"));
        var pattern = "{\"source\":[\"my.app\"],\"$or\":[" + outer + "]}";
        var finding = Run(new EventPatternNearLimitRule(), Pattern(pattern)).ShouldHaveSingleItem();
        finding.Message.ShouldContain("multiply to 1100000000000");
        finding.Message.ShouldContain("compiled count is 110");
    }

    [Fact]
    public void NonPortablePatternFeature_notes_exactly_and_numbers_beyond_the_documented_range()
    {
        var findings = Run(new NonPortablePatternFeatureRule(), Pattern("""{"detail":{"name":[{"exactly":"prod"}],"size":[{"numeric":[">",10000000000]}],"ratio":[0.1234567]}}"""));
        findings.Select(f => f.Message).ShouldBe(
        [
            "\"exactly\" at detail.name is an event-ruler operator EventBridge does not document; write the plain string \"prod\" instead",
            "the number 0.1234567 at detail.ratio has more than the six decimals the EventBridge documentation states",
            "the number 10000000000 at detail.size is outside the ±5.0e9 range the EventBridge documentation states",
        ], ignoreOrder: true);
        Run(new NonPortablePatternFeatureRule(), Pattern("""{"detail":{"name":["prod"],"size":[{"numeric":[">",5000000000]}]}}""")).ShouldBeEmpty();
    }

    [Fact]
    public void Identity_center_pattern_changes_are_flagged_for_identity_center_sources_only()
    {
        var findings = Run(new IdentityCenterChangedFieldsRule(), Pattern("""
            {
              "source": ["aws.sso"],
              "detail": {
                "userIdentity": { "type": ["Unknown"], "userName": ["anyuser"], "principalId": [{"exists": true}] }
              }
            }
            """));
        findings.Count.ShouldBe(3);
        findings.ShouldContain(f => f.Message.Contains("detail.userIdentity.onBehalfOf.userId", StringComparison.Ordinal));
        findings.ShouldContain(f => f.Message.Contains("\"IdentityCenterUser\"", StringComparison.Ordinal));
        var group = Run(new IdentityCenterChangedFieldsRule(), Pattern("""{"source":["aws.sso-directory"],"detail":{"eventName":["CreateGroup"],"requestParameters":{"displayName":["PowerUserGroup"]}}}""")).ShouldHaveSingleItem();
        group.Message.ShouldContain("HIDDEN_DUE_TO_SECURITY_REASONS");

        Run(new IdentityCenterChangedFieldsRule(), Pattern("""{"source":["aws.sso"],"detail":{"userIdentity":{"type":["Unknown","IdentityCenterUser"],"onBehalfOf":{"userId":["a1"]}}}}""")).ShouldBeEmpty();
        Run(new IdentityCenterChangedFieldsRule(), Pattern("""{"source":["aws.iam"],"detail":{"userIdentity":{"userName":["alice"]}}}""")).ShouldBeEmpty();
        Run(new IdentityCenterChangedFieldsRule(), Pattern("""{"source":["aws.signin"],"detail":{"eventName":["ConsoleLogin"],"userIdentity":{"userName":["alice"]}}}""")).ShouldBeEmpty();
        Run(new IdentityCenterChangedFieldsRule(), Pattern("""{"source":["aws.signin"],"detail":{"eventName":["CredentialChallenge"],"userIdentity":{"userName":["alice"]}}}""")).ShouldHaveSingleItem();
    }
}
