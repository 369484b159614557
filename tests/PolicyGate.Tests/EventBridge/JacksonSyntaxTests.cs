using PolicyGate.EventBridge;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Malformed pattern text is rejected with the reason EventBridge's JSON reader gives, at its position.</summary>
public class JacksonSyntaxTests
{
    [Theory]
    [InlineData("""{"a": [1, 2 3]}""", 12, "Unexpected character ('3' (code 51)): was expecting comma to separate Array entries")]
    [InlineData("""{"a": ["x"] "b": ["y"]}""", 12, "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")]
    [InlineData("""{"a": ["x",]}""", 11, "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    [InlineData("""{"a": ["x"],}""", 12, "Unexpected character ('}' (code 125)): was expecting double-quote to start field name")]
    [InlineData("""{'a': ["x"]}""", 1, "Unexpected character (''' (code 39)): was expecting double-quote to start field name")]
    [InlineData("""{"a": ["x"] // c""", 12, "Unexpected character ('/' (code 47)): was expecting comma to separate Object entries")]
    [InlineData("""{"a": [/* c */ "x"]}""", 7, "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)")]
    [InlineData("""{"a": [tru]}""", 7, "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    [InlineData("""{"a": [01]}""", 7, "Invalid numeric value: Leading zeroes not allowed")]
    [InlineData("""{"a": [1.]}""", 9, "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit")]
    [InlineData("""{"a": ["x\d"]}""", 10, "Unrecognized character escape 'd' (code 100)")]
    [InlineData("""{"a": ["x""", 9, "Unexpected end-of-input: was expecting closing quote for a string value")]
    [InlineData("""{"a" ["x"]}""", 5, "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value")]
    [InlineData("""{"a": ["x"]""", 11, "Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)\"{\"a\": [\"x\"]\"; line: 1, column: 1])")]
    [InlineData("""{"a": ["x"}}""", 10, "Unexpected close marker '}': expected ']' (for Array starting at [Source: (String)\"{\"a\": [\"x\"}}\"; line: 1, column: 7])")]
    public void Jackson_messages(string text, int offset, string message)
    {
        var error = JacksonSyntax.FirstError(text).ShouldNotBeNull();
        (error.Offset, error.Message).ShouldBe((offset, message));
    }

    [Theory]
    [InlineData("""{"a":["b"]} trailing garbage""")]
    [InlineData("""{"a":[1,{"b":[true,null,"x\u0041"]}]}""")]
    [InlineData("")]
    public void Valid_text_and_text_after_the_value_raise_nothing(string text) =>
        JacksonSyntax.FirstError(text).ShouldBeNull();

    [Fact]
    public void Deep_nesting_is_scanned_without_recursion()
    {
        var text = string.Concat(Enumerable.Repeat("{\"a\":", 200_000)) + "[1 2]";
        JacksonSyntax.FirstError(text).ShouldNotBeNull().Message.ShouldContain("was expecting comma to separate Array entries");
    }

    [Theory]
    [InlineData("""{"a": [ { "prefix": [1, 2 3] } ] }""", "prefix match pattern must be a string")]
    [InlineData("""{"a": [ { "anything-but": { "foo": 3 } ] }""", "Unsupported anything-but pattern: foo")]
    [InlineData("""{"a": [ { "anything-but": [1, 2 3] } ] }""", "Unexpected character ('3' (code 51)): was expecting comma to separate Array entries")]
    [InlineData("""{"a": [ { "numeric": [">", 1 2] } ] }""", "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries")]
    [InlineData("""{"a": [""", "Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)\"{\"a\": [\"; line: 1, column: 7])")]
    [InlineData("""{"a": x}""", "Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    public void A_pattern_error_met_before_the_syntax_error_is_reported_first(string text, string reason) =>
        PatternText.Parse(text, "p.json").SyntaxError.ShouldNotBeNull().Reason.ShouldBe(reason);

    [Theory]
    [InlineData("""{"a": [1, 2""", 11, """{"a": [1, 2]}""")]
    [InlineData("""{"a": [1, """, 10, """{"a": [1]}""")]
    [InlineData("""{"a": ["b"], "c": """, 18, """{"a": ["b"]}""")]
    [InlineData("""{"a": ["b"], "c" """, 17, """{"a": ["b"]}""")]
    [InlineData("""{"a": ["b""", 9, null)]
    public void Truncated_json_is_closed(string text, int offset, string? closed) =>
        TruncatedJson.Close(text, offset).ShouldBe(closed);
}
