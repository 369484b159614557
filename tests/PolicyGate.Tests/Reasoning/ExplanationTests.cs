using PolicyGate.AccessAnalyzer;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// The wording of FAIL explanations (issue 5, Build 6): what is granted, on what, to whom, under which
/// context, and which statement; identity policies name no principal of their own.
/// </summary>
public class ExplanationTests
{
    private static string Explanation(PolicyCheckResult result)
    {
        result.ShouldFailWithCounterexample();
        return result.Reasons.ShouldHaveSingleItem().Explanation.ShouldNotBeNull();
    }

    [Fact]
    public void Resource_policy_names_the_account_the_action_the_resource_and_the_missing_key()
    {
        var existing = Policy(
            """{"Sid":"Read","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}""",
            """{"Sid":"ReadList","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::prod-data"}""");
        var @new = Policy(
            """{"Sid":"Read","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}""",
            """{"Sid":"ReadList","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::prod-data"}""",
            """{"Sid":"AllowWrite","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::prod-data/*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"true"}}}""");
        Explanation(NoNewAccess(@new, existing, CheckPolicyType.Resource)).ShouldBe(
            "grants s3:DeleteObject on arn:aws:s3:::prod-data/* to any principal in account 111122223333 when aws:MultiFactorAuthPresent is absent; the existing policy does not (statement 2 \"AllowWrite\")");
    }

    [Fact]
    public void Identity_policy_grants_to_the_policys_principal_never_to_any_principal()
    {
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}""");
        var @new = Policy("""{"Sid":"AllowWrite","Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::prod-data/*"}""");
        var text = Explanation(NoNewAccess(@new, existing));
        text.ShouldBe("grants s3:DeleteObject on arn:aws:s3:::prod-data/* to the policy's principal; the existing policy does not (statement 0 \"AllowWrite\")");
        text.ShouldNotContain("any principal");
    }

    [Fact]
    public void Values_of_present_keys_are_quoted_and_several_values_listed()
    {
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}""");
        var @new = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-2"}}}""");
        Explanation(NoNewAccess(@new, existing)).ShouldBe(
            "grants s3:GetObject on any resource (\"*\") to the policy's principal when aws:SourceVpc is \"vpc-2\"; the existing policy does not (statement 0)");

        var tags = Policy("""{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"env"}}}""");
        var onlyEnv = Policy("""{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"env"}}}""");
        Explanation(NoNewAccess(tags, onlyEnv)).ShouldMatch("^grants ec2:CreateTags on any resource \\(\"\\*\"\\) to the policy's principal when aws:TagKeys is \\[\"env\", \"[^\"]+\"\\]; the existing policy does not \\(statement 0\\)$");
    }

    [Theory]
    [InlineData("\"*\"", "to anyone, anonymous callers included (\"*\")")]
    [InlineData("""{"AWS":"*"}""", "to any AWS principal (\"AWS\": \"*\")")]
    [InlineData("""{"AWS":"444455556666"}""", "to any principal in account 444455556666")]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:role/Partner"}""", "to arn:aws:iam::444455556666:role/Partner")]
    [InlineData("""{"Service":"sns.amazonaws.com"}""", "to the service sns.amazonaws.com")]
    [InlineData("""{"Federated":"accounts.google.com"}""", "to a user federated through accounts.google.com")]
    public void Resource_policy_principals_are_named_as_written(string principal, string expected)
    {
        var existing = Policy("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""");
        var @new = Policy($$"""{"Effect":"Allow","Principal":{{principal}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""");
        Explanation(NoNewAccess(@new, existing, CheckPolicyType.Resource)).ShouldBe($"grants s3:GetObject on arn:aws:s3:::b/* {expected}; the existing policy does not (statement 0)");
    }

    [Fact]
    public void A_role_session_is_named_as_a_session_of_the_role()
    {
        var existing = Policy("""{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""", """{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"*"}""");
        var @new = Policy("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"*"}""");
        Explanation(NoNewAccess(@new, existing, CheckPolicyType.Resource)).ShouldMatch(
            "^grants s3:GetObject on any resource \\(\"\\*\"\\) to arn:aws:sts::111122223333:assumed-role/Admin/[^ ]+ \\(NotPrincipal does not list it\\); the existing policy does not \\(statement 0\\)$");
    }

    [Fact]
    public void Access_not_granted_and_public_access_have_their_own_leads()
    {
        Explanation(AccessNotGranted(Policy("""{"Sid":"Admin","Effect":"Allow","Action":"iam:*","Resource":"*"}"""), ["iam:PassRole"]))
            .ShouldBe("grants iam:PassRole on any resource (\"*\") to the policy's principal (statement 0 \"Admin\")");
        Explanation(NoPublicAccess(Policy("""{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}"""), "AWS::SQS::Queue"))
            .ShouldBe("makes the resource public: grants sqs:SendMessage on arn:aws:sqs:us-east-1:111122223333:q to anyone, anonymous callers included (\"*\") (statement 0)");
    }

    [Fact]
    public void Counterexample_principals_use_the_aws_partition()
    {
        var result = NoNewAccess(
            Policy("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}"""),
            Policy("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/R"},"Action":"s3:GetObject","Resource":"*"}"""),
            CheckPolicyType.Resource);
        result.ShouldFailWithCounterexample();
        result.Counterexample!.Principal.ShouldStartWith("AWS:arn:aws:");
    }
}
