using System.Text;
using PolicyGate.Reporting;

namespace PolicyGate.Tests.Reporting;

public class WorkflowCommandTests
{
    /// <summary>What the Actions runner does with a command's data and property values (the inverse of the escaping).</summary>
    private static string Unescape(string value) =>
        value.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");

    [Fact]
    public void Message_data_escapes_percent_cr_and_lf_only()
    {
        WorkflowCommand.EscapeData("100% of a:b, c\r\nnext\rline\nend").ShouldBe("100%25 of a:b, c%0D%0Anext%0Dline%0Aend");
    }

    [Fact]
    public void Property_values_also_escape_colon_and_comma()
    {
        WorkflowCommand.EscapeProperty("C:\\a,b%c\r\nd").ShouldBe("C%3A\\a%2Cb%25c%0D%0Ad");
    }

    [Fact]
    public void Already_escaped_looking_text_is_escaped_again_so_it_survives_unchanged()
    {
        // "%0A" written by a user must not turn into a line break on the runner.
        WorkflowCommand.EscapeData("literal %0A and %25").ShouldBe("literal %250A and %2525");
    }

    [Fact]
    public void A_command_built_from_every_special_character_is_one_line_and_round_trips()
    {
        const string hostile = "a%b\rc\nd:e,f::error::x\r\n::warning file=z::injected%0A";
        var line = WorkflowCommand.Format("error", [("file", hostile), ("title", hostile)], hostile);

        line.ShouldNotContain('\n');
        line.ShouldNotContain('\r');
        line.ShouldStartWith("::error file=");
        var separator = line.IndexOf("::", 2, StringComparison.Ordinal);
        var properties = line[("::error ".Length)..separator].Split(',');
        properties.Length.ShouldBe(2, "commas inside values must be escaped");
        Unescape(properties[0]["file=".Length..]).ShouldBe(hostile);
        Unescape(properties[1]["title=".Length..]).ShouldBe(hostile);
        var message = line[(separator + 2)..];
        message.ShouldNotContain("\n");
        Unescape(message).ShouldBe(hostile);
    }

    [Fact]
    public void Random_strings_round_trip_through_property_escaping()
    {
        var random = new Random(8);
        const string alphabet = "%:,\r\n=aZ9 \t\u00e9\u20ac:";
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(0, 30); j > 0; j--)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var value = text.ToString();
            var escaped = WorkflowCommand.EscapeProperty(value);
            escaped.IndexOfAny([':', ',', '\r', '\n']).ShouldBe(-1);
            Unescape(escaped).ShouldBe(value);
            Unescape(WorkflowCommand.EscapeData(value)).ShouldBe(value);
        }
    }
}
