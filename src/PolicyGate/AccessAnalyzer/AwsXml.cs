using System.Xml;

namespace PolicyGate.AccessAnalyzer;

/// <summary>Reader settings for service XML: no DTDs, no external resolution, bounded size.</summary>
internal static class AwsXml
{
    /// <summary>A fresh instance each time: the settings type is mutable.</summary>
    public static XmlReaderSettings ReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 16 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };
}
