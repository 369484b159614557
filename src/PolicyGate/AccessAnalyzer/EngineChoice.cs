namespace PolicyGate.AccessAnalyzer;

/// <summary><c>--engine local|aws|auto</c>.</summary>
public enum EngineChoice
{
    Local,
    Aws,
    Auto,
}

public static class EngineChoices
{
    public static bool TryParse(string? text, out EngineChoice choice)
    {
        choice = text?.Trim().ToLowerInvariant() switch
        {
            "local" => EngineChoice.Local,
            "aws" => EngineChoice.Aws,
            "auto" => EngineChoice.Auto,
            _ => (EngineChoice)(-1),
        };
        return Enum.IsDefined(choice);
    }
}

/// <summary>The engine a run uses and, in words, why (for the summary: "auto" says which it picked).</summary>
public sealed record EngineSelection(IPolicyCheckEngine Engine, string Reason)
{
    /// <summary>The AWS engine's counters when it was chosen; null for the local engine.</summary>
    public AwsCallStatistics? AwsStatistics => (Engine as AwsPolicyCheckEngine)?.Statistics;
}
