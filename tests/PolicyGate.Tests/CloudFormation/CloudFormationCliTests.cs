using PolicyGate.Tests.Cli;
using System.Text;
using PolicyGate.Cli;
using PolicyGate.Config;
using PolicyGate.Pipeline;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>`policygate parse` and `scan` on templates: output, exit codes, parameters, configuration and suppressions.</summary>
public sealed class CloudFormationCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-cfn-" + Guid.NewGuid().ToString("N"));

    public CloudFormationCliTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CliRunner.Result Run(string workingDirectory, params string[] args) => CliRunner.Run(workingDirectory, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Template = "Parameters:\n  Bucket: {Type: String}\n  Env: {Type: String, Default: dev}\nResources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}-${Env}/*'\n";

    [Fact]
    public void Parse_prints_the_same_json_for_the_two_forms_of_the_seed_template_and_is_deterministic()
    {
        var root = RepositoryRoot();
        var yaml = Run(root, "parse", "examples/policies/cloudformation/iam-monitoring.yaml");
        var json = Run(root, "parse", "examples/policies/cloudformation/iam-monitoring.json");
        yaml.ExitCode.ShouldBe(0, yaml.Stderr);
        json.ExitCode.ShouldBe(0, json.Stderr);
        Run(root, "parse", "examples/policies/cloudformation/iam-monitoring.yaml").Stdout.ShouldBe(yaml.Stdout);
        using var y = System.Text.Json.JsonDocument.Parse(yaml.Stdout);
        using var j = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var yt = y.RootElement.GetProperty("templates")[0];
        var jt = j.RootElement.GetProperty("templates")[0];
        yt.GetProperty("policies")[0].GetProperty("document").GetRawText().ShouldBe(jt.GetProperty("policies")[0].GetProperty("document").GetRawText());
        for (var i = 0; i < 2; i++)
        {
            yt.GetProperty("eventRules")[i].GetProperty("pattern").GetRawText().ShouldBe(jt.GetProperty("eventRules")[i].GetProperty("pattern").GetRawText());
            // The targets' values are equal; their spans differ between the two files.
            yt.GetProperty("eventRules")[i].GetProperty("targets")[0].GetProperty("target").GetRawText()
                .ShouldBe(jt.GetProperty("eventRules")[i].GetProperty("targets")[0].GetProperty("target").GetRawText());
        }

        yt.GetProperty("policies")[0].GetProperty("documentSpans").GetProperty("/Statement/0/Resource").GetString().ShouldBe("44:23-44:46");
        yaml.Stdout.ShouldNotContain(root);
    }

    [Fact]
    public void Parse_lists_unknowns_and_applies_parameters_pseudo_parameters_and_configuration_files()
    {
        var template = Write("stack.yaml", Template);
        var unknown = Run(_directory, "parse", template);
        unknown.ExitCode.ShouldBe(0);
        unknown.Stdout.ShouldContain("\"documentUnknowns\"");
        unknown.Stdout.ShouldContain("parameter Bucket has no Default");

        var given = Run(_directory, "parse", "stack.yaml", "--parameter", "Bucket=logs", "--parameter", "Env=prod", "--pseudo-parameter", "Region=cn-north-1");
        given.ExitCode.ShouldBe(0, given.Stderr);
        given.Stdout.ShouldContain("\"Resource\": \"arn:aws-cn:s3:::logs-prod/*\"");
        given.Stdout.ShouldNotContain("documentUnknowns");

        foreach (var (name, text) in new[]
                 {
                     ("codepipeline.json", "{\"Parameters\": {\"Bucket\": \"cfg\"}, \"Tags\": {\"team\": \"a\"}}"),
                     ("cli-list.json", "[{\"ParameterKey\": \"Bucket\", \"ParameterValue\": \"cfg\"}]"),
                     ("pairs.json", "[\"Bucket=cfg\"]"),
                 })
        {
            Write(name, text);
            var fromFile = Run(_directory, "parse", "stack.yaml", "--template-configuration", name);
            fromFile.ExitCode.ShouldBe(0, fromFile.Stderr);
            fromFile.Stdout.ShouldContain("arn:aws:s3:::cfg-dev/*", customMessage: name);
            Run(_directory, "parse", "stack.yaml", "--template-configuration", name, "--parameter", "Bucket=cli").Stdout.ShouldContain("arn:aws:s3:::cli-dev/*");
        }
    }

    [Fact]
    public void Parse_rejects_missing_files_non_templates_and_bad_options_with_exit_2()
    {
        Write("policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Write("stack.yaml", Template);
        Run(_directory, "parse", "missing.yaml").ExitCode.ShouldBe(ExitCodes.UsageError);
        var notTemplate = Run(_directory, "parse", "policy.json");
        notTemplate.ExitCode.ShouldBe(ExitCodes.UsageError);
        notTemplate.Stderr.ShouldContain("not a CloudFormation template");
        Run(_directory, "parse", "stack.yaml", "--parameter", "novalue").Stderr.ShouldContain("expected KEY=VALUE");
        Run(_directory, "parse", "stack.yaml", "--pseudo-parameter", "Colour=blue").ExitCode.ShouldBe(ExitCodes.UsageError);
        Write("bad-config.json", "{\"Parameters\": {\"Bucket\": {\"nested\": 1}}}");
        Run(_directory, "parse", "stack.yaml", "--template-configuration", "bad-config.json").ExitCode.ShouldBe(ExitCodes.UsageError);
    }

    [Fact]
    public void Parse_takes_several_templates_in_one_run()
    {
        Write("a.yaml", Template);
        Write("b.yaml", Template.Replace("Policy:", "Other:", StringComparison.Ordinal));
        var result = Run(_directory, "parse", "a.yaml", "b.yaml");
        result.ExitCode.ShouldBe(0);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("templates").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Scan_of_the_examples_fails_on_the_broken_template_and_its_report_is_deterministic()
    {
        var root = RepositoryRoot();
        var first = Run(root, "scan", "examples/policies", "--format", "sarif");
        var second = Run(root, "scan", "examples/policies", "--format", "sarif");
        first.ExitCode.ShouldBe(ExitCodes.Findings);
        first.Stdout.ShouldBe(second.Stdout);
        first.Stdout.ShouldContain("\"ruleId\": \"PG1101\"");
        first.Stdout.ShouldContain("\"uri\": \"examples/policies/cloudformation/broken-references.yaml\"");
        first.Stdout.ShouldNotContain("PG1109\",\n      \"level\": \"note\",\n      \"message\": {\n        \"text\": \"the policy Properties.AssumeRolePolicyDocument of AuditRole");
    }

    [Fact]
    public void Scan_runs_the_policy_checks_on_template_policies_at_their_template_spans()
    {
        Write("stack.yaml", "Parameters:\n  Mode: {Type: String}\nConditions:\n  Strict: !Equals [!Ref Mode, strict]\nResources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: !If [Strict, Deny, Alow]\n            Action: s3:GetObject\n            Resource: '*'\n");
        var result = Run(_directory, "scan", "stack.yaml");
        result.ExitCode.ShouldBe(ExitCodes.Findings);
        result.Stdout.ShouldContain("stack.yaml:11:40: error PG2002 Effect \"Alow\" is neither \"Allow\" nor \"Deny\"");
    }

    [Fact]
    public void Scan_takes_parameters_from_the_command_line_and_the_configuration()
    {
        Write("stack.yaml", Template);
        var unknown = Run(_directory, "scan", ".", "--format", "json");
        unknown.Stdout.ShouldContain("PG1109");
        Run(_directory, "scan", ".", "--format", "json", "--parameter", "Bucket=logs").Stdout.ShouldNotContain("PG1109");
        Write("policygate.yaml", "parameters:\n  Bucket: from-config\n");
        Run(_directory, "scan", ".", "--format", "json").Stdout.ShouldNotContain("PG1109");
    }

    [Fact]
    public void Configuration_binds_parameters_pseudo_parameters_imports_and_template_configurations()
    {
        Write("configs/prod.json", "{\"Parameters\": {\"Env\": \"prod\"}}");
        var config = Write("policygate.yaml", "parameters:\n  Bucket: logs\n  Subnets: [a, b]\n  Count: 3\npseudo-parameters:\n  AccountId: '210987654321'\n  Region: eu-west-1\n  StackName: orders\nimport-values:\n  shared-Arn: arn:aws:s3:::shared\ntemplate-configurations:\n  - templates: 'prod/**'\n    file: configs/prod.json\n");
        var result = ConfigLoader.Load(config, "policygate.yaml");
        result.Errors.ShouldBeEmpty();
        var settings = result.Config!.CloudFormation;
        settings.Parameters["Bucket"].Text.ShouldBe("logs");
        settings.Parameters["Subnets"].IsList.ShouldBeTrue();
        settings.Parameters["Count"].Text.ShouldBe("3");
        settings.PseudoParameters.AccountId.ShouldBe("210987654321");
        settings.PseudoParameters.RegionConfigured.ShouldBeTrue();
        settings.ImportValues["shared-Arn"].Text.ShouldBe("arn:aws:s3:::shared");
        settings.ParametersFor("prod/stack.yaml")["Env"].Text.ShouldBe("prod");
        settings.ParametersFor("dev/stack.yaml").ContainsKey("Env").ShouldBeFalse();

        var deployment = PolicyGate.CloudFormation.DeploymentValues.For(settings.PseudoParameters, "prod/stack.yaml");
        deployment.StackId.ShouldBe("arn:aws:cloudformation:eu-west-1:210987654321:stack/orders/00000000-0000-0000-0000-000000000000");
    }

    [Theory]
    [InlineData("pseudo-parameters:\n  AccountId: '1234'\n", "\"AccountId\" does not have the expected format")]
    [InlineData("pseudo-parameters:\n  Acount: '123456789012'\n", "did you mean \"AccountId\"")]
    [InlineData("parameters:\n  Bucket: {nested: 1}\n", "\"Bucket\"")]
    [InlineData("template-configurations:\n  - templates: '**'\n    file: nowhere.json\n", "does not exist")]
    public void Bad_cloudformation_configuration_is_reported_at_its_line(string text, string expected)
    {
        var config = Write("policygate.yaml", text);
        var result = ConfigLoader.Load(config, "policygate.yaml");
        result.Succeeded.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(expected);
        error.Location.Span.StartLine.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Template_suppressions_drop_findings_in_their_scope_only()
    {
        Write("stack.yaml", """
            Metadata:
              policygate:
                ignore: [PG1103]
            Resources:
              Quiet:
                Type: AWS::SSM::Parameter
                Metadata:
                  policygate:
                    ignore:
                      - id: PG1101
                        reason: the parameter is added by a macro in another repository
                      - PG9999
                Properties:
                  Value: !Ref Missing
                  Type: !Ref AWS::Regoin
              Loud:
                Type: AWS::SSM::Parameter
                Properties:
                  Value: !Ref AlsoMissing
            """);
        var result = Run(_directory, "scan", "stack.yaml");
        result.Stdout.ShouldNotContain("Ref Missing");
        result.Stdout.ShouldNotContain("PG1103");
        result.Stdout.ShouldContain("Ref AlsoMissing");
        result.Stdout.ShouldContain("PG1108");
        result.Stdout.ShouldContain("\"PG9999\" is not a PolicyGate rule id");
        result.ExitCode.ShouldBe(ExitCodes.Findings);
    }

}
