using System.Diagnostics;

namespace PolicyGate.Tests.Ci;

/// <summary>Runs a shell script or command with an exact environment, as a CI runner would.</summary>
internal static class ShellRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild and the test platform; a dotnet started from a test must not inherit that.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>A directory holding a <c>policygate</c> command that runs the PolicyGate build under test.</summary>
    public static string ToolShim(TestDirectory dir)
    {
        var dll = typeof(PolicyGate.Pipeline.ToolInfo).Assembly.Location;
        var shim = dir.Write("bin/policygate", $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n");
        MakeExecutable(shim);
        return Path.GetDirectoryName(shim)!;
    }

    public static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the action and hook tests run shell scripts (Linux or macOS)");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
