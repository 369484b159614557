using System.Text.Json;
using PolicyGate.Checks;

namespace PolicyGate.Reporting;

/// <summary>
/// The findings of an earlier run, read from its SARIF (a <c>policygate baseline</c> file or any PolicyGate
/// SARIF report). A current finding whose rule and fingerprint (<see cref="FindingFingerprint"/>) appear there
/// is <see cref="BaselineState.Unchanged"/>; any other is <see cref="BaselineState.New"/>.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<(string RuleId, string Fingerprint)> _known;

    private Baseline(HashSet<(string, string)> known) => _known = known;

    public int Count => _known.Count;

    /// <summary>Reads a baseline; a file that is missing or is not PolicyGate SARIF with fingerprints is a <see cref="BaselineException"/>.</summary>
    public static Baseline Read(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"cannot read the baseline {displayPath}: {ex.Message} (create it with 'policygate baseline --output {displayPath}')");
        }

        try
        {
            return Parse(bytes, displayPath);
        }
        catch (JsonException ex)
        {
            throw new BaselineException($"the baseline {displayPath} is not JSON: {ex.Message}");
        }
    }

    public static Baseline Parse(ReadOnlySpan<byte> sarif, string displayPath)
    {
        var reader = new Utf8JsonReader(sarif, new JsonReaderOptions { MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new BaselineException($"the baseline {displayPath} is not a SARIF log (no \"runs\" array)");
        }

        var known = new HashSet<(string, string)>();
        var policyGateRuns = 0;
        var results = 0;
        foreach (var run in runs.EnumerateArray())
        {
            if (Text(run, "tool", "driver", "name") != Pipeline.ToolInfo.Current.Name)
            {
                continue;
            }

            policyGateRuns++;
            if (!run.TryGetProperty("results", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in list.EnumerateArray())
            {
                results++;
                if (Text(result, "ruleId") is { } ruleId && Text(result, "partialFingerprints", FindingFingerprint.Key) is { } fingerprint)
                {
                    known.Add((ruleId, fingerprint));
                }
            }
        }

        if (policyGateRuns == 0)
        {
            throw new BaselineException($"the baseline {displayPath} holds no PolicyGate run (it must be SARIF written by PolicyGate)");
        }

        if (results > 0 && known.Count == 0)
        {
            throw new BaselineException($"the results in the baseline {displayPath} carry no \"{FindingFingerprint.Key}\" fingerprints; write it again with 'policygate baseline'");
        }

        return new Baseline(known);
    }

    /// <summary>Marks each finding new or unchanged.</summary>
    public IReadOnlyList<Finding> Mark(IReadOnlyList<Finding> findings) =>
        findings.Select(f => f with
        {
            Baseline = f.Fingerprint is { } fp && _known.Contains((f.RuleId, fp)) ? BaselineState.Unchanged : BaselineState.New,
        }).ToList();

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}

/// <summary>A baseline that cannot be used; the scan stops with exit code 2 and this message.</summary>
public sealed class BaselineException(string message) : Exception(message);
