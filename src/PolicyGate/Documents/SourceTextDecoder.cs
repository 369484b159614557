using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PolicyGate.Documents;

/// <summary>The outcome of decoding a file's bytes: its text, or the reason it has none.</summary>
public readonly record struct DecodedText(string? Text, DocumentDiagnostic? Problem);

/// <summary>
/// Turns file bytes into text. UTF-8 (with or without a byte order mark) is what AWS tooling reads; anything
/// else is reported at the first position that cannot be read, never guessed at.
/// </summary>
public static class SourceTextDecoder
{
    private const int BinarySniffBytes = 8000;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Unsupported("the file is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Unsupported("the file is UTF-16 (it starts with a UTF-16 byte order mark, as Windows PowerShell writes); save it as UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes[..Math.Min(bytes.Length, BinarySniffBytes)].IndexOf((byte)0);
        if (nul >= 0)
        {
            return new DecodedText(null, new DocumentDiagnostic(
                DiagnosticKind.BinaryContent,
                $"the file holds binary data (a NUL byte at offset {nul}); it is not JSON or YAML text",
                SourceSpan.FileStart));
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new DecodedText(new string(buffer, 0, written), null);
            }

            // Locate the first undecodable byte by the text before it.
            var before = buffer.AsSpan(0, written);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var column = written - lineStart + 1;
            return new DecodedText(null, new DocumentDiagnostic(
                DiagnosticKind.UnsupportedEncoding,
                $"invalid UTF-8: byte 0x{bytes[read]:X2} at line {line}, column {column} cannot be decoded; save the file as UTF-8",
                SourceSpan.At(line, column)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodedText Unsupported(string message) =>
        new(null, new DocumentDiagnostic(DiagnosticKind.UnsupportedEncoding, message, SourceSpan.FileStart));
}
