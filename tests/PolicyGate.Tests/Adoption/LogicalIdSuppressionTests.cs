using System.Text.Json;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Adoption;

/// <summary>Findings about a template resource carry its logical id, so suppressions can name the resource.</summary>
public class LogicalIdSuppressionTests
{
    private const string Template = """
        Resources:
          LegacyRole:
            Type: AWS::IAM::Role
            Metadata:
              aws:cdk:path: App/Legacy/Role/Resource
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::legacy/*
          NewRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::new/*
        """;

    private static List<JsonElement> Findings(CliRunner.Result result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();

    [Fact]
    public void Template_findings_carry_the_logical_id_and_construct_path()
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", Template);
        var effects = Findings(CliRunner.Run(dir.Root, "scan", "--format", "json")).Where(f => f.GetProperty("ruleId").GetString() == "PG2002").ToList();
        effects.Count.ShouldBe(2);
        var legacy = effects.Single(f => f.GetProperty("startLine").GetInt32() == 18).GetProperty("properties");
        legacy.GetProperty("logicalId").GetString().ShouldBe("LegacyRole");
        legacy.GetProperty("constructPath").GetString().ShouldBe("App/Legacy/Role/Resource");
        effects.Single(f => f.GetProperty("startLine").GetInt32() == 35).GetProperty("properties").GetProperty("logicalId").GetString().ShouldBe("NewRole");
    }

    [Fact]
    public void A_configured_suppression_by_logical_id_silences_only_that_resource()
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", Template);
        dir.Write("policygate.yaml", "suppressions:\n  - rule: PG2002\n    logical-id: LegacyRole\n    reason: migration tracked in OPS-1234\n");
        var result = CliRunner.Run(dir.Root, "scan", "--format", "json");
        var effects = Findings(result).Where(f => f.GetProperty("ruleId").GetString() == "PG2002").ToList();
        effects.ShouldHaveSingleItem().GetProperty("properties").GetProperty("logicalId").GetString().ShouldBe("NewRole");
        result.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Standalone_policy_findings_have_no_logical_id()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}""");
        var finding = Findings(CliRunner.Run(dir.Root, "scan", "--format", "json")).Single(f => f.GetProperty("ruleId").GetString() == "PG2002");
        (finding.TryGetProperty("properties", out var properties) && properties.TryGetProperty("logicalId", out _)).ShouldBeFalse();
    }
}
