using System.Text;
using PolicyGate.Cli;

namespace PolicyGate.Tests.Iam;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(string workingDirectory, params string[] args)
    {
        var stdout = new MemoryStream();
        var outWriter = new StringWriter();
        var errWriter = new StringWriter();
        var io = new CliOutput(outWriter, errWriter, workingDirectory) { OpenStandardOutput = () => new NonClosingStream(stdout) };
        var exit = PolicyGateCli.Run(args, io);
        return (exit, outWriter + Encoding.UTF8.GetString(stdout.ToArray()), errWriter.ToString());
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
