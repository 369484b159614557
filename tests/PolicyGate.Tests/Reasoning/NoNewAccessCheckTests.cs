using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// CheckNoNewAccess through the local engine: identity policies (no principal), resource and trust policies
/// (principals compared, an account covering its roles and users), the reasons and their counterexamples.
/// </summary>
public class NoNewAccessCheckTests
{
    private static string Statement(string principal, string action = "s3:GetObject", string resource = "arn:aws:s3:::b/*", string sid = "") =>
        $$"""{{{(sid.Length > 0 ? $"\"Sid\":\"{sid}\"," : string.Empty)}}"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"{{resource}}"}""";

    private static void ShouldRecheck(PolicyCheckResult result, string newPolicy, string existing, bool principals)
    {
        result.ShouldFailWithCounterexample();
        var n = Read(newPolicy, PolicyReading.Broadest, principals);
        var e = Read(existing, PolicyReading.Narrowest, principals);
        foreach (var reason in result.Reasons)
        {
            var c = reason.Counterexample.ShouldNotBeNull(reason.Explanation);
            var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
            PolicyEvaluator.Evaluate(n, request).MatchingAllows.ShouldContain(reason.StatementIndex!.Value, $"{request} is not granted by the statement the reason names");
            PolicyEvaluator.Evaluate(n, request).Allowed.ShouldBeTrue($"the new policy must allow {request}");
            PolicyEvaluator.Evaluate(e, request).Allowed.ShouldBeFalse($"the existing policy must not allow {request}");
            (c.Principal is null).ShouldBe(!principals);
        }
    }

    [Fact]
    public void Identity_policy_that_adds_an_action_fails_with_a_counterexample_naming_it()
    {
        var existing = Policy("""{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}""");
        var @new = Policy(
            """{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}""",
            """{"Sid":"AllowWrite","Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::prod-data/*"}""");
        var result = NoNewAccess(@new, existing);
        ShouldRecheck(result, @new, existing, principals: false);
        result.Reasons.Length.ShouldBe(1);
        result.Reasons[0].StatementIndex.ShouldBe(1);
        result.Reasons[0].StatementId.ShouldBe("AllowWrite");
        result.Reasons[0].Description.ShouldBe("New access in the statement with sid: AllowWrite.");
        result.Message.ShouldBe("The modified permissions grant new access compared to your existing policy.");
        result.Engine.ShouldBe("local");
        var c = result.Counterexample!;
        c.Principal.ShouldBeNull();
        c.Action.ShouldBe("s3:DeleteObject");
        c.Resource.ShouldStartWith("arn:aws:s3:::prod-data/");
        c.Context.ShouldBeEmpty();
    }

    [Fact]
    public void Identity_policy_that_narrows_passes()
    {
        var existing = Policy("""{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}""");
        var result = NoNewAccess(Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"""), existing);
        result.ShouldPass();
        result.Reasons.ShouldBeEmpty();
        result.Counterexample.ShouldBeNull();
        result.Undecided.ShouldBeFalse();
        result.Message.ShouldBe("The modified permissions do not grant new access compared to your existing policy.");
    }

    [Fact]
    public void Every_contributing_statement_gets_its_own_reason_and_counterexample()
    {
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");
        var @new = Policy(
            """{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""",
            """{"Sid":"B","Effect":"Allow","Action":"s3:PutObject","Resource":"*"}""",
            """{"Sid":"C","Effect":"Allow","Action":"iam:PassRole","Resource":"*"}""");
        var result = NoNewAccess(@new, existing);
        ShouldRecheck(result, @new, existing, principals: false);
        result.Reasons.Select(r => r.StatementId).ShouldBe(["B", "C"]);
        result.Reasons.Select(r => r.Counterexample!.Action).ShouldBe(["s3:PutObject", "iam:PassRole"]);
        result.Counterexample.ShouldBe(result.Reasons[0].Counterexample);
    }

    [Fact]
    public void An_existing_policy_with_a_deny_limits_what_it_covers()
    {
        var existing = Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""", """{"Effect":"Deny","Action":"s3:Delete*","Resource":"arn:aws:s3:::prod/*"}""");
        var @new = Policy("""{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::*"}""");
        var result = NoNewAccess(@new, existing);
        ShouldRecheck(result, @new, existing, principals: false);
        result.Counterexample!.Resource.ShouldStartWith("arn:aws:s3:::prod/");
        NoNewAccess(Policy("""{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::dev/*"}"""), existing).ShouldPass();
    }

    [Fact]
    public void Identity_policies_ignore_a_principal_element()
    {
        // Identity policies have no Principal; if one is written anyway it does not narrow the identity check.
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");
        NoNewAccess(Policy(Statement("""{"AWS":"arn:aws:iam::999988887777:root"}""", resource: "*")), existing).ShouldPass();
    }

    [Theory]
    [InlineData("\"arn:aws:iam::111122223333:role/Admin\"")]
    [InlineData("\"arn:aws:iam::111122223333:user/bob\"")]
    [InlineData("\"arn:aws:sts::111122223333:assumed-role/Admin/session\"")]
    [InlineData("\"111122223333\"")]
    [InlineData("[\"arn:aws:iam::111122223333:role/A\",\"arn:aws:iam::111122223333:role/B\"]")]
    public void An_account_principal_covers_roles_and_users_inside_it(string principals)
    {
        var existing = Policy(Statement("""{"AWS":"arn:aws:iam::111122223333:root"}"""));
        NoNewAccess(Policy(Statement($$"""{"AWS":{{principals}}}""")), existing, CheckPolicyType.Resource).ShouldPass();
    }

    [Fact]
    public void An_account_id_and_its_root_arn_are_the_same_principal()
    {
        var id = Policy(Statement("""{"AWS":"111122223333"}"""));
        var root = Policy(Statement("""{"AWS":"arn:aws:iam::111122223333:root"}"""));
        NoNewAccess(id, root, CheckPolicyType.Resource).ShouldPass();
        NoNewAccess(root, id, CheckPolicyType.Resource).ShouldPass();
    }

    [Theory]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:role/Admin"}""", "AWS:arn:aws:iam::444455556666:role/Admin")]
    [InlineData("""{"AWS":"444455556666"}""", "AWS:arn:aws:iam::444455556666:")]
    [InlineData("""{"Service":"lambda.amazonaws.com"}""", "Service:lambda.amazonaws.com")]
    [InlineData("""{"Federated":"cognito-identity.amazonaws.com"}""", "Federated:cognito-identity.amazonaws.com")]
    [InlineData("\"*\"", "")]
    [InlineData("""{"AWS":"*"}""", "")]
    public void A_principal_outside_the_existing_account_fails(string principal, string counterexamplePrefix)
    {
        var existing = Policy(Statement("""{"AWS":"111122223333"}"""));
        var @new = Policy(Statement(principal));
        var result = NoNewAccess(@new, existing, CheckPolicyType.Resource);
        ShouldRecheck(result, @new, existing, principals: true);
        result.Counterexample!.Principal.ShouldStartWith(counterexamplePrefix);
        result.Counterexample.Principal.ShouldNotContain("111122223333");
    }

    [Fact]
    public void A_role_does_not_cover_its_account_or_other_roles()
    {
        var existing = Policy(Statement("""{"AWS":"arn:aws:iam::111122223333:role/Admin"}"""));
        NoNewAccess(Policy(Statement("""{"AWS":"arn:aws:sts::111122223333:assumed-role/Admin/s1"}""")), existing, CheckPolicyType.Resource).ShouldPass();
        var @new = Policy(Statement("""{"AWS":"111122223333"}"""));
        var result = NoNewAccess(@new, existing, CheckPolicyType.Resource);
        ShouldRecheck(result, @new, existing, principals: true);
        result.Counterexample!.Principal.ShouldStartWith("AWS:arn:aws:");
        result.Counterexample.Principal.ShouldContain("111122223333");
    }

    [Fact]
    public void Star_principal_in_the_existing_policy_covers_every_principal()
    {
        var existing = Policy(Statement("\"*\""));
        foreach (var principal in new[] { """{"AWS":"111122223333"}""", """{"Service":"s3.amazonaws.com"}""", """{"AWS":"*"}""", "\"*\"", """{"Federated":"accounts.google.com"}""" })
        {
            NoNewAccess(Policy(Statement(principal)), existing, CheckPolicyType.Resource).ShouldPass(principal);
        }
    }

    [Fact]
    public void Service_principals_are_compared_by_name()
    {
        var existing = Policy(Statement("""{"Service":["lambda.amazonaws.com","events.amazonaws.com"]}"""));
        NoNewAccess(Policy(Statement("""{"Service":"events.amazonaws.com"}""")), existing, CheckPolicyType.Resource).ShouldPass();
        var @new = Policy(Statement("""{"Service":"sns.amazonaws.com"}"""));
        var result = NoNewAccess(@new, existing, CheckPolicyType.Resource);
        ShouldRecheck(result, @new, existing, principals: true);
        result.Counterexample!.Principal.ShouldBe("Service:sns.amazonaws.com");
    }

    [Fact]
    public void Trust_policy_with_a_condition_dropped_fails_on_the_condition()
    {
        var existing = Policy("""
            {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                          "StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}}
            """);
        var @new = Policy("""
            {"Sid":"Trust","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}
            """);
        NoNewAccess(existing, existing, CheckPolicyType.Resource).ShouldPass();
        var result = NoNewAccess(@new, existing, CheckPolicyType.Resource);
        ShouldRecheck(result, @new, existing, principals: true);
        var c = result.Counterexample!;
        c.Action.ShouldBe("sts:AssumeRoleWithWebIdentity");
        c.Principal.ShouldBe("Federated:arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
        c.Context["token.actions.githubusercontent.com:aud"].ShouldBe(["sts.amazonaws.com"]);
        var sub = c.Context.GetValueOrDefault("token.actions.githubusercontent.com:sub");
        (sub.IsDefaultOrEmpty || !sub[0].StartsWith("repo:octo-org/octo-repo:", StringComparison.Ordinal)).ShouldBeTrue();
    }

    [Fact]
    public void Trust_policy_that_adds_an_account_fails_and_one_that_names_a_role_of_it_passes()
    {
        var existing = Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""");
        NoNewAccess(Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/Ops"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"""), existing, CheckPolicyType.Resource).ShouldPass();
        var withoutMfa = Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/Ops"},"Action":"sts:AssumeRole"}""");
        var result = NoNewAccess(withoutMfa, existing, CheckPolicyType.Resource);
        ShouldRecheck(result, withoutMfa, existing, principals: true);
        result.Counterexample!.Context.GetValueOrDefault("aws:MultiFactorAuthPresent").ShouldNotBe(["true"]);
    }

    [Fact]
    public void Empty_statement_lists_pass_against_anything_and_fail_as_reference()
    {
        var empty = Policy();
        NoNewAccess(empty, empty).ShouldPass();
        NoNewAccess(empty, Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""")).ShouldPass();
        NoNewAccess(Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"""), empty).ShouldFailWithCounterexample();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public void Malformed_policies_are_argument_errors(string bad)
    {
        var good = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");
        Should.Throw<ArgumentException>(() => NoNewAccess(bad, good)).Message.ShouldContain("new policy");
        Should.Throw<ArgumentException>(() => NoNewAccess(good, bad)).Message.ShouldContain("existing policy");
    }
}
