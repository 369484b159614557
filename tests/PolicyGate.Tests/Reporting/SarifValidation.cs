using System.Diagnostics;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace PolicyGate.Tests.Reporting;

/// <summary>Validates SARIF with the official validator (GitHub ingestion rules) and with the SARIF schema it ships.</summary>
internal static class SarifValidation
{
    public static async Task AssertValid(byte[] sarif)
    {
        var validate = Path.Combine(RepositoryPaths.Shared, "tools", "sarif", "validate");
        File.Exists(validate).ShouldBeTrue($"the SARIF validator is missing: expected {validate} (CI places ../shared beside the clone); this test cannot run without it");
        var file = Path.Combine(Path.GetTempPath(), $"policygate-{Guid.NewGuid():N}.sarif");
        File.WriteAllBytes(file, sarif);
        try
        {
            var start = new ProcessStartInfo(validate) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, output);
            output.ShouldContain("no errors");
            output.ShouldNotContain(": warning ", customMessage: output);

            // The multitool ignores some schema violations (bad enum values); check the schema it ships, too.
            var home = Environment.GetEnvironmentVariable("SARIF_MULTITOOL_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sarif-multitool");
            var schemaFile = Path.Combine(home, "node_modules", "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json");
            File.Exists(schemaFile).ShouldBeTrue($"the validator installed no schema at {schemaFile}");
            var schemaJson = JObject.Parse(File.ReadAllText(schemaFile));
            schemaJson.Remove("$schema");
            var schema = await JsonSchema.FromJsonAsync(schemaJson.ToString());
            schema.Validate(File.ReadAllText(file)).ShouldBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
