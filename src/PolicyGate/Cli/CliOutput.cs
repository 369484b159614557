namespace PolicyGate.Cli;

/// <summary>Where a command writes: standard output, standard error and the working directory (tests substitute them).</summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public static CliOutput Console() => new(System.Console.Out, System.Console.Error, Directory.GetCurrentDirectory());

    /// <summary>Raw bytes to standard output (reports are written as UTF-8 bytes).</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = System.Console.OpenStandardOutput;

    /// <summary>Reads an environment variable (tests substitute a simulated GitHub Actions environment).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>True when standard error is an interactive terminal (progress is shown only there).</summary>
    public bool ErrorIsTerminal { get; init; }
}
