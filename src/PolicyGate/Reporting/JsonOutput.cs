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
}
