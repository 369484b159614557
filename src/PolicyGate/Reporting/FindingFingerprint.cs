using System.Security.Cryptography;
using System.Text;
using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.Reporting;

/// <summary>
/// A finding's identity across runs, written to SARIF as <c>partialFingerprints["policygate/v1"]</c> and matched
/// by <c>--baseline</c>. It hashes the rule id, the report path and the flagged text with whitespace removed,
/// then numbers equal hashes in file order (<c>hex:1</c>, <c>hex:2</c>). Lines inserted or removed, re-indentation
/// and edits anywhere outside the flagged text (even on the same line of a one-line JSON policy) leave it
/// unchanged; editing the flagged text, adding an identical mistake before it, or renaming the file gives a new
/// identity. The surrounding line is deliberately not hashed: generated policies are often one line long, and
/// any edit would make all their findings "new". It is not GitHub's <c>primaryLocationLineHash</c> (the
/// uploader computes that one itself).
/// </summary>
public static class FindingFingerprint
{
    public const string Key = "policygate/v1";

    /// <summary>Flagged text beyond this many characters is not hashed (a whole-file span stays cheap).</summary>
    private const int MaxHashedChars = 64 * 1024;

    /// <summary>Stamps the fingerprint on each finding of one file; <paramref name="text"/> is null when the file could not be read.</summary>
    public static IReadOnlyList<Finding> Stamp(IReadOnlyList<Finding> findings, string path, string? text)
    {
        if (findings.Count == 0)
        {
            return findings;
        }

        var lines = text is null ? null : LineIndex.Build(text);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var stamped = new Finding[findings.Count];
        var order = Enumerable.Range(0, findings.Count).OrderBy(i => findings[i], FindingOrder.Instance).ToList();
        foreach (var i in order)
        {
            var finding = findings[i];
            var local = finding.Location.Path == path ? text : null;
            var hash = Hash(finding, local, local is null ? null : lines);
            var n = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
            stamped[i] = finding with { Fingerprint = $"{hash}:{n}" };
        }

        return stamped;
    }

    private static string Hash(Finding finding, string? text, LineIndex? lines)
    {
        var input = new StringBuilder();
        input.Append(finding.RuleId).Append('\0').Append(finding.Location.Path).Append('\0');
        if (text is not null && lines is not null)
        {
            var span = finding.Location.Span;
            var start = Math.Clamp(lines.OffsetOf(span.Start), 0, text.Length);
            var end = Math.Clamp(lines.OffsetOf(span.End), start, text.Length);
            AppendWithoutWhitespace(input, text.AsSpan(start, Math.Min(end - start, MaxHashedChars)));
        }
        else
        {
            // Nothing to read (an unreadable or oversized file): the message is all there is.
            input.Append(finding.Message);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(input.ToString()));
        return Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }

    private static void AppendWithoutWhitespace(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
    }
}
