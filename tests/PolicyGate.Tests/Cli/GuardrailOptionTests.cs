using PolicyGate.Pipeline;

namespace PolicyGate.Tests.Cli;

/// <summary><c>--guardrail NAME</c> on check-access-not-granted and check-no-new-access: the built-in lists and references from the command line.</summary>
public sealed class GuardrailOptionTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public GuardrailOptionTests()
    {
        _dir.Write("admin.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""");
        _dir.Write("reader.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "iam:GetRole"], "Resource": "*"}]}""");
        _dir.Write("open-trust.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}""");
        _dir.Write("lambda-trust.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_action_list_guardrail_fails_a_policy_granting_iam_star_and_passes_a_reader()
    {
        var (exit, output, error) = CliRunner.Run(_dir.Root, "check-access-not-granted", "--policy", "admin.json", "--guardrail", "no-privilege-escalation");
        exit.ShouldBe(ExitCodes.Findings, error);
        output.ShouldContain("FAIL");
        output.ShouldContain("iam:");

        var reader = CliRunner.Run(_dir.Root, "check-access-not-granted", "--policy", "reader.json", "--guardrail", "no-privilege-escalation");
        reader.ExitCode.ShouldBe(ExitCodes.Success, reader.Stdout + reader.Stderr);
    }

    [Fact]
    public void A_reference_guardrail_compares_a_trust_policy_with_the_allow_list()
    {
        var (exit, output, error) = CliRunner.Run(_dir.Root, "check-no-new-access", "--new-policy", "open-trust.json", "--guardrail", "trust-allow-listed");
        exit.ShouldBe(ExitCodes.Findings, error);
        output.ShouldContain("444455556666");

        var lambda = CliRunner.Run(_dir.Root, "check-no-new-access", "--new-policy", "lambda-trust.json", "--guardrail", "trust-allow-listed");
        lambda.ExitCode.ShouldBe(ExitCodes.Success, lambda.Stdout + lambda.Stderr);
    }

    [Theory]
    [InlineData("check-access-not-granted", "--policy", "admin.json", "--guardrail", "no-privilege-escalaton", "", "did you mean no-privilege-escalation?")]
    [InlineData("check-access-not-granted", "--policy", "admin.json", "--guardrail", "trust-allow-listed", "", "is a check-no-new-access guard-rail")]
    [InlineData("check-access-not-granted", "--policy", "admin.json", "--guardrail", "no-privilege-escalation", "--actions=iam:PassRole", "not both")]
    [InlineData("check-no-new-access", "--new-policy", "admin.json", "--guardrail", "no-privilege-escalation", "", "is a check-access-not-granted guard-rail")]
    [InlineData("check-no-new-access", "--new-policy", "admin.json", "--guardrail", "trust-allow-listed", "--existing-policy=reader.json", "one of them")]
    [InlineData("check-no-new-access", "--new-policy", "admin.json", "--guardrail", "trust-allow-listed", "--policy-type=identity", "written for resource policies")]
    [InlineData("check-no-new-access", "--new-policy", "admin.json", "--existing-policy", "reader.json", "", "give --policy-type identity or resource")]
    public void Mistakes_are_usage_errors_that_say_what_to_do(string command, string policyOption, string policy, string guardrailOption, string guardrail, string extra, string message)
    {
        string[] args = [command, policyOption, policy, .. guardrailOption.Length > 0 ? new[] { guardrailOption, guardrail } : [], .. extra.Length > 0 ? new[] { extra } : []];
        var (exit, _, error) = CliRunner.Run(_dir.Root, args);

        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain(message);
    }
}
