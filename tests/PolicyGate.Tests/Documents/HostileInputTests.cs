using System.Diagnostics;
using System.Text;
using PolicyGate.Documents;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.Documents;

/// <summary>Each hostile input yields a located diagnostic, quickly, and never an exception.</summary>
public class HostileInputTests
{
    private static LoadedFile Timed(Func<LoadedFile> load)
    {
        var clock = Stopwatch.StartNew();
        var loaded = load();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "hostile input must be rejected in bounded time");
        return loaded;
    }

    [Fact]
    public void Yaml_billion_laughs_is_stopped_at_the_alias_that_goes_over()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 12; level++)
        {
            var prev = (char)('a' + level - 1);
            var name = (char)('a' + level);
            text.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }

        var loaded = Timed(() => LoadText("bomb.yaml", text.ToString()));
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.AliasExpansionLimit);
        d.Span.StartLine.ShouldBe(7);
    }

    [Fact]
    public void Json_nested_100000_deep_is_reported_at_the_first_bracket_too_deep()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var loaded = Timed(() => LoadText("deep.json", text));
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.NestingTooDeep);
        d.Span.ShouldBe(Span(1, 513, 1, 514));
    }

    [Fact]
    public void Yaml_flow_nested_100000_deep_is_reported_without_running_the_slow_scanner()
    {
        var text = "key: " + new string('[', 100_000) + new string(']', 100_000);
        var loaded = Timed(() => LoadText("deep.yaml", text));
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.NestingTooDeep);
        d.Span.ShouldBe(Span(1, 6 + 64, 1, 7 + 64));
    }

    [Fact]
    public void Yaml_block_nesting_beyond_the_limit_is_reported()
    {
        var text = string.Concat(Enumerable.Range(0, 600).Select(i => new string(' ', i) + "k:\n"));
        var loaded = Timed(() => LoadText("deepblock.yaml", text));
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.NestingTooDeep);
        d.Span.StartLine.ShouldBe(513);
    }

    [Fact]
    public void Flow_style_yaml_in_a_json_looking_file_that_is_deep_is_still_bounded()
    {
        var text = new string('{', 100_000);
        var loaded = Timed(() => LoadText("deep.yaml", text));
        loaded.Diagnostics.ShouldHaveSingleItem().Kind.ShouldBe(DiagnosticKind.NestingTooDeep);
    }

    [Fact]
    public void A_file_above_the_size_limit_is_reported_without_being_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pg-large-{Guid.NewGuid():N}.json");
        try
        {
            using (var stream = File.Create(path))
            {
                // A sparse 64 MB file: reading it would show in time and memory.
                stream.SetLength(64L * 1024 * 1024);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var loaded = Timed(() => new DocumentLoader(new LoadLimits { MaxFileBytes = 1024 * 1024 }).Load(path, "large.json"));
            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1024 * 1024);
            var d = loaded.Diagnostics.ShouldHaveSingleItem();
            d.Kind.ShouldBe(DiagnosticKind.FileTooLarge);
            d.Message.ShouldContain("67,108,864 bytes");
            d.Span.ShouldBe(SourceSpan.FileStart);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_default_size_limit_is_16_mb()
    {
        LoadLimits.Default.MaxFileBytes.ShouldBe(16L * 1024 * 1024);
    }

    [Fact]
    public void Binary_content_is_reported_as_such()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D };
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile("image.json", "/v/image.json"), bytes);
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.BinaryContent);
        d.Span.ShouldBe(SourceSpan.FileStart);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_byte_that_cannot_be_decoded()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"a\": \"caf").Concat(new byte[] { 0xE9 }).Concat("\"\n}"u8.ToArray()).ToArray();
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile("latin1.json", "/v/latin1.json"), bytes);
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.UnsupportedEncoding);
        d.Message.ShouldContain("0xE9");
        d.Span.ShouldBe(Span(2, 12, 2, 13));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D }, "UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, "UTF-32")]
    public void Utf16_and_utf32_files_are_reported_as_unsupported(byte[] bytes, string encoding)
    {
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile("w.json", "/v/w.json"), bytes);
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.UnsupportedEncoding);
        d.Message.ShouldContain(encoding);
    }

    [Fact]
    public void A_parse_that_exceeds_its_time_budget_is_stopped_and_reported()
    {
        // Just under the flow-depth limit, repeated: legal, but slow for the YAML scanner.
        var unit = new string('[', 60) + new string(']', 60) + ",";
        var text = "a: [" + string.Concat(Enumerable.Repeat(unit, 20_000)) + "x]";
        var loaded = Timed(() => LoadText("slow.yaml", text, new LoadLimits { ParseTimeout = TimeSpan.FromMilliseconds(200) }));
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.SyntaxError);
        d.Message.ShouldContain("longer than");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            foreach (var name in new[] { "r.json", "r.yaml" })
            {
                var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile(name, "/v/" + name), bytes);
                (loaded.Documents.Length + loaded.Diagnostics.Length).ShouldBeGreaterThanOrEqualTo(0);
            }
        }
    }

    [Fact]
    public void Mutated_json_and_yaml_never_throw_and_errors_are_located_inside_the_file()
    {
        var random = new Random(42);
        var seeds = new[]
        {
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}",
            "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Arn: !GetAtt [A, B]\n      X: &x {a: [1, 2]}\n      Y: *x\n",
        };
        const string alphabet = "{}[]:,\"'!&*#- \n\t\\|>abc01";
        foreach (var seed in seeds)
        {
            for (var i = 0; i < 500; i++)
            {
                var chars = seed.ToCharArray();
                for (var m = 0; m < 3; m++)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }

                var text = new string(chars);
                var name = seed.StartsWith('{') ? "m.json" : "m.yaml";
                var loaded = LoadText(name, text);
                var lineCount = text.Split('\n').Length;
                foreach (var d in loaded.Diagnostics)
                {
                    d.Span.StartLine.ShouldBeInRange(1, lineCount + 1, text);
                    d.Span.StartColumn.ShouldBeGreaterThanOrEqualTo(1);
                }
            }
        }
    }
}
