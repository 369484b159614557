using PolicyGate.Documents;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.Documents;

public class JsonDocumentParserTests
{
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": ["s3:GetObject", "sns:Receive"],
              "Resource": "arn:aws:s3:::bucket/*",
              "Condition": {"NumericLessThan": {"s3:max-keys": 10.50}}
            }
          ]
        }
        """;

    [Fact]
    public void Pins_spans_of_nested_nodes_and_keys()
    {
        var root = (ObjectNode)Root("p.json", Policy);
        root.Span.ShouldBe(Span(1, 1, 11, 2));
        var statement = At(root, "Statement", 0);
        statement.Span.ShouldBe(Span(4, 5, 9, 6));
        var receive = At(root, "Statement", 0, "Action", 1);
        Text(receive).ShouldBe("sns:Receive");
        receive.Span.ShouldBe(Span(6, 34, 6, 47));
        ((ObjectNode)statement).Property("Resource")!.KeySpan.ShouldBe(Span(7, 7, 7, 17));
        At(root, "Statement", 0, "Action").Span.ShouldBe(Span(6, 17, 6, 48));
    }

    [Fact]
    public void Keeps_number_text_exactly_as_written()
    {
        var number = (ScalarNode)At(Root("p.json", Policy), "Statement", 0, "Condition", "NumericLessThan", "s3:max-keys");
        number.Kind.ShouldBe(ScalarKind.Number);
        number.Value.ShouldBe("10.50");
        number.Span.ShouldBe(Span(8, 56, 8, 61));
    }

    [Theory]
    [InlineData("{\"a\": 1e400}", "1e400")]
    [InlineData("{\"a\": -0.0}", "-0.0")]
    [InlineData("{\"a\": 012345678901.0e+2}", null)]
    [InlineData("{\"a\": 123456789012}", "123456789012")]
    public void Reads_numbers_by_the_json_grammar(string text, string? expected)
    {
        var loaded = LoadText("n.json", text);
        if (expected is null)
        {
            loaded.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("leading zeros");
        }
        else
        {
            Text(At(loaded.Documents[0], "a")).ShouldBe(expected);
        }
    }

    [Fact]
    public void Decodes_escapes_and_counts_columns_in_utf16_units()
    {
        var root = Root("e.json", "{\"k\\u00e9y\": \"a\\\"b\\\\c\\n\\ud83d\\ude00\", \"b\": \"\ud83d\ude00x\", \"c\": 1}");
        var obj = (ObjectNode)root;
        obj.Properties[0].Key.ShouldBe("kéy");
        Text(obj["k\u00e9y"]!).ShouldBe("a\"b\\c\n\ud83d\ude00");
        // The emoji is two UTF-16 code units wide, so "c" starts two columns after a one-unit character would.
        obj.Property("c")!.KeySpan.ShouldBe(Span(1, 51, 1, 54));
    }

    [Fact]
    public void Keeps_duplicate_keys_visible_and_reports_them_at_the_second_key()
    {
        var loaded = LoadText("d.json", "{\n  \"Effect\": \"Allow\",\n  \"Effect\": \"Deny\"\n}");
        var obj = (ObjectNode)loaded.Documents.ShouldHaveSingleItem();
        obj.Properties.Length.ShouldBe(2);
        Text(obj["Effect"]!).ShouldBe("Deny");
        var diagnostic = loaded.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Kind.ShouldBe(DiagnosticKind.DuplicateKey);
        diagnostic.Span.ShouldBe(Span(3, 3, 3, 11));
        diagnostic.Message.ShouldContain("line 2, column 3");
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 8, "trailing comma")]
    [InlineData("{\"a\": 1\n  \"b\": 2}", 2, 3, "where ',' or '}' was expected")]
    [InlineData("{'a': 1}", 1, 2, "double quotes")]
    [InlineData("{\"a\": tru}", 1, 7, "invalid literal")]
    [InlineData("{\"a\": \"x\ny", 1, 7, "line break")]
    [InlineData("{\"a\": \"x\n, \"b\": 1}", 1, 7, "line break")]
    [InlineData("[1, 2", 1, 6, "end of file")]
    [InlineData("{\"a\": 1} {}", 1, 10, "after the end")]
    [InlineData("// c\n{}", 1, 1, "comments")]
    [InlineData("{\"a\": \"\\x\"}", 1, 8, "invalid escape")]
    [InlineData("{\"a\": 01}", 1, 7, "leading zeros")]
    [InlineData("\r\n\r\n  {\"a\" 1}", 3, 8, "':' was expected")]
    public void Reports_syntax_errors_at_their_position(string text, int line, int column, string fragment)
    {
        var loaded = LoadText("bad.json", text);
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.SyntaxError);
        d.Message.ShouldContain(fragment);
        (d.Span.StartLine, d.Span.StartColumn).ShouldBe((line, column));
    }

    [Fact]
    public void A_line_break_inside_a_string_is_reported_and_the_file_is_read_on()
    {
        var loaded = LoadText("wrapped.json", "{\"a\": \"x\n  \", \"b\": \"plain\"}");
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.SyntaxError);
        d.Message.ShouldContain("line break");
        (d.Span.StartLine, d.Span.StartColumn).ShouldBe((1, 7));
        var root = loaded.Documents.ShouldHaveSingleItem();
        Text(At(root, "a")).ShouldBe("x\n  ");
        Text(At(root, "b")).ShouldBe("plain");
        At(root, "b").Span.ShouldBe(Span(2, 11, 2, 18));
    }

    [Fact]
    public void Handles_crlf_bom_and_tabs()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\r\n\t\"a\":\r\n\t[true, null]\r\n}"u8.ToArray()).ToArray();
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile("b.json", "/v/b.json"), bytes);
        loaded.Diagnostics.ShouldBeEmpty();
        var a = At(loaded.Documents[0], "a");
        a.Span.ShouldBe(Span(3, 2, 3, 14));
        ((ScalarNode)At(a, 0)).Kind.ShouldBe(ScalarKind.Boolean);
        ((ScalarNode)At(a, 1)).Kind.ShouldBe(ScalarKind.Null);
        ((ObjectNode)loaded.Documents[0]).Property("a")!.KeySpan.ShouldBe(Span(2, 2, 2, 5));
    }

    [Fact]
    public void Lone_carriage_returns_end_lines()
    {
        var root = Root("cr.json", "{\r\"a\":\r1}");
        At(root, "a").Span.ShouldBe(Span(3, 1, 3, 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_files_have_no_documents_and_no_diagnostics(string text)
    {
        var loaded = LoadText("empty.json", text);
        loaded.Documents.ShouldBeEmpty();
        loaded.Diagnostics.ShouldBeEmpty();
    }
}
