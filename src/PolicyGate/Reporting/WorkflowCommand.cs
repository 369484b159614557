using System.Text;

namespace PolicyGate.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=..,line=..::message</c>) with the escaping the runner
/// undoes: in the message <c>%</c>, CR and LF; in property values also <c>:</c> and <c>,</c>. An escaped
/// command always fits on one line, so text from a scanned file cannot start a command of its own.
/// </summary>
public static class WorkflowCommand
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>One command line (without the line end); properties are written in the order given.</summary>
    public static string Format(string command, IEnumerable<(string Name, string Value)> properties, string message)
    {
        var line = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (name, value) in properties)
        {
            line.Append(separator).Append(name).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return line.Append("::").Append(EscapeData(message)).ToString();
    }
}
