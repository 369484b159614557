using System.Reflection;

namespace PolicyGate.Pipeline;

/// <summary>The tool's name and version, as reports and --version show them.</summary>
public sealed record ToolInfo(string Name, string Version, string? InformationUri)
{
    public static ToolInfo Current { get; } = new(
        "PolicyGate",
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectUrl")?.Value);
}
