using System.Diagnostics;

namespace PolicyGate.Discovery;

/// <summary>The outcome of one git command: exit code, raw standard output and standard error.</summary>
public sealed record GitResult(int ExitCode, byte[] Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    public string OutputText => System.Text.Encoding.UTF8.GetString(Output);
}

/// <summary>Runs git with an argument list (never a shell string) in a directory.</summary>
public static class GitProcess
{
    /// <summary>The result, or null when git could not be started at all.</summary>
    public static GitResult? Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // Paths come back unquoted and untranslated, whatever the user's git configuration says.
        foreach (var arg in new[] { "-c", "core.quotepath=off" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var errors = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return new GitResult(process.ExitCode, output.ToArray(), errors.Result);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Splits NUL-separated output (<c>-z</c>) into UTF-8 strings.</summary>
    public static List<string> SplitNul(byte[] output) =>
        System.Text.Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
}
