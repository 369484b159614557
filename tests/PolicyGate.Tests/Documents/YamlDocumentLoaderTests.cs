using PolicyGate.Documents;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.Documents;

public class YamlDocumentLoaderTests
{
    private const string Template = """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
          Policy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Resource: !Ref Topic
                    Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                    Action:
                      - sns:Publish
                    Condition:
                      ArnEquals:
                        aws:SourceArn: !GetAtt Rule.Arn
          Role:
            Type: AWS::IAM::Role
            Properties:
              Arn: !GetAtt [Rule, Arn]
              Name: !Join
                - "-"
                - - !Ref AWS::StackName
                  - role
        """;

    [Fact]
    public void Short_form_tags_load_as_long_forms_with_spans()
    {
        var root = Root("t.yaml", Template);
        var reference = (ObjectNode)At(root, "Resources", "Policy", "Properties", "PolicyDocument", "Statement", 0, "Resource");
        var property = reference.Properties.ShouldHaveSingleItem();
        property.Key.ShouldBe("Ref");
        property.KeySpan.ShouldBe(Span(11, 23, 11, 27));
        Text(property.Value).ShouldBe("Topic");
        property.Value.Span.ShouldBe(Span(11, 28, 11, 33));
        reference.Span.ShouldBe(Span(11, 23, 11, 33));
    }

    [Fact]
    public void GetAtt_dotted_form_splits_into_two_located_parts()
    {
        var root = Root("t.yaml", Template);
        var getAtt = (ArrayNode)At(root, "Resources", "Policy", "Properties", "PolicyDocument", "Statement", 0, "Condition", "ArnEquals", "aws:SourceArn", "Fn::GetAtt");
        getAtt.Items.Select(Text).ShouldBe(["Rule", "Arn"]);
        getAtt.Items[0].Span.ShouldBe(Span(17, 40, 17, 44));
        getAtt.Items[1].Span.ShouldBe(Span(17, 45, 17, 48));
    }

    [Fact]
    public void GetAtt_list_form_and_nested_tags_in_block_sequences()
    {
        var root = Root("t.yaml", Template);
        At(root, "Resources", "Role", "Properties", "Arn", "Fn::GetAtt").Span.ShouldBe(Span(21, 20, 21, 31));
        var join = (ArrayNode)At(root, "Resources", "Role", "Properties", "Name", "Fn::Join");
        Text(join.Items[0]).ShouldBe("-");
        join.Items[0].Span.ShouldBe(Span(23, 11, 23, 14));
        var stackName = At(join, 1, 0);
        ((ObjectNode)stackName).Properties[0].Key.ShouldBe("Ref");
        stackName.Span.ShouldBe(Span(24, 13, 24, 32));
        join.Span.ShouldBe(Span(23, 9, 25, 17));
        At(root, "Resources", "Role", "Properties", "Name").Span.ShouldBe(Span(22, 13, 25, 17));
    }

    [Fact]
    public void Flow_mappings_and_sequences_end_after_their_bracket()
    {
        var root = Root("t.yaml", Template);
        var principal = At(root, "Resources", "Policy", "Properties", "PolicyDocument", "Statement", 0, "Principal");
        principal.Span.ShouldBe(Span(12, 24, 12, 87));
        var sub = At(principal, "AWS", "Fn::Sub");
        ((ScalarNode)sub).Style.ShouldBe(ScalarStyle.DoubleQuoted);
        sub.Span.ShouldBe(Span(12, 35, 12, 86));
        At(root, "Resources", "Policy", "Properties", "Topics").Span.ShouldBe(Span(7, 15, 7, 27));
    }

    [Fact]
    public void Block_mappings_end_at_their_last_value()
    {
        var root = Root("t.yaml", Template);
        At(root, "Resources", "Policy", "Properties", "PolicyDocument", "Statement", 0).Span.ShouldBe(Span(10, 13, 17, 48));
        At(root, "Resources", "Topic").Span.ShouldBe(Span(3, 5, 3, 26));
    }

    [Fact]
    public void Multi_line_scalars_have_exact_spans()
    {
        var root = Root("m.yaml", "a: |\n  line one\n  line two\n\nb: >-\n  folded\n  text\nc: plain\n  continued\nd: \"quoted\n  across\"\n");
        var literal = (ScalarNode)At(root, "a");
        literal.Style.ShouldBe(ScalarStyle.Literal);
        literal.Value.ShouldBe("line one\nline two\n");
        literal.Span.ShouldBe(Span(1, 4, 3, 11));
        At(root, "b").Span.ShouldBe(Span(5, 4, 7, 7));
        Text(At(root, "b")).ShouldBe("folded text");
        Text(At(root, "c")).ShouldBe("plain continued");
        At(root, "c").Span.ShouldBe(Span(8, 4, 9, 12));
        At(root, "d").Span.ShouldBe(Span(10, 4, 11, 10));
    }

    [Theory]
    [InlineData("a: 012345678901", ScalarKind.Number, "012345678901")]
    [InlineData("a: 2012-10-17", ScalarKind.String, "2012-10-17")]
    [InlineData("a: '5'", ScalarKind.String, "5")]
    [InlineData("a: 1.50", ScalarKind.Number, "1.50")]
    [InlineData("a: true", ScalarKind.Boolean, "true")]
    [InlineData("a: yes", ScalarKind.String, "yes")]
    [InlineData("a: ~", ScalarKind.Null, "null")]
    [InlineData("a:", ScalarKind.Null, "null")]
    [InlineData("a: !!str 12", ScalarKind.String, "12")]
    [InlineData("a: 0x1F", ScalarKind.Number, "0x1F")]
    public void Plain_scalars_resolve_by_the_core_schema_keeping_raw_text(string text, ScalarKind kind, string value)
    {
        var scalar = (ScalarNode)At(Root("s.yaml", text), "a");
        scalar.Kind.ShouldBe(kind);
        scalar.Value.ShouldBe(value);
    }

    [Fact]
    public void Every_short_form_tag_maps_to_its_long_form()
    {
        string[] tags = ["Ref", "Condition", "GetAtt", "Sub", "If", "Join", "Select", "Split", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr", "Equals", "And", "Or", "Not", "Transform"];
        var text = string.Join("\n", tags.Select(t => $"{t}: !{t} [x]"));
        var root = (ObjectNode)Root("all.yaml", text);
        foreach (var tag in tags)
        {
            var key = ((ObjectNode)root[tag]!).Properties.ShouldHaveSingleItem().Key;
            key.ShouldBe(tag is "Ref" or "Condition" ? tag : "Fn::" + tag);
        }
    }

    [Fact]
    public void Anchors_and_aliases_share_nodes_and_merge_keys_apply()
    {
        var root = Root("a.yaml", "base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n");
        At(root, "use").ShouldBeSameAs(At(root, "base"));
        Text(At(root, "merged", "x")).ShouldBe("1");
        Text(At(root, "merged", "y")).ShouldBe("3");
        At(root, "base").Span.ShouldBe(Span(1, 10, 1, 22));
        At(root, "merged").Span.ShouldBe(Span(4, 3, 5, 7));
    }

    [Fact]
    public void Multi_document_streams_give_one_root_each()
    {
        var loaded = LoadText("multi.yaml", "a: 1\n---\nb: 2\n---\n- c\n");
        loaded.Diagnostics.ShouldBeEmpty();
        loaded.Documents.Length.ShouldBe(3);
        At(loaded.Documents[1], "b").Span.ShouldBe(Span(3, 4, 3, 5));
        loaded.Documents[2].ShouldBeOfType<ArrayNode>();
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_last_value_wins()
    {
        var loaded = LoadText("d.yaml", "Effect: Allow\nAction: x\nEffect: Deny\n");
        Text(At(loaded.Documents[0], "Effect")).ShouldBe("Deny");
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.DuplicateKey);
        d.Span.ShouldBe(Span(3, 1, 3, 7));
    }

    [Fact]
    public void Tab_indentation_is_a_located_syntax_error()
    {
        var loaded = LoadText("tab.yaml", "a:\n\tb: 1\n");
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.SyntaxError);
        d.Span.ShouldBe(Span(2, 1, 2, 2));
        d.Message.ShouldContain("tab");
    }

    [Fact]
    public void Crlf_and_bom_give_the_same_spans_as_lf()
    {
        var lf = Root("x.yaml", "a:\n  b: !Ref c\n");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("a:\r\n  b: !Ref c\r\n"u8.ToArray()).ToArray();
        var crlf = new DocumentLoader(LoadLimits.Default).Load(new SourceFile("x.yaml", "/v/x.yaml"), bytes).Documents[0];
        At(crlf, "a", "b").Span.ShouldBe(At(lf, "a", "b").Span);
        At(crlf, "a", "b", "Ref").Span.ShouldBe(Span(2, 11, 2, 12));
    }

    [Fact]
    public void Syntax_errors_are_located()
    {
        var loaded = LoadText("bad.yaml", "a: [1, 2\nb: 3\n");
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiagnosticKind.SyntaxError);
        d.Message.ShouldStartWith("invalid YAML");
        (d.Span.StartLine, d.Span.StartColumn).ShouldBe((1, 6));
    }

    [Fact]
    public void Undefined_alias_is_a_located_error()
    {
        var loaded = LoadText("al.yaml", "a: 1\nb: *nope\n");
        loaded.Documents.ShouldBeEmpty();
        var d = loaded.Diagnostics.ShouldHaveSingleItem();
        d.Span.StartLine.ShouldBe(2);
    }

    [Fact]
    public void Flow_yaml_in_a_yaml_file_is_not_broken_json()
    {
        var loaded = LoadText("flow.yaml", "{a: 1, b: [x]}");
        loaded.Diagnostics.ShouldBeEmpty();
        loaded.Format.ShouldBe(DocumentFormat.Yaml);
        Text(At(loaded.Documents[0], "b", 0)).ShouldBe("x");
    }
}
