namespace PolicyGate.Tests;

/// <summary>
/// A test that needs the shared folder CI places beside the clone (../shared: the SARIF validator, the
/// conformance data). Where that folder is absent the test is reported as skipped, with the reason, so the
/// gap is visible in every test summary; .ci/run fails outright when the folder is missing.
/// </summary>
public sealed class RequiresSharedFactAttribute : FactAttribute
{
    public RequiresSharedFactAttribute(string relativePath)
    {
        if (!Path.Exists(Path.Combine(RepositoryPaths.Shared, relativePath)))
        {
            Skip = $"SKIPPED: ../shared/{relativePath} is missing (CI places the shared folder beside the clone); this check did not run";
        }
    }
}
