namespace PolicyGate.Documents;

/// <summary>Bounds that keep hostile files from costing unbounded time or memory.</summary>
public sealed record LoadLimits
{
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Files above this size are reported, not read.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Maximum nesting of objects and arrays. Real templates stay far below it.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>
    /// Maximum nesting of YAML flow collections (<c>[</c>, <c>{</c>). The YAML scanner's cost grows with
    /// flow depth per token, so this is lower than <see cref="MaxDepth"/>.
    /// </summary>
    public int MaxYamlFlowDepth { get; init; } = 64;

    /// <summary>Maximum number of nodes a YAML document may have once every alias is expanded.</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>Wall-clock budget for parsing one file; a safety net behind the structural limits.</summary>
    public TimeSpan ParseTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public static LoadLimits Default { get; } = new();
}
