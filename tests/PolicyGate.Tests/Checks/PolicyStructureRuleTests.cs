using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Checks.PolicyValidation;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using static PolicyGate.Tests.Checks.RuleTestKit;

namespace PolicyGate.Tests.Checks;

public class PolicyStructureRuleTests
{
    private const string Good = """{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}""";

    public static TheoryData<IRule<PolicySubject>> AllRules() =>
        [new PolicyMissingStatementRule(), new InvalidEffectRule(), new ConflictingElementsRule(), new UnknownPolicyElementRule(), new InvalidPolicyVersionRule(), new MalformedPolicyElementRule()];

    [Theory]
    [MemberData(nameof(AllRules))]
    public void A_correct_policy_triggers_no_structural_rule(IRule<PolicySubject> rule)
    {
        CheckPolicy(rule, Good).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_statement_is_reported_at_the_policy_or_at_the_miscased_key()
    {
        var missing = CheckPolicy(new PolicyMissingStatementRule(), "{\n  \"Version\": \"2012-10-17\"\n}").ShouldHaveSingleItem();
        missing.Location.Span.ShouldBe(SourceSpan.At(1, 1));
        var miscased = CheckPolicy(new PolicyMissingStatementRule(), "{\"Version\": \"2012-10-17\", \"statement\": []}").ShouldHaveSingleItem();
        miscased.Message.ShouldContain("\"statement\" must be written \"Statement\"");
        miscased.Location.Span.ShouldBe(new SourceSpan(1, 27, 1, 38));
    }

    [Theory]
    [InlineData("""{"Statement": {"Effect": "Alow"}}""", "PG2002", "\"Alow\" is neither", 26)]
    [InlineData("""{"Statement": {"Effect": "deny"}}""", "PG2002", "must be written \"Deny\"", 26)]
    [InlineData("""{"Statement": {"Effect": true}}""", "PG2006", "Effect", 26)]
    [InlineData("""{"Statement": {"Action": "s3:*"}}""", "PG2016", "Effect", 15)]
    public void Invalid_and_missing_effects_are_reported_by_the_rule_that_owns_them(string text, string ruleId, string fragment, int column)
    {
        var finding = CheckAll(text).Where(f => f.RuleId == ruleId).ShouldHaveSingleItem();
        finding.Message.ShouldContain(fragment);
        finding.Location.Span.StartColumn.ShouldBe(column);
    }

    [Fact]
    public void Conflicting_elements_are_reported_at_the_second_of_the_pair()
    {
        var findings = CheckPolicy(new ConflictingElementsRule(), """{"Statement": [{"Effect": "Allow", "NotResource": "x", "Action": "a", "Resource": "y", "Principal": "*", "NotPrincipal": {"AWS": "1"}}]}""");
        findings.Count.ShouldBe(2);
        findings[0].Message.ShouldContain("Resource and NotResource");
        findings[0].Location.Span.StartColumn.ShouldBe(71);
        findings[1].Message.ShouldContain("Principal and NotPrincipal");
    }

    [Fact]
    public void Unknown_elements_name_the_element_and_suggest_the_casing()
    {
        var findings = CheckPolicy(new UnknownPolicyElementRule(), """{"version": "2012-10-17", "Statement": [{"effect": "Allow", "Actions": "s3:*", "Resource": "*"}], "Comment": "x"}""");
        findings.Select(f => f.Message).ShouldBe(
        [
            "\"version\" must be written \"Version\" (element names are case-sensitive)",
            "\"Comment\" is not an element of the policy; allowed: Version, Id, Statement",
            "\"effect\" must be written \"Effect\" (element names are case-sensitive)",
            "\"Actions\" is not an element of a statement; allowed: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"Version": "2012-10-18", "Statement": []}""", "PG2005", "\"2012-10-18\" is not a policy language version")]
    [InlineData("""{"Version": 2012, "Statement": []}""", "PG2006", "Version")]
    public void Bad_versions_are_reported(string text, string ruleId, string fragment)
    {
        CheckAll(text).Where(f => f.RuleId == ruleId).ShouldHaveSingleItem().Message.ShouldContain(fragment);
    }

    [Fact]
    public void A_principal_written_as_a_bare_account_is_reported_by_its_own_rule()
    {
        var finding = CheckAll("""{"Statement": {"Effect": "Allow", "Principal": "123456789012", "Action": "s3:GetObject", "Resource": "*"}}""").Where(f => f.RuleId == "PG2021").ShouldHaveSingleItem();
        finding.Message.ShouldContain("123456789012");
    }

    [Fact]
    public void The_old_version_is_accepted_by_the_structural_check()
    {
        CheckPolicy(new InvalidPolicyVersionRule(), """{"Version": "2008-10-17", "Statement": []}""").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"Statement": "all"}""", "Statement must be an object or a list of objects, not string")]
    [InlineData("""{"Statement": [1]}""", "each statement must be an object, not number")]
    [InlineData("""{"Statement": {"Effect": "Allow", "Action": {"s3": "x"}}}""", "Action must be a string or a list of strings, not object")]
    [InlineData("""{"Statement": {"Effect": "Allow", "Resource": ["a", 3]}}""", "each Resource entry must be a string, not number")]
    [InlineData("""{"Statement": {"Effect": "Allow", "Condition": ["x"]}}""", "Condition must be an object of condition operators, not array")]
    [InlineData("""{"Statement": {"Sid": 5, "Effect": "Allow"}}""", "Sid must be a string, not number")]
    [InlineData("""["not", "a", "policy"]""", "the policy must be an object, not array")]
    public void Malformed_elements_are_reported(string text, string message)
    {
        CheckPolicy(new MalformedPolicyElementRule(), text).ShouldHaveSingleItem().Message.ShouldBe(message);
    }

    [Fact]
    public void A_policy_that_is_wholly_unknown_is_not_judged()
    {
        var file = new SourceFile("t.yaml", "/t.yaml");
        var unknown = new ScalarNode(file, new SourceSpan(9, 13, 9, 40), ScalarKind.Unknown, "Fn::Transform(AWS::Include)", ScalarStyle.Synthesized);
        var subject = new PolicySubject(new PolicyOwner("t.yaml", "Role"), PolicyKind.Identity, unknown);
        IRule<PolicySubject>[] rules = [new PolicyMissingStatementRule(), new InvalidEffectRule(), new ConflictingElementsRule(), new UnknownPolicyElementRule(), new InvalidPolicyVersionRule(), new MalformedPolicyElementRule()];
        foreach (var rule in rules)
        {
            var sink = new FindingSink(RuleSettings.Default);
            rule.Check(subject, new CheckContext(sink, PolicyGateConfig.Default));
            sink.Findings.ShouldBeEmpty(rule.Descriptor.Id);
        }
    }

    [Fact]
    public void Unknown_values_and_choices_are_checked_by_alternative()
    {
        // A policy as a template extraction would produce it: an unknown Effect is not judged; each branch of a choice is.
        var file = new SourceFile("t.yaml", "/t.yaml");
        var span = new SourceSpan(1, 1, 1, 2);
        ScalarNode S(string v, ScalarKind k = ScalarKind.String) => new(file, span, k, v, ScalarStyle.Synthesized);
        ObjectNode Statement(Node effect) => new(file, span, [new PropertyNode("Effect", span, effect)]);
        var statements = new ArrayNode(file, span,
        [
            Statement(S("{{resolve:ssm:effect}}", ScalarKind.Unknown)),
            Statement(new ChoiceNode(file, span, [S("Allow"), S("Alow")], "IsProd")),
            new ChoiceNode(file, span, [Statement(S("Deny")), new AbsentNode(file, span)], "HasDeny"),
        ]);
        var document = new ObjectNode(file, span, [new PropertyNode("Statement", span, statements)]);
        var sink = new FindingSink(RuleSettings.Default);
        new InvalidEffectRule().Check(new PolicySubject(new PolicyOwner("t.yaml", "Role"), PolicyKind.Identity, document), new CheckContext(sink, PolicyGateConfig.Default));
        sink.Findings.ShouldHaveSingleItem().Message.ShouldContain("\"Alow\"");
    }
}
