using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>A mistake in a configuration file, at its line and column.</summary>
public sealed record ConfigError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location.Path}:{Location.Span.StartLine}:{Location.Span.StartColumn}: {Message}";
}
