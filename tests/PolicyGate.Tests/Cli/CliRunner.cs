using System.Text;
using PolicyGate.Cli;

namespace PolicyGate.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, byte[] StdoutBytes)
    {
        public void Deconstruct(out int exitCode, out string stdout, out string stderr) => (exitCode, stdout, stderr) = (ExitCode, Stdout, Stderr);
    }

    public static Result Run(string workingDirectory, params string[] args)
    {
        var stdout = new MemoryStream();
        var outText = new StringWriter();
        var errText = new StringWriter();
        var io = new CliOutput(outText, errText, workingDirectory) { OpenStandardOutput = () => new NonClosingStream(stdout) };
        var code = PolicyGateCli.Run(args, io);
        var bytes = stdout.ToArray();
        return new Result(code, outText + Encoding.UTF8.GetString(bytes), errText.ToString(), bytes);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
