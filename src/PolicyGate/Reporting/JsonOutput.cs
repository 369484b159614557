using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyGate.Reporting;

/// <summary>The JSON writer settings every report shares: indented, readable characters, LF line ends.</summary>
internal static class JsonOutput
{
    public static Utf8JsonWriter Create(Stream output) => new(output, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <summary>A 1-based region's four numbers: startLine, startColumn, endLine, endColumn.</summary>
    public static void WriteRegion(Utf8JsonWriter w, PolicyGate.Documents.SourceSpan span)
    {
        w.WriteNumber("startLine", span.StartLine);
        w.WriteNumber("startColumn", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", span.EndColumn);
    }

    /// <summary>A finding's extra properties as a "properties" object, omitted when there are none.</summary>
    public static void WriteProperties(Utf8JsonWriter w, IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0)
        {
            return;
        }

        w.WriteStartObject("properties");
        foreach (var (key, value) in properties)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }
}
