using System.Text;

namespace PolicyGate.Cli;

/// <summary>Writes reports to files; a failure is reported on standard error (the caller exits with 3).</summary>
internal static class ReportFiles
{
    public static bool TryWrite(CliOutput io, string path, Action<Stream> write) =>
        Try(io, path, full =>
        {
            using var file = File.Create(full);
            write(file);
        });

    public static bool TryAppend(CliOutput io, string path, string text) =>
        Try(io, path, full => File.AppendAllText(full, text, new UTF8Encoding(false)));

    private static bool Try(CliOutput io, string path, Action<string> action)
    {
        var full = Path.GetFullPath(path, io.WorkingDirectory);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            action(full);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"policygate: cannot write {path}: {ex.Message}");
            return false;
        }
    }
}
