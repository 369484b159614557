namespace PolicyGate.Tests;

/// <summary>
/// A test that needs a program on PATH which a fresh machine may lack (pre-commit, jq). Without it the test is
/// reported as skipped with the reason, so `dotnet test` still runs everywhere and the gap shows in every
/// summary; .ci/run installs the programs and fails when any test was skipped.
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] programs)
    {
        var missing = programs.Where(p => !IsOnPath(p)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"SKIPPED: {string.Join(" and ", missing)} not found on PATH (Debian packages; .ci/run installs them); this check did not run";
        }
    }

    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
