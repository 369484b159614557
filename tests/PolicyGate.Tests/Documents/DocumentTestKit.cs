using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.Tests.Documents;

/// <summary>Loading from strings and addressing nodes by path, for span assertions.</summary>
internal static class DocumentTestKit
{
    public static LoadedFile LoadText(string path, string text, LoadLimits? limits = null) =>
        new DocumentLoader(limits ?? LoadLimits.Default).Load(new SourceFile(path, "/virtual/" + path), Encoding.UTF8.GetBytes(text));

    public static Node Root(string path, string text)
    {
        var loaded = LoadText(path, text);
        loaded.Diagnostics.ShouldBeEmpty();
        loaded.Documents.Length.ShouldBe(1);
        return loaded.Documents[0];
    }

    /// <summary>Follows keys and indexes: At(root, "Statement", 0, "Action").</summary>
    public static Node At(Node node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((ObjectNode)node)[key] ?? throw new KeyNotFoundException(key),
                int index => ((ArrayNode)node).Items[index],
                _ => throw new ArgumentException("path steps are keys or indexes"),
            };
        }

        return node;
    }

    public static string Text(Node node) => ((ScalarNode)node).Value;

    public static SourceSpan Span(int sl, int sc, int el, int ec) => new(sl, sc, el, ec);
}
