using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>CheckAccessNotGranted through the local engine: listed actions (wildcards, any case), optional resources, long lists.</summary>
public class AccessNotGrantedCheckTests
{
    private static readonly string AdminLike = Policy("""{"Sid":"Ops","Effect":"Allow","Action":["iam:*","s3:Get*"],"Resource":"*"}""");

    private static Counterexample FailsOn(string policy, string[] actions, string[]? resources = null, CheckPolicyType type = CheckPolicyType.Identity)
    {
        var result = AccessNotGranted(policy, actions, resources, type);
        result.ShouldFailWithCounterexample();
        result.Message.ShouldBe("The policy document grants access to perform one or more of the listed actions.");
        var read = Read(policy, PolicyReading.Broadest, type == CheckPolicyType.Resource);
        foreach (var reason in result.Reasons)
        {
            var c = reason.Counterexample!;
            var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
            PolicyEvaluator.Evaluate(read, request).Allowed.ShouldBeTrue($"{request} must be allowed");
            if (actions.Length > 0)
            {
                actions.Any(a => PatternMatcher.Matches(TextPattern.Glob(a, ignoreCase: true), c.Action)).ShouldBeTrue($"{c.Action} is not a listed action");
            }

            if (resources is { Length: > 0 })
            {
                resources.Any(r => PatternMatcher.Matches(TextPattern.Glob(r), c.Resource)).ShouldBeTrue($"{c.Resource} is not a listed resource");
            }
        }

        return result.Counterexample!;
    }

    [Theory]
    [InlineData("iam:PassRole")]
    [InlineData("IAM:passrole")]
    [InlineData("iam:Pass*")]
    [InlineData("iam:*")]
    [InlineData("*")]
    [InlineData("i?m:CreateUser")]
    public void Listed_actions_with_wildcards_and_any_case_fail(string listed)
    {
        var c = FailsOn(AdminLike, [listed]);
        c.Action.ShouldStartWith("iam:", Case.Insensitive);
    }

    [Theory]
    [InlineData("s3:PutObject")]
    [InlineData("s3:Put*")]
    [InlineData("ec2:*")]
    [InlineData("iam")]
    public void Actions_the_policy_does_not_grant_pass(string listed)
    {
        var result = AccessNotGranted(AdminLike, [listed]);
        result.ShouldPass();
        result.Message.ShouldBe("The policy document does not grant access to perform the listed actions.");
    }

    [Fact]
    public void Wildcard_listed_action_finds_a_granted_action_inside_it()
    {
        var c = FailsOn(Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"""), ["s3:*"]);
        c.Action.ShouldBe("s3:GetObject");
    }

    [Fact]
    public void Resources_narrow_the_question()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::public-assets/*"}""");
        FailsOn(policy, ["s3:GetObject"]).Resource.ShouldStartWith("arn:aws:s3:::public-assets/");
        AccessNotGranted(policy, ["s3:GetObject"], ["arn:aws:s3:::prod-data/*"]).ShouldPass();
        FailsOn(policy, ["s3:GetObject"], ["arn:aws:s3:::prod-data/*", "arn:aws:s3:::public-assets/index.html"]).Resource.ShouldBe("arn:aws:s3:::public-assets/index.html");
        FailsOn(policy, ["s3:GetObject"], ["arn:aws:s3:::*"]);
    }

    [Fact]
    public void Resources_alone_ask_about_any_action()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:111122223333:key/*"}""");
        var c = FailsOn(policy, [], ["arn:aws:kms:us-east-1:111122223333:key/abcd"]);
        c.Action.ShouldBe("kms:Decrypt");
        AccessNotGranted(policy, [], ["arn:aws:s3:::b"]).ShouldPass();
    }

    [Fact]
    public void A_deny_removes_what_it_covers()
    {
        var policy = Policy(
            """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            """{"Effect":"Deny","Action":["iam:*","sts:*"],"Resource":"*"}""");
        AccessNotGranted(policy, ["iam:PassRole", "sts:AssumeRole"]).ShouldPass();
        FailsOn(policy, ["iam:PassRole", "s3:DeleteBucket"]).Action.ShouldBe("s3:DeleteBucket");
    }

    [Fact]
    public void A_conditional_grant_still_fails_and_its_counterexample_satisfies_the_condition()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}""");
        FailsOn(policy, ["iam:PassRole"]).Context["iam:PassedToService"].ShouldBe(["ec2.amazonaws.com"]);
    }

    [Fact]
    public void NotAction_grants_every_action_it_does_not_list()
    {
        var policy = Policy("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""");
        AccessNotGranted(policy, ["iam:PassRole"]).ShouldPass();
        FailsOn(policy, ["sts:AssumeRole"]).Action.ShouldBe("sts:AssumeRole");
    }

    [Fact]
    public void Resource_policies_are_checked_with_their_principals()
    {
        var policy = Policy("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}""");
        var c = FailsOn(policy, ["s3:DeleteObject"], type: CheckPolicyType.Resource);
        c.Principal.ShouldNotBeNull().ShouldContain("111122223333");
    }

    [Fact]
    public void More_than_a_hundred_actions_are_all_considered()
    {
        var listed = Enumerable.Range(0, 150).Select(i => $"svc{i}:Action{i}").ToArray();
        var policy = Policy("""{"Effect":"Allow","Action":"svc149:*","Resource":"*"}""");
        FailsOn(policy, listed).Action.ShouldBe("svc149:Action149");
        AccessNotGranted(Policy("""{"Effect":"Allow","Action":"svc150:*","Resource":"*"}"""), listed).ShouldPass();
        var resources = Enumerable.Range(0, 150).Select(i => $"arn:aws:s3:::bucket{i}/*").ToArray();
        FailsOn(Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket120/key"}"""), ["s3:GetObject"], resources).Resource.ShouldBe("arn:aws:s3:::bucket120/key");
    }

    [Fact]
    public void Neither_actions_nor_resources_is_an_argument_error() =>
        Should.Throw<ArgumentException>(() => AccessNotGranted(AdminLike, [], [])).Message.ShouldContain("at least one action or one resource");

    [Theory]
    [InlineData("{not json")]
    [InlineData("42")]
    public void A_malformed_policy_is_an_argument_error(string bad) =>
        Should.Throw<ArgumentException>(() => AccessNotGranted(bad, ["iam:PassRole"]));
}
