using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;
using PolicyGate.Reasoning.Patterns;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Guardrails;

/// <summary>Each shipped guard-rail, run through the local engine: a policy it must catch and an ordinary one it must let through.</summary>
public class GuardrailVerdictTests
{
    private static PolicyCheckResult Run(string name, string policy)
    {
        var guardrail = GuardrailCatalog.BuiltIn.Find(name).ShouldNotBeNull();
        var input = new PolicyDocumentInput(policy);
        var answer = guardrail.Check == GuardrailCheck.NoNewAccess
            ? Engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(input, new PolicyDocumentInput(guardrail.ReferencePolicyJson!), guardrail.PolicyType), default)
            : Engine.CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(input, guardrail.Actions, guardrail.Resources, guardrail.PolicyType), default);
        return answer.GetAwaiter().GetResult();
    }

    /// <summary>FAIL with a counterexample whose action is <paramref name="expectedAction"/>, or one the guard-rail lists when null.</summary>
    private static Counterexample Fails(string guardrail, string policy, string? expectedAction = null)
    {
        var result = Run(guardrail, policy);
        result.ShouldFailWithCounterexample();
        var example = result.Counterexample!;
        if (expectedAction is not null)
        {
            example.Action.ShouldBe(expectedAction, StringCompareShould.IgnoreCase);
        }
        else if (GuardrailCatalog.BuiltIn.Find(guardrail)!.Actions is { IsEmpty: false } listed)
        {
            listed.ShouldContain(a => PatternMatcher.Matches(TextPattern.Glob(a, ignoreCase: true), example.Action), $"counterexample action {example.Action}");
        }

        return example;
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/*"}""", "iam:PassRole")]
    [InlineData("""{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::111122223333:policy/app-*"}""", "iam:CreatePolicyVersion")]
    [InlineData("""{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*"}""", "iam:CreateAccessKey")]
    [InlineData("""{"Effect":"Allow","Action":"iam:Attach*","Resource":"arn:aws:iam::111122223333:role/app-*"}""", null)]
    [InlineData("""{"Effect":"Allow","Action":"iam:*","Resource":"*"}""", null)]
    [InlineData("""{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}""", null)]
    public void No_privilege_escalation_catches_escalation_paths(string statement, string? action) =>
        Fails("no-privilege-escalation", Policy(statement), action);

    [Fact]
    public void No_privilege_escalation_lets_an_application_role_through()
    {
        Run("no-privilege-escalation", Policy(
            """{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::app-data/*"}""",
            """{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:*:111122223333:table/app-*"}""",
            """{"Effect":"Allow","Action":["iam:Get*","iam:List*","sts:GetCallerIdentity"],"Resource":"*"}""")).ShouldPass();
    }

    [Fact]
    public void No_privilege_escalation_respects_an_explicit_deny()
    {
        Run("no-privilege-escalation", Policy(
            """{"Effect":"Allow","Action":["iam:*"],"Resource":"*"}""",
            """{"Effect":"Deny","Action":["iam:Add*","iam:Attach*","iam:Create*","iam:Delete*","iam:PassRole","iam:Put*","iam:Reset*","iam:Set*","iam:Update*","iam:Upload*"],"Resource":"*"}""")).ShouldPass();
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":"iam:*","Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","Action":["organizations:*"],"Resource":"*"}""")]
    [InlineData("""{"Effect":"Allow","NotAction":["s3:*","ec2:*"],"Resource":"*"}""")]
    public void No_wildcard_admin_catches_administrator_grants(string statement) =>
        Fails("no-wildcard-admin", Policy(statement));

    [Fact]
    public void No_wildcard_admin_lets_service_wildcards_and_iam_reads_through()
    {
        Run("no-wildcard-admin", Policy(
            """{"Effect":"Allow","Action":["s3:*","ec2:*","lambda:*","logs:*"],"Resource":"*"}""",
            """{"Effect":"Allow","Action":["iam:Get*","iam:List*","iam:PassRole"],"Resource":"*"}""")).ShouldPass();
    }

    [Fact]
    public void No_wildcard_admin_lets_a_power_user_policy_through_by_design()
    {
        // The trade-off docs/guardrails.md states: a NotAction that keeps IAM, Organizations and account
        // administration out is the identity baseline, not administrator access.
        Run("no-wildcard-admin", Policy(
            """{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}""")).ShouldPass();
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/*"}""", "secretsmanager:GetSecretValue")]
    [InlineData("""{"Effect":"Allow","Action":"ssm:GetParametersByPath","Resource":"arn:aws:ssm:*:111122223333:parameter/prod/*"}""", "ssm:GetParametersByPath")]
    [InlineData("""{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""", "kms:Decrypt")]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Scan","Resource":"arn:aws:dynamodb:*:111122223333:table/customers"}""", "dynamodb:Scan")]
    [InlineData("""{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::customer-exports/*"}""", null)]
    public void No_sensitive_data_access_catches_reads_of_secrets_and_data(string statement, string? action) =>
        Fails("no-sensitive-data-access", Policy(statement), action);

    [Fact]
    public void No_sensitive_data_access_lets_a_deploy_role_through()
    {
        Run("no-sensitive-data-access", Policy(
            """{"Effect":"Allow","Action":["cloudformation:*","lambda:UpdateFunctionCode","lambda:GetFunction"],"Resource":"*"}""",
            """{"Effect":"Allow","Action":["s3:PutObject","s3:ListBucket","s3:GetBucketLocation"],"Resource":["arn:aws:s3:::deploy-artifacts","arn:aws:s3:::deploy-artifacts/*"]}""",
            """{"Effect":"Allow","Action":["ssm:PutParameter","ssm:DescribeParameters","kms:Encrypt","kms:DescribeKey"],"Resource":"*"}""")).ShouldPass();
    }

    [Fact]
    public void No_sensitive_data_access_respects_a_deny_of_the_reads()
    {
        Run("no-sensitive-data-access", Policy(
            """{"Effect":"Allow","Action":["s3:*","kms:*"],"Resource":"*"}""",
            """{"Effect":"Deny","Action":["s3:GetObject*","kms:Decrypt"],"Resource":"*"}""")).ShouldPass();
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"cloudtrail:StopLogging","Resource":"arn:aws:cloudtrail:*:111122223333:trail/org-trail"}""", "cloudtrail:StopLogging")]
    [InlineData("""{"Effect":"Allow","Action":"guardduty:DeleteDetector","Resource":"*"}""", "guardduty:DeleteDetector")]
    [InlineData("""{"Effect":"Allow","Action":["cloudtrail:*","config:*"],"Resource":"*"}""", null)]
    public void No_audit_tampering_catches_switching_off_audit(string statement, string? action) =>
        Fails("no-audit-tampering", Policy(statement), action);

    [Fact]
    public void No_audit_tampering_lets_readers_of_audit_data_through()
    {
        Run("no-audit-tampering", Policy(
            """{"Effect":"Allow","Action":["cloudtrail:LookupEvents","cloudtrail:Describe*","cloudtrail:Get*","guardduty:Get*","guardduty:List*","securityhub:Get*","config:Describe*"],"Resource":"*"}""")).ShouldPass();
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/deployer"},"Action":"sts:AssumeRole"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":["sts:AssumeRole","sts:TagSession"]}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}""")]
    [InlineData("""{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:example-org/app:ref:refs/heads/main"}}}""")]
    public void Trust_allow_listed_lets_listed_principals_through(string statement) =>
        Run("trust-allow-listed", Policy(statement)).ShouldPass();

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}""", "444455556666")]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}""", null)]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}""", "glue.amazonaws.com")]
    [InlineData("""{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}""", "cognito-identity.amazonaws.com")]
    [InlineData("""{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/corp"},"Action":"sts:AssumeRoleWithSAML"}""", "saml-provider/corp")]
    [InlineData("""{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}""", null)]
    public void Trust_allow_listed_catches_principals_outside_the_list(string statement, string? principal)
    {
        var example = Fails("trust-allow-listed", Policy(statement));
        example.Action.ShouldStartWith("sts:AssumeRole", Case.Insensitive);
        if (principal is not null)
        {
            example.Principal.ShouldNotBeNull().ShouldContain(principal);
        }
    }

    [Fact]
    public void Trust_allow_listed_names_the_missing_subject_condition_of_a_github_trust()
    {
        // The classic mistake: any repository on GitHub may assume the role. The counterexample's subject is outside example-org.
        var example = Fails("trust-allow-listed", Policy(
            """{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}"""));
        example.Context.ShouldContainKey("token.actions.githubusercontent.com:sub");
        example.Context["token.actions.githubusercontent.com:sub"].ShouldAllBe(v => !v.StartsWith("repo:example-org/", StringComparison.Ordinal));
    }

    [Fact]
    public void Identity_baseline_lets_workload_grants_and_iam_reads_through()
    {
        Run("identity-baseline", Policy(
            """{"Effect":"Allow","Action":["s3:*","ec2:*","dynamodb:*","sts:AssumeRole"],"Resource":"*"}""",
            """{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"Resource":"*"}""")).ShouldPass();
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}""", "iam:CreateUser")]
    [InlineData("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}""", "iam:PassRole")]
    [InlineData("""{"Effect":"Allow","Action":"organizations:LeaveOrganization","Resource":"*"}""", "organizations:LeaveOrganization")]
    [InlineData("""{"Effect":"Allow","Action":"sso:CreatePermissionSet","Resource":"*"}""", "sso:CreatePermissionSet")]
    public void Identity_baseline_catches_identity_and_account_administration(string statement, string action) =>
        Fails("identity-baseline", Policy(statement), action);

    [Fact]
    public void Identity_baseline_catches_full_administrator_access_with_an_administration_action()
    {
        var example = Fails("identity-baseline", Policy("""{"Effect":"Allow","Action":"*","Resource":"*"}"""));
        example.Action.Split(':')[0].ShouldBeOneOf("account", "iam", "identitystore", "organizations", "sso");
    }
}
