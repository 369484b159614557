namespace PolicyGate.Tests;

/// <summary>The attributes that turn missing prerequisites into visible skips must skip exactly then.</summary>
public class TestInfrastructureTests
{
    [Fact]
    public void A_missing_program_skips_with_its_name_and_a_present_one_runs()
    {
        new RequiresToolFactAttribute("policygate-no-such-program").Skip.ShouldContain("policygate-no-such-program not found on PATH");
        new RequiresToolFactAttribute("sh").Skip.ShouldBeNull();
    }

    [Fact]
    public void A_missing_shared_file_skips_with_its_path_and_a_present_one_runs()
    {
        new RequiresSharedFactAttribute("no/such/file.json").Skip.ShouldContain("../shared/no/such/file.json is missing");
        if (Directory.Exists(RepositoryPaths.Shared))
        {
            new RequiresSharedFactAttribute(".").Skip.ShouldBeNull();
        }
    }
}
