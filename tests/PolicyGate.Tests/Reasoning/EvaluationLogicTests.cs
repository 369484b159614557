using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// The concrete evaluator on whole statements: Action/NotAction, Resource/NotResource, Principal/NotPrincipal,
/// policy variables, explicit Deny over Allow and implicit deny.
/// </summary>
public class EvaluationLogicTests
{
    private static Decision Decide(string policy, string action, string resource, string? principal = null, params (string, string[])[] context) =>
        PolicyEvaluator.Evaluate(Read(policy, PolicyReading.Broadest, principals: principal is not null), Request(action, resource, principal, context)).Decision;

    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:GetObject", "S3:GETOBJECT", true)]
    [InlineData("s3:Get*", "s3:GetBucketPolicy", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("s3:Put?bject", "s3:PutObject", true)]
    [InlineData("s3:Put?bject", "s3:Putbject", false)]
    [InlineData("*", "iam:PassRole", true)]
    [InlineData("s3:*Object", "s3:DeleteObject", true)]
    [InlineData("s3:*Object", "s3:DeleteObjects", false)]
    public void Action_patterns_ignore_case(string pattern, string action, bool allowed) =>
        Decide(Policy($$"""{"Effect":"Allow","Action":"{{pattern}}","Resource":"*"}"""), action, "arn:aws:s3:::b")
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    [Theory]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::B/x", false)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:s3:::b?", "arn:aws:s3:::bc", true)]
    [InlineData("arn:aws:s3:::b?", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:*:*:111122223333:*", "arn:aws:sqs:us-east-1:111122223333:q", true)]
    [InlineData("*", "anything at all", true)]
    public void Resource_patterns_are_case_sensitive_and_star_spans_colons(string pattern, string resource, bool allowed) =>
        Decide(Policy($$"""{"Effect":"Allow","Action":"*","Resource":"{{pattern}}"}"""), "s3:GetObject", resource)
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    [Fact]
    public void NotAction_allows_everything_but_the_listed_actions()
    {
        var policy = Policy("""{"Effect":"Allow","NotAction":["iam:*","S3:Delete*"],"Resource":"*"}""");
        Decide(policy, "ec2:RunInstances", "*").ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "*").ShouldBe(Decision.Allow);
        Decide(policy, "IAM:CreateUser", "*").ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:deleteobject", "*").ShouldBe(Decision.ImplicitDeny);
    }

    [Fact]
    public void NotResource_allows_everything_but_the_listed_resources()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::secret","arn:aws:s3:::secret/*"]}""");
        Decide(policy, "s3:GetObject", "arn:aws:s3:::public/x").ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "arn:aws:s3:::secret/x").ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:ListBucket", "arn:aws:s3:::secret").ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:ListBucket", "arn:aws:s3:::Secret").ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Deny_with_NotResource_denies_everywhere_else()
    {
        var policy = Policy(
            """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            """{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::mine/*"}""");
        Decide(policy, "s3:GetObject", "arn:aws:s3:::mine/x").ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "arn:aws:s3:::theirs/x").ShouldBe(Decision.ExplicitDeny);
        Decide(policy, "ec2:RunInstances", "arn:aws:s3:::theirs/x").ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Explicit_deny_overrides_allow_and_names_both_statements()
    {
        var policy = Read(Policy(
            """{"Sid":"All","Effect":"Allow","Action":"s3:*","Resource":"*"}""",
            """{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::prod/*"}"""));
        var denied = PolicyEvaluator.Evaluate(policy, Request("s3:DeleteObject", "arn:aws:s3:::prod/x"));
        denied.Decision.ShouldBe(Decision.ExplicitDeny);
        denied.MatchingAllows.ShouldBe([0]);
        denied.MatchingDenies.ShouldBe([1]);
        denied.Allowed.ShouldBeFalse();
        PolicyEvaluator.Evaluate(policy, Request("s3:DeleteObject", "arn:aws:s3:::dev/x")).Decision.ShouldBe(Decision.Allow);
    }

    [Fact]
    public void A_deny_alone_or_no_matching_statement_is_an_implicit_or_explicit_deny_never_allow()
    {
        Decide(Policy("""{"Effect":"Deny","Action":"s3:*","Resource":"*"}"""), "ec2:RunInstances", "*").ShouldBe(Decision.ImplicitDeny);
        Decide(Policy("""{"Effect":"Deny","Action":"s3:*","Resource":"*"}"""), "s3:GetObject", "*").ShouldBe(Decision.ExplicitDeny);
        Decide(Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"""), "s3:GetObject", "arn:aws:s3:::c/x").ShouldBe(Decision.ImplicitDeny);
        Decide(Policy(), "s3:GetObject", "*").ShouldBe(Decision.ImplicitDeny);
    }

    [Fact]
    public void A_deny_whose_condition_fails_does_not_apply()
    {
        var policy = Policy(
            """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            """{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""");
        Decide(policy, "s3:GetObject", "x", null, ("aws:SecureTransport", ["false"])).ShouldBe(Decision.ExplicitDeny);
        Decide(policy, "s3:GetObject", "x", null, ("aws:SecureTransport", ["true"])).ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "x").ShouldBe(Decision.Allow);
    }

    [Theory]
    [InlineData("AWS:arn:aws:iam::111122223333:role/Admin", true)]
    [InlineData("AWS:arn:aws:sts::111122223333:assumed-role/Admin/session", true)]
    [InlineData("AWS:arn:aws:iam::111122223333:role/Other", false)]
    [InlineData("AWS:arn:aws:iam::444455556666:role/Admin", false)]
    [InlineData("Anonymous", false)]
    public void Principal_role_covers_its_sessions(string principal, bool allowed) =>
        Decide(Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"*","Resource":"*"}"""), "s3:GetObject", "x", principal)
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    [Theory]
    [InlineData("111122223333", "AWS:arn:aws:iam::111122223333:root", true)]
    [InlineData("111122223333", "AWS:arn:aws:iam::111122223333:user/bob", true)]
    [InlineData("111122223333", "AWS:arn:aws:sts::111122223333:assumed-role/R/s", true)]
    [InlineData("arn:aws:iam::111122223333:root", "AWS:arn:aws:iam::111122223333:role/R", true)]
    [InlineData("arn:aws:iam::111122223333:root", "AWS:arn:aws:iam::444455556666:role/R", false)]
    [InlineData("arn:aws:iam::111122223333:root", "Service:lambda.amazonaws.com", false)]
    [InlineData("*", "AWS:arn:aws:iam::444455556666:role/R", true)]
    public void Principal_account_covers_every_identity_of_the_account(string written, string principal, bool allowed) =>
        Decide(Policy($$"""{"Effect":"Allow","Principal":{"AWS":"{{written}}"},"Action":"*","Resource":"*"}"""), "s3:GetObject", "x", principal)
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    [Theory]
    [InlineData("""{"Service":"lambda.amazonaws.com"}""", "Service:lambda.amazonaws.com", true)]
    [InlineData("""{"Service":"lambda.amazonaws.com"}""", "Service:ec2.amazonaws.com", false)]
    [InlineData("""{"Federated":"cognito-identity.amazonaws.com"}""", "Federated:cognito-identity.amazonaws.com", true)]
    [InlineData("\"*\"", "Service:ec2.amazonaws.com", true)]
    [InlineData("\"*\"", "Anonymous", true)]
    [InlineData("""{"AWS":"*"}""", "Service:ec2.amazonaws.com", false)]
    public void Principal_service_and_federated(string written, string principal, bool allowed) =>
        Decide(Policy($$"""{"Effect":"Allow","Principal":{{written}},"Action":"*","Resource":"*"}"""), "s3:GetObject", "x", principal)
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    /// <summary>The IAM documentation lists "*" and {"AWS":"*"} as the same grant, anonymous callers included.</summary>
    [Fact]
    public void Principal_AWS_star_names_anonymous_callers_too()
    {
        var anonymous = Request("s3:GetObject", "x", "Anonymous");
        foreach (var reading in new[] { PolicyReading.Broadest, PolicyReading.Narrowest })
        {
            var policy = Read(Policy("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}"""), reading, principals: true);
            PolicyEvaluator.Evaluate(policy, anonymous).Allowed.ShouldBeTrue(reading.ToString());
            var notPrincipal = Read(Policy("""{"Effect":"Allow","NotPrincipal":{"AWS":"*"},"Action":"*","Resource":"*"}"""), reading, principals: true);
            PolicyEvaluator.Evaluate(notPrincipal, anonymous).Allowed.ShouldBeFalse(reading.ToString());
        }
    }

    [Fact]
    public void NotPrincipal_allows_everyone_but_the_listed_principal()
    {
        var policy = Policy("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/mallory"},"Action":"s3:GetObject","Resource":"*"}""");
        Decide(policy, "s3:GetObject", "x", "AWS:arn:aws:iam::111122223333:user/mallory").ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:GetObject", "x", "AWS:arn:aws:iam::111122223333:user/alice").ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "x", "Anonymous").ShouldBe(Decision.Allow);
    }

    [Fact]
    public void Deny_with_NotPrincipal_denies_everyone_but_the_listed_principal()
    {
        var policy = Policy(
            """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""",
            """{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/Reader"},"Action":"s3:*","Resource":"*"}""");
        Decide(policy, "s3:GetObject", "x", "AWS:arn:aws:iam::111122223333:role/Reader").ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "x", "AWS:arn:aws:iam::111122223333:role/Writer").ShouldBe(Decision.ExplicitDeny);
    }

    [Theory]
    [InlineData("arn:aws:s3:::b/alice/report", "alice", true)]
    [InlineData("arn:aws:s3:::b/bob/report", "alice", false)]
    [InlineData("arn:aws:s3:::b/alice/report", null, false)]
    [InlineData("arn:aws:s3:::b/*/report", "*", true)]
    [InlineData("arn:aws:s3:::b/alice/report", "*", false)]
    [InlineData("arn:aws:s3:::b/a?ice/report", "a?ice", true)]
    [InlineData("arn:aws:s3:::b/alice/report", "a?ice", false)]
    public void Policy_variable_in_a_resource_is_the_request_value_taken_literally(string resource, string? username, bool allowed)
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}""");
        var context = username is null ? [] : new[] { ("aws:username", new[] { username }) };
        Decide(policy, "s3:GetObject", resource, null, context).ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);
    }

    [Theory]
    [InlineData("arn:aws:s3:::b/anonymous/x", null, true)]
    [InlineData("arn:aws:s3:::b/alice/x", null, false)]
    [InlineData("arn:aws:s3:::b/alice/x", "alice", true)]
    [InlineData("arn:aws:s3:::b/anonymous/x", "alice", false)]
    public void Policy_variable_default_applies_when_the_key_is_absent(string resource, string? username, bool allowed)
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username, 'anonymous'}/*"}""");
        var context = username is null ? [] : new[] { ("aws:username", new[] { username }) };
        Decide(policy, "s3:GetObject", resource, null, context).ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);
    }

    [Theory]
    [InlineData("arn:aws:s3:::b/*", true)]
    [InlineData("arn:aws:s3:::b/x", false)]
    [InlineData("arn:aws:s3:::b/?", false)]
    public void Escape_variables_stand_for_literal_characters(string resource, bool allowed) =>
        Decide(Policy("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/${*}"}"""), "s3:GetObject", resource)
            .ShouldBe(allowed ? Decision.Allow : Decision.ImplicitDeny);

    [Fact]
    public void Policy_variable_in_a_condition_value_compares_two_keys()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}""");
        Decide(policy, "s3:GetObject", "x", null, ("aws:ResourceTag/owner", ["alice"]), ("aws:username", ["alice"])).ShouldBe(Decision.Allow);
        Decide(policy, "s3:GetObject", "x", null, ("aws:ResourceTag/owner", ["alice"]), ("aws:username", ["bob"])).ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:GetObject", "x", null, ("aws:ResourceTag/owner", ["alice"])).ShouldBe(Decision.ImplicitDeny);
    }

    [Fact]
    public void Variables_are_literal_text_in_version_2008_policies()
    {
        var policy = """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}""";
        Decide(policy, "s3:GetObject", "arn:aws:s3:::b/alice/x", null, ("aws:username", ["alice"])).ShouldBe(Decision.ImplicitDeny);
        Decide(policy, "s3:GetObject", "arn:aws:s3:::b/${aws:username}/x", null, ("aws:username", ["alice"])).ShouldBe(Decision.Allow);
    }

    [Fact]
    public void A_statement_without_Resource_in_a_trust_policy_applies_to_every_resource()
    {
        var trust = Policy("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}""");
        Decide(trust, "sts:AssumeRole", "arn:aws:iam::111122223333:role/R", "Service:ec2.amazonaws.com").ShouldBe(Decision.Allow);
        Decide(trust, "sts:AssumeRole", "arn:aws:iam::111122223333:role/R", "Service:lambda.amazonaws.com").ShouldBe(Decision.ImplicitDeny);
    }
}
