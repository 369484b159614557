using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// CheckNoPublicAccess through the local engine: "*" principals on the resource types Access Analyzer supports,
/// conditions that restrict the caller (organisation, account, VPC, address, source ARN/account, ...) making a
/// grant non-public, and conditions an outsider satisfies at will keeping it public.
/// </summary>
public class NoPublicAccessCheckTests
{
    public static TheoryData<string, string, string> ResourceTypes => new()
    {
        { "AWS::S3::Bucket", "s3:GetObject", "arn:aws:s3:::prod-data/*" },
        { "AWS::KMS::Key", "kms:Decrypt", "*" },
        { "AWS::SQS::Queue", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:orders" },
        { "AWS::SNS::Topic", "sns:Publish", "arn:aws:sns:us-east-1:111122223333:alerts" },
        { "AWS::Lambda::Function", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:f" },
        { "AWS::SecretsManager::Secret", "secretsmanager:GetSecretValue", "*" },
        { "AWS::DynamoDB::Table", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/t" },
        { "AWS::EFS::FileSystem", "elasticfilesystem:ClientMount", "*" },
        { "AWS::S3::AccessPoint", "s3:GetObject", "arn:aws:s3:us-east-1:111122223333:accesspoint/ap/object/*" },
        { "AWS::ApiGateway::RestApi", "execute-api:Invoke", "execute-api:/*" },
    };

    private static string Grant(string principal, string action = "s3:GetObject", string resource = "arn:aws:s3:::prod-data/*", string condition = "") =>
        Policy($$"""{"Sid":"Grant","Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"{{resource}}"{{(condition.Length > 0 ? $",\"Condition\":{condition}" : string.Empty)}}}""");

    private static Counterexample ShouldBePublic(string policy, string resourceType = "AWS::S3::Bucket")
    {
        var result = NoPublicAccess(policy, resourceType);
        result.ShouldFailWithCounterexample();
        result.Message.ShouldBe("The resource policy grants public access for the given resource type.");
        var c = result.Counterexample!;
        var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
        PolicyEvaluator.Evaluate(Read(policy, PolicyReading.Broadest, principals: true), request).Allowed.ShouldBeTrue($"{request} must get in");
        var outsider = c.Principal == PrincipalIdentity.Anonymous || c.Principal!.StartsWith(PrincipalIdentity.Federated, StringComparison.Ordinal)
            || !policy.Contains(c.Principal.Split(':')[5], StringComparison.Ordinal);
        outsider.ShouldBeTrue($"{c.Principal} is not an outsider");
        return c;
    }

    private static void ShouldNotBePublic(string policy, string resourceType = "AWS::S3::Bucket")
    {
        var result = NoPublicAccess(policy, resourceType);
        result.ShouldPass(policy);
        result.Message.ShouldBe("The resource policy does not grant public access for the given resource type.");
    }

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void Star_principal_is_public_on_every_supported_resource_type(string type, string action, string resource)
    {
        var c = ShouldBePublic(Grant("\"*\"", action, resource), type);
        c.Action.ShouldBe(action);
        ShouldBePublic(Grant("""{"AWS":"*"}""", action, resource), type);
    }

    [Theory]
    [MemberData(nameof(ResourceTypes))]
    public void Own_account_principal_is_not_public_on_any_supported_resource_type(string type, string action, string resource) =>
        ShouldNotBePublic(Grant("""{"AWS":"arn:aws:iam::111122223333:root"}""", action, resource), type);

    [Theory]
    [InlineData("StringEquals", "aws:PrincipalOrgID", "\"o-a1b2c3d4e5\"")]
    [InlineData("StringEquals", "aws:PrincipalAccount", "\"111122223333\"")]
    [InlineData("StringEquals", "aws:SourceVpc", "\"vpc-1a2b3c4d\"")]
    [InlineData("StringEquals", "aws:SourceVpce", "\"vpce-1a2b3c4d\"")]
    [InlineData("ArnEquals", "aws:SourceArn", "\"arn:aws:sns:us-east-1:111122223333:alerts\"")]
    [InlineData("ArnLike", "aws:SourceArn", "\"arn:aws:s3:::my-bucket\"")]
    [InlineData("StringEquals", "aws:SourceAccount", "\"111122223333\"")]
    [InlineData("StringEquals", "aws:SourceOwner", "\"111122223333\"")]
    [InlineData("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::111122223333:role/*\"")]
    [InlineData("StringEquals", "aws:SourceOrgID", "\"o-a1b2c3d4e5\"")]
    [InlineData("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "\"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*\"")]
    [InlineData("StringEquals", "aws:VpceAccount", "\"111122223333\"")]
    [InlineData("StringEquals", "aws:VpceOrgID", "\"o-a1b2c3d4e5\"")]
    [InlineData("StringEquals", "kms:CallerAccount", "\"111122223333\"")]
    [InlineData("StringEquals", "s3:DataAccessPointAccount", "\"111122223333\"")]
    [InlineData("StringLike", "aws:userid", "\"AROAEXAMPLEID:*\"")]
    [InlineData("StringEquals", "s3:x-amz-server-side-encryption-aws-kms-key-id", "\"arn:aws:kms:us-east-1:111122223333:key/k\"")]
    [InlineData("Bool", "aws:PrincipalIsAWSService", "\"true\"")]
    [InlineData("StringEquals", "aws:PrincipalServiceName", "\"cloudtrail.amazonaws.com\"")]
    [InlineData("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"")]
    [InlineData("IpAddress", "aws:SourceIp", "[\"203.0.113.0/24\",\"2001:db8::/32\"]")]
    [InlineData("IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"")]
    public void A_condition_on_who_the_caller_is_makes_a_star_grant_non_public(string op, string key, string values)
    {
        var condition = Condition(op, key, values);
        ShouldNotBePublic(Grant("\"*\"", condition: condition));
        ShouldNotBePublic(Grant("""{"AWS":"*"}""", condition: condition));
    }

    [Theory]
    [InlineData("Bool", "aws:SecureTransport", "\"true\"")]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "\"true\"")]
    [InlineData("StringEquals", "aws:RequestTag/env", "\"prod\"")]
    [InlineData("StringLike", "s3:prefix", "\"home/*\"")]
    [InlineData("DateLessThan", "aws:CurrentTime", "\"2030-01-01T00:00:00Z\"")]
    [InlineData("StringEquals", "aws:PrincipalType", "\"AssumedRole\"")]
    [InlineData("StringNotEquals", "aws:PrincipalOrgID", "\"o-a1b2c3d4e5\"")]
    [InlineData("StringEqualsIfExists", "aws:PrincipalAccount", "\"111122223333\"")]
    [InlineData("StringLike", "aws:PrincipalOrgID", "\"o-*\"")]
    [InlineData("StringLike", "aws:SourceArn", "\"arn:aws:sns:*:*:*\"")]
    [InlineData("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"")]
    [InlineData("IpAddress", "aws:SourceIp", "\"0.0.0.0/0\"")]
    [InlineData("IpAddress", "aws:SourceIp", "\"0.0.0.0/1\"")]
    [InlineData("IpAddress", "aws:SourceIp", "\"::/0\"")]
    [InlineData("Null", "aws:PrincipalOrgID", "\"false\"")]
    [InlineData("Bool", "aws:PrincipalIsAWSService", "\"false\"")]
    public void A_condition_an_outsider_satisfies_keeps_a_star_grant_public(string op, string key, string values)
    {
        ShouldBePublic(Grant("\"*\"", condition: Condition(op, key, values)));
    }

    [Fact]
    public void A_condition_on_an_address_range_keeps_the_counterexample_outside_it()
    {
        var c = ShouldBePublic(Grant("\"*\"", condition: """{"IpAddress":{"aws:SourceIp":"0.0.0.0/1"}}"""));
        var address = c.Context.GetValueOrDefault("aws:SourceIp");
        address.IsDefaultOrEmpty.ShouldBeFalse();
    }

    [Fact]
    public void A_deny_for_everyone_outside_the_organisation_makes_it_non_public()
    {
        var policy = Policy(
            """{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""",
            """{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""");
        ShouldNotBePublic(policy);
        var partial = Policy(
            """{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}""",
            """{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""");
        ShouldBePublic(partial).Action.ShouldNotBe("s3:GetObject");
    }

    [Theory]
    [InlineData("""{"AWS":"444455556666"}""")]
    [InlineData("""{"AWS":"arn:aws:iam::444455556666:role/Partner"}""")]
    [InlineData("""{"Service":"sns.amazonaws.com"}""")]
    [InlineData("""{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}""")]
    public void Named_principals_are_not_public(string principal) =>
        ShouldNotBePublic(Grant(principal));

    [Fact]
    public void NotPrincipal_with_allow_is_public()
    {
        var c = ShouldBePublic(Policy("""{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"""));
        c.Principal.ShouldNotBeNull().ShouldNotContain("role/Admin");
    }

    [Fact]
    public void Role_trust_policies_for_web_identities_need_a_subject_condition()
    {
        const string Provider = """{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}""";
        const string Type = "AWS::IAM::AssumeRolePolicyDocument";
        string Trust(string condition) => Policy($$"""{"Effect":"Allow","Principal":{{Provider}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{condition}}}""");
        ShouldBePublic(Trust("""{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"""), Type);
        ShouldBePublic(Trust("""{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}}"""), Type);
        ShouldNotBePublic(Trust("""{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}"""), Type);
        const string Cognito = """{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity" """;
        ShouldBePublic(Policy(Cognito + "}"), Type);
        ShouldNotBePublic(Policy(Cognito + ""","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:12345678-abcd-abcd-abcd-123456789012"}}}"""), Type);
        ShouldNotBePublic(Policy("""{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/corp"},"Action":"sts:AssumeRoleWithSAML"}"""), Type);
        ShouldNotBePublic(Policy("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"""), Type);
        ShouldBePublic(Policy("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}"""), Type);
    }

    [Theory]
    [InlineData("AWS::EC2::Instance")]
    [InlineData("AWS::IAM::Role")]
    [InlineData("aws::s3::bucket")]
    [InlineData("")]
    public void Unsupported_resource_types_are_argument_errors(string type)
    {
        var error = Should.Throw<ArgumentException>(() => NoPublicAccess(Grant("\"*\""), type));
        error.Message.ShouldContain($"\"{type}\"");
        error.Message.ShouldContain("AWS::S3::Bucket");
    }

    [Theory]
    [InlineData("{\"Statement\":")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void Malformed_policies_are_argument_errors(string bad) =>
        Should.Throw<ArgumentException>(() => NoPublicAccess(bad));

    [Fact]
    public void The_explanation_says_who_gets_in()
    {
        var result = NoPublicAccess(Grant("\"*\"", condition: """{"Bool":{"aws:SecureTransport":"true"}}"""));
        result.Reasons.Single().Description.ShouldBe("Public access granted in the following statement with sid: Grant.");
        result.Reasons.Single().Explanation.ShouldBe(
            "makes the resource public: grants s3:GetObject on arn:aws:s3:::prod-data/* to anyone, anonymous callers included (\"*\") when aws:SecureTransport is \"true\" (statement 0 \"Grant\")");
    }
}
