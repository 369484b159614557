using PolicyGate.Discovery;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Discovery;

public class ReferencingFilesTests
{
    private const string Policy = """{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}""";

    [Theory]
    [InlineData("infra/main.yaml", "infra/policies/read.json", "Location: policies/read.json", true)]
    [InlineData("infra/main.yaml", "infra/policies/read.json", "Location: ./policies/read.json", true)]
    [InlineData("infra/stacks/main.yaml", "infra/policies/read.json", "TemplateURL: ../policies/read.json", true)]
    [InlineData("infra/main.yaml", "infra/policies/read.json", "Location: s3://bucket/read.json", false)]
    [InlineData("infra/main.yaml", "infra/policies/read.json", "Location: other/policies/read.json", false)]
    [InlineData("main.yaml", "infra/policies/read.json", "Location: policies/read.json", false)]
    public void A_file_references_a_target_by_its_path_relative_to_the_file(string candidate, string target, string text, bool expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        ReferencingFiles.Mentions(System.Text.Encoding.UTF8.GetBytes(text), Path.Combine(root, candidate), Path.Combine(root, target)).ShouldBe(expected);
    }

    [Fact]
    public void Explicit_files_bring_in_the_templates_that_include_them_transitively()
    {
        using var dir = new TestDirectory();
        dir.Git("init", "-q");
        dir.Write("infra/policies/read.json", Policy);
        dir.Write("infra/nested/role.yaml", "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - Fn::Transform:\n            Name: AWS::Include\n            Parameters:\n              Location: ../policies/read.json\n");
        dir.Write("infra/main.yaml", "Resources:\n  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: nested/role.yaml\n");
        dir.Write("infra/unrelated.yaml", "Resources: {}\n");
        dir.Write("infra/ignored.yaml", "Location: policies/read.json\n");
        dir.Write("infra/README.md", "see policies/read.json\n");
        dir.Write(".gitignore", "infra/ignored.yaml\n");

        var found = FileDiscovery.Discover(new DiscoveryRequest
        {
            Paths = ["infra/policies/read.json"],
            WorkingDirectory = dir.Root,
            IncludeReferencing = true,
        });
        found.Files.Select(f => f.Path).ShouldBe(["infra/main.yaml", "infra/nested/role.yaml", "infra/policies/read.json"]);
        found.Files.Single(f => f.Path == "infra/policies/read.json").Explicit.ShouldBeTrue();
        found.Files.Single(f => f.Path == "infra/main.yaml").Explicit.ShouldBeFalse();

        var without = FileDiscovery.Discover(new DiscoveryRequest { Paths = ["infra/policies/read.json"], WorkingDirectory = dir.Root });
        without.Files.ShouldHaveSingleItem();

        // git grep (in a work tree) honours .gitignore; the plain walk with gitignore off finds the ignored referrer too.
        var walked = FileDiscovery.Discover(new DiscoveryRequest { Paths = ["infra/policies/read.json"], WorkingDirectory = dir.Root, IncludeReferencing = true, UseGitIgnore = false });
        walked.Files.Select(f => f.Path).ShouldBe(["infra/ignored.yaml", "infra/main.yaml", "infra/nested/role.yaml", "infra/policies/read.json"]);
    }

    [Fact]
    public void The_scan_option_reports_findings_of_the_given_file_and_counts_the_referrers()
    {
        using var dir = new TestDirectory();
        dir.Write("policies/read.json", Policy);
        dir.Write("policygate-tests.yaml", "not a template, but names policies/read.json\n");
        var result = CliRunner.Run(dir.Root, "scan", "--include-referencing", "policies/read.json");
        result.Stdout.ShouldContain("policies/read.json:1:");
        result.Stdout.ShouldContain("2 files scanned");
    }
}
