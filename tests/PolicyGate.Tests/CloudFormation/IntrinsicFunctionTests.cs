using System.Collections.Immutable;
using PolicyGate.CloudFormation;
using PolicyGate.Config;
using PolicyGate.Documents;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>Every intrinsic function, resolved offline: known values, unknowns that stay unknown, and bad shapes.</summary>
public class IntrinsicFunctionTests
{
    private const string Parameters = """
        Parameters:
          Env:
            Type: String
            Default: prod
          Bucket:
            Type: String
          Tier:
            Type: String
            AllowedValues: [gold, silver]
          Subnets:
            Type: CommaDelimitedList
            Default: "subnet-1,subnet-2,subnet-3"
          Ami:
            Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
            Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
        """;

    private static CloudFormationSettings With(params (string Key, string Value)[] parameters) =>
        CloudFormationSettings.Default with
        {
            CommandLineParameters = parameters.ToImmutableSortedDictionary(p => p.Key, p => ParameterValue.Of(p.Value), StringComparer.Ordinal),
        };

    [Fact]
    public void Ref_to_a_parameter_uses_its_default_and_the_span_of_the_ref()
    {
        var (value, _) = Resolve("!Ref Env", Parameters);
        var scalar = value.ShouldBeOfType<ScalarNode>();
        scalar.Value.ShouldBe("prod");
        scalar.Style.ShouldBe(ScalarStyle.Synthesized);
        scalar.Span.StartColumn.ShouldBe(14);
        scalar.Span.EndColumn.ShouldBe(22);
    }

    [Fact]
    public void A_given_parameter_wins_over_the_default()
    {
        var (value, _) = Resolve("!Ref Env", Parameters, With(("Env", "staging")));
        Text(value).ShouldBe("staging");
    }

    [Fact]
    public void A_parameter_without_default_or_value_is_unknown_with_a_reason_naming_it()
    {
        var (value, _) = Resolve("!Ref Bucket", Parameters);
        var scalar = value.ShouldBeOfType<ScalarNode>();
        scalar.Kind.ShouldBe(ScalarKind.Unknown);
        scalar.Unknowns.ShouldHaveSingleItem().Reason.ShouldContain("parameter Bucket has no Default");
    }

    [Fact]
    public void An_unknown_parameter_with_allowed_values_is_a_choice_among_them()
    {
        var (value, _) = Resolve("!Ref Tier", Parameters);
        var choice = value.ShouldBeOfType<ChoiceNode>();
        choice.Alternatives.Select(Text).ShouldBe(["gold", "silver"]);
    }

    [Fact]
    public void A_list_parameter_is_a_list_split_at_commas()
    {
        var (value, _) = Resolve("!Ref Subnets", Parameters);
        value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["subnet-1", "subnet-2", "subnet-3"]);
    }

    [Fact]
    public void An_ssm_parameter_is_unknown_even_with_a_default_unless_given()
    {
        var (value, _) = Resolve("!Ref Ami", Parameters);
        value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        var (given, _) = Resolve("!Ref Ami", Parameters, With(("Ami", "ami-0abc")));
        Text(given).ShouldBe("ami-0abc");
    }

    [Theory]
    [InlineData("AWS::AccountId", "123456789012")]
    [InlineData("AWS::Region", "us-east-1")]
    [InlineData("AWS::Partition", "aws")]
    [InlineData("AWS::URLSuffix", "amazonaws.com")]
    [InlineData("AWS::StackName", "template")]
    [InlineData("AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/template/00000000-0000-0000-0000-000000000000")]
    public void Pseudo_parameters_have_realistic_defaults(string name, string expected)
    {
        var (value, _) = Resolve($"!Ref {name}");
        Text(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("cn-north-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "aws-us-gov", "amazonaws.com")]
    [InlineData("us-iso-east-1", "aws-iso", "c2s.ic.gov")]
    [InlineData("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov")]
    [InlineData("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk")]
    [InlineData("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1", "aws-eusc", "amazonaws.eu")]
    [InlineData("eu-west-1", "aws", "amazonaws.com")]
    public void The_partition_and_url_suffix_follow_the_configured_region(string region, string partition, string suffix)
    {
        var settings = CloudFormationSettings.Default with { PseudoParameters = new PseudoParameterSettings().With("Region", ParameterValue.Of(region))! };
        Text(Resolve("!Ref AWS::Partition", settings: settings).Value).ShouldBe(partition);
        Text(Resolve("!Ref AWS::URLSuffix", settings: settings).Value).ShouldBe(suffix);
        Text(Resolve("!Sub 'arn:${AWS::Partition}:s3:::b'", settings: settings).Value).ShouldBe($"arn:{partition}:s3:::b");
    }

    [Fact]
    public void Notification_arns_are_unknown_unless_configured()
    {
        Resolve("!Ref AWS::NotificationARNs").Value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        var settings = CloudFormationSettings.Default with { PseudoParameters = new PseudoParameterSettings().With("NotificationARNs", ParameterValue.ListOf(["arn:aws:sns:us-east-1:123456789012:t"]))! };
        Resolve("!Ref AWS::NotificationARNs", settings: settings).Value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["arn:aws:sns:us-east-1:123456789012:t"]);
    }

    [Fact]
    public void A_misspelt_pseudo_parameter_is_reported_with_a_suggestion()
    {
        var (value, extraction) = Resolve("!Ref AWS::AccountID");
        value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        var d = Diagnostics(extraction, TemplateDiagnosticKind.UnknownPseudoParameter).ShouldHaveSingleItem();
        d.Message.ShouldContain("did you mean AWS::AccountId?");
        d.Span.StartLine.ShouldBe(6);
    }

    [Fact]
    public void A_ref_to_nothing_is_reported_at_the_ref_with_a_suggestion()
    {
        var (value, extraction) = Resolve("!Ref Evn", Parameters);
        value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        var d = Diagnostics(extraction, TemplateDiagnosticKind.UnresolvableReference).ShouldHaveSingleItem();
        d.Message.ShouldContain("Ref Evn");
        d.Message.ShouldContain("did you mean Env?");
        d.Span.ShouldBe(new SourceSpan(d.Span.StartLine, 14, d.Span.StartLine, 22));
    }

    [Fact]
    public void GetAtt_in_both_forms_gives_realistic_arns()
    {
        const string resources = "  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deployer\n      Path: /ci/\n";
        var template = $"Resources:\n{resources}  Probe:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: [!GetAtt Topic.TopicArn, !GetAtt [Role, Arn], {{'Fn::GetAtt': Role.RoleId}}]\n";
        var extraction = Extract(template);
        var value = ResolveProbe(extraction).ShouldBeOfType<ArrayNode>();
        Text(value.Items[0]).ShouldBe("arn:aws:sns:us-east-1:123456789012:alerts");
        Text(value.Items[1]).ShouldBe("arn:aws:iam::123456789012:role/ci/deployer");
        value.Items[2].ShouldBeOfType<ScalarNode>().HasUnknowns.ShouldBeTrue();
    }

    [Fact]
    public void A_generated_name_keeps_its_random_suffix_unknown()
    {
        var extraction = Extract("Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  Probe:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: !GetAtt Data.Arn\n", "MyStack.yaml");
        var arn = ResolveProbe(extraction).ShouldBeOfType<ScalarNode>();
        arn.Kind.ShouldBe(ScalarKind.String);
        arn.Value.ShouldStartWith("arn:aws:s3:::mystack-data-");
        var unknown = arn.Unknowns.ShouldHaveSingleItem();
        unknown.Start.ShouldBe("arn:aws:s3:::mystack-data-".Length);
        unknown.Reason.ShouldContain("random suffix");
    }

    [Fact]
    public void Nested_attribute_names_such_as_a_database_secret_resolve_to_their_arn_shape()
    {
        var extraction = Extract("Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql, ManageMasterUserPassword: true}\n  Probe:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: !GetAtt Db.MasterUserSecret.SecretArn\n");
        var arn = ResolveProbe(extraction).ShouldBeOfType<ScalarNode>();
        arn.Value.ShouldStartWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-");
        arn.Unknowns.ShouldHaveSingleItem();
        extraction.Template.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void GetAtt_of_a_missing_resource_and_of_a_custom_resource()
    {
        var extraction = Extract("Resources:\n  Custom:\n    Type: Custom::Thing\n  Probe:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: [!GetAtt Custom.Whatever, !GetAtt Nope.Arn]\n");
        var items = ResolveProbe(extraction).ShouldBeOfType<ArrayNode>().Items;
        items[0].ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        items[1].ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        Diagnostics(extraction, TemplateDiagnosticKind.UnresolvableReference).ShouldHaveSingleItem().Message.ShouldContain("Fn::GetAtt Nope");
    }

    [Fact]
    public void Sub_string_form_with_pseudo_parameters_parameters_and_literal_escape()
    {
        var (value, extraction) = Resolve("!Sub 'arn:${AWS::Partition}:s3:::${Env}-data/${!aws:username}/*'", Parameters);
        Text(value).ShouldBe("arn:aws:s3:::prod-data/${aws:username}/*");
        extraction.Resolver!.Diagnostics.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Sub_list_form_with_a_variable_map_and_nested_intrinsics()
    {
        var (value, _) = Resolve("!Sub ['${Prefix}-${AWS::Region}', {Prefix: !Join ['-', [a, !Ref Env]]}]", Parameters);
        Text(value).ShouldBe("a-prod-us-east-1");
    }

    [Fact]
    public void Sub_keeps_unknown_parts_as_segments_at_their_offsets()
    {
        var (value, _) = Resolve("!Sub 'arn:aws:s3:::${Bucket}/logs/*'", Parameters);
        var scalar = value.ShouldBeOfType<ScalarNode>();
        scalar.Kind.ShouldBe(ScalarKind.String);
        scalar.Value.ShouldStartWith("arn:aws:s3:::{?");
        scalar.Value.ShouldEndWith("}/logs/*");
        var segment = scalar.Unknowns.ShouldHaveSingleItem();
        segment.Start.ShouldBe("arn:aws:s3:::".Length);
        scalar.Value.Substring(segment.Start, segment.Length).ShouldBe("{?Ref Bucket}");
    }

    [Fact]
    public void Sub_of_an_iam_variable_without_escape_is_reported_with_the_fix()
    {
        var (_, extraction) = Resolve("!Sub 'arn:aws:s3:::b/${aws:username}/*'");
        Diagnostics(extraction, TemplateDiagnosticKind.UnresolvableReference).ShouldHaveSingleItem().Message.ShouldContain("write ${!aws:username}");
    }

    [Fact]
    public void Join_keeps_unknowns_through_and_drops_no_value_items()
    {
        var (value, _) = Resolve("!Join [':', [a, !Ref Bucket, !Ref AWS::NoValue, b]]", Parameters);
        var scalar = value.ShouldBeOfType<ScalarNode>();
        scalar.Value.ShouldBe("a:{?Ref Bucket}:b");
        scalar.Unknowns.ShouldHaveSingleItem().Start.ShouldBe(2);
    }

    [Fact]
    public void Join_of_a_list_with_an_undecided_item_gives_both_results()
    {
        var (value, _) = Resolve("!Join [',', [a, !If [HasTier, b, !Ref AWS::NoValue]]]", Parameters + "\nConditions:\n  HasTier: !Equals [!Ref Bucket, x]\n");
        value.ShouldBeOfType<ChoiceNode>().Alternatives.Select(Text).ShouldBe(["a,b", "a"]);
    }

    [Fact]
    public void Select_with_string_index_out_of_range_and_unknown_index()
    {
        Text(Resolve("!Select ['1', [a, b, c]]").Value).ShouldBe("b");
        var (outOfRange, extraction) = Resolve("!Select [5, [a, b]]");
        outOfRange.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        Diagnostics(extraction, TemplateDiagnosticKind.InvalidIntrinsic).ShouldHaveSingleItem().Message.ShouldContain("out of range");
        Resolve("!Select [!Ref Bucket, [a, b]]", Parameters).Value.ShouldBeOfType<ChoiceNode>().Alternatives.Select(Text).ShouldBe(["a", "b"]);
        Text(Resolve("!Select [1, !Ref Subnets]", Parameters).Value).ShouldBe("subnet-2");
    }

    [Fact]
    public void Split_of_a_known_and_of_a_partly_unknown_string()
    {
        Resolve("!Split [',', 'a,b,c']").Value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["a", "b", "c"]);
        Text(Resolve("!Select [2, !Split [':', !Sub 'arn:${AWS::Partition}:s3']]").Value).ShouldBe("s3");
        Resolve("!Split [',', !Ref Bucket]", Parameters).Value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
    }

    private const string Mappings = """
        Mappings:
          Regions:
            us-east-1: {Bucket: east-bucket}
            eu-west-1: {Bucket: west-bucket}
        """;

    [Fact]
    public void FindInMap_with_a_known_key_an_unknown_key_and_a_missing_key()
    {
        Text(Resolve("!FindInMap [Regions, !Ref AWS::Region, Bucket]", Mappings).Value).ShouldBe("east-bucket");
        Resolve("!FindInMap [Regions, !Ref Bucket, Bucket]", Mappings + "\n" + Parameters).Value
            .ShouldBeOfType<ChoiceNode>().Alternatives.Select(Text).ShouldBe(["east-bucket", "west-bucket"]);
        var (missing, extraction) = Resolve("!FindInMap [Regions, ap-south-1, Bucket]", Mappings);
        missing.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        Diagnostics(extraction, TemplateDiagnosticKind.UnresolvableReference).ShouldHaveSingleItem().Message.ShouldContain("ap-south-1");
    }

    [Fact]
    public void FindInMap_default_value_needs_language_extensions()
    {
        var (value, extraction) = Resolve("!FindInMap [Regions, ap-south-1, Bucket, {DefaultValue: other}]", "Transform: AWS::LanguageExtensions\n" + Mappings);
        Text(value).ShouldBe("other");
        extraction.Resolver!.Diagnostics.Items.ShouldBeEmpty();
        var (_, without) = Resolve("!FindInMap [Regions, ap-south-1, Bucket, {DefaultValue: other}]", Mappings);
        Diagnostics(without, TemplateDiagnosticKind.InvalidIntrinsic).ShouldHaveSingleItem().Message.ShouldContain("AWS::LanguageExtensions");
    }

    private const string Conditions = """
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsGold: !Equals [!Ref Tier, gold]
          HasBucket: !Not [!Equals [!Ref Bucket, '']]
          ProdAndGold: !And [!Condition IsProd, !Condition IsGold]
          ProdOrGold: !Or [!Condition IsProd, !Condition IsGold]
          NotProd: !Not [!Condition IsProd]
        """;

    [Theory]
    [InlineData("IsProd", "yes")]
    [InlineData("NotProd", "no")]
    [InlineData("ProdOrGold", "yes")]
    public void If_with_a_decided_condition_takes_one_branch(string condition, string expected)
    {
        Text(Resolve($"!If [{condition}, yes, no]", Parameters + "\n" + Conditions).Value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("IsGold")]
    [InlineData("HasBucket")]
    [InlineData("ProdAndGold")]
    public void If_with_an_undecided_condition_keeps_both_branches(string condition)
    {
        var choice = Resolve($"!If [{condition}, yes, !Ref AWS::NoValue]", Parameters + "\n" + Conditions).Value.ShouldBeOfType<ChoiceNode>();
        Text(choice.Alternatives[0]).ShouldBe("yes");
        choice.Alternatives[1].ShouldBeOfType<AbsentNode>();
        choice.Reason.ShouldContain(condition);
    }

    [Fact]
    public void If_naming_a_missing_condition_is_reported()
    {
        var (value, extraction) = Resolve("!If [Nope, a, b]", Conditions + "\n" + Parameters);
        value.ShouldBeOfType<ChoiceNode>();
        Diagnostics(extraction, TemplateDiagnosticKind.UnresolvableReference).ShouldHaveSingleItem().Message.ShouldContain("condition Nope");
    }

    [Fact]
    public void ImportValue_from_configuration_else_unknown()
    {
        var settings = CloudFormationSettings.Default with
        {
            ImportValues = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ParameterValue>("shared-BucketArn", ParameterValue.Of("arn:aws:s3:::shared"))]),
        };
        Text(Resolve("!ImportValue shared-BucketArn", settings: settings).Value).ShouldBe("arn:aws:s3:::shared");
        Text(Resolve("!ImportValue {'Fn::Sub': '${AWS::StackName}-BucketArn'}", settings: settings with { PseudoParameters = new PseudoParameterSettings { StackName = "shared" } }).Value).ShouldBe("arn:aws:s3:::shared");
        var unknown = Resolve("!ImportValue other-export", settings: settings).Value.ShouldBeOfType<ScalarNode>();
        unknown.Kind.ShouldBe(ScalarKind.Unknown);
        unknown.Unknowns[0].Reason.ShouldContain("import-values");
    }

    [Fact]
    public void GetAZs_is_unknown_and_base64_encodes_known_text()
    {
        Resolve("!Select [0, !GetAZs '']").Value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        Text(Resolve("!Base64 {'Fn::Sub': 'hello ${AWS::Region}'}").Value).ShouldBe(Convert.ToBase64String("hello us-east-1"u8.ToArray()));
        Resolve("!Base64 {'Fn::Sub': '${Bucket}'}", Parameters).Value.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
    }

    [Fact]
    public void Cidr_computes_ipv4_and_ipv6_subnets_and_rejects_impossible_ones()
    {
        Resolve("!Cidr ['10.0.0.0/16', 3, 8]").Value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]);
        Resolve("!Cidr ['192.168.1.77/24', '2', '6']").Value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["192.168.1.0/26", "192.168.1.64/26"]);
        Resolve("!Cidr ['2001:db8::/56', 2, 64]").Value.ShouldBeOfType<ArrayNode>().Items.Select(Text).ShouldBe(["2001:db8::/64", "2001:db8:0:1::/64"]);
        var (_, extraction) = Resolve("!Cidr ['10.0.0.0/24', 5, 7]");
        Diagnostics(extraction, TemplateDiagnosticKind.InvalidIntrinsic).ShouldHaveSingleItem().Message.ShouldContain("holds only 2 subnets");
    }

    [Fact]
    public void Length_and_ToJsonString_under_language_extensions()
    {
        const string transform = "Transform: AWS::LanguageExtensions\n";
        Text(Resolve("!Length [a, b, c]", transform).Value).ShouldBe("3");
        Text(Resolve("!Length {Ref: Subnets}", transform + Parameters).Value).ShouldBe("3");
        var json = Resolve("{'Fn::ToJsonString': {Bucket: !Ref Env, Tags: [1, true]}}", transform + Parameters).Value.ShouldBeOfType<ScalarNode>();
        json.Value.ShouldBe("""{"Bucket":"prod","Tags":[1,true]}""");
        var partly = Resolve("{'Fn::ToJsonString': {Bucket: !Ref Bucket}}", transform + Parameters).Value.ShouldBeOfType<ScalarNode>();
        partly.Value.ShouldBe("""{"Bucket":"{?Ref Bucket}"}""");
        partly.Unknowns.ShouldHaveSingleItem().Start.ShouldBe("""{"Bucket":" """.Length - 1);
    }

    [Fact]
    public void Dynamic_references_are_unknown_parts_of_the_string()
    {
        var value = Resolve("'arn:aws:s3:::{{resolve:ssm:/buckets/logs}}/*'").Value.ShouldBeOfType<ScalarNode>();
        value.Value.ShouldBe("arn:aws:s3:::{{resolve:ssm:/buckets/logs}}/*");
        var segment = value.Unknowns.ShouldHaveSingleItem();
        value.Value.Substring(segment.Start, segment.Length).ShouldBe("{{resolve:ssm:/buckets/logs}}");
        segment.Reason.ShouldContain("ssm");
    }

    [Fact]
    public void Transform_is_unknown_with_a_note_and_unknown_functions_are_invalid()
    {
        var (transform, extraction) = Resolve("{'Fn::Transform': {Name: MyMacro}}");
        transform.ShouldBeOfType<ScalarNode>().Kind.ShouldBe(ScalarKind.Unknown);
        Diagnostics(extraction, TemplateDiagnosticKind.UnsupportedFeature).ShouldHaveSingleItem();
        var (_, bad) = Resolve("{'Fn::Concat': [a, b]}");
        Diagnostics(bad, TemplateDiagnosticKind.InvalidIntrinsic).ShouldHaveSingleItem().Message.ShouldContain("Fn::Concat is not an intrinsic function");
        var (_, misplaced) = Resolve("!Equals [a, b]");
        Diagnostics(misplaced, TemplateDiagnosticKind.InvalidIntrinsic).ShouldHaveSingleItem().Message.ShouldContain("only allowed in the Conditions section");
    }

    [Fact]
    public void Nested_intrinsics_resolve_inside_out()
    {
        var value = Resolve(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Select [0, !Split ['-', !Sub '${Env}-x']], !If [IsProd, '-p', '-d'], '/', !FindInMap [Regions, !Ref AWS::Region, Bucket]]]",
            Parameters + "\n" + Conditions + "\n" + Mappings).Value;
        Text(value).ShouldBe("arn:aws:s3:::prod-p/east-bucket");
    }

    [Fact]
    public void Bad_shapes_are_reported_not_thrown()
    {
        foreach (var call in new[] { "!Join [a]", "!Select [0]", "!Split [',']", "!If [a, b]", "!FindInMap [a]", "!Sub [1, 2]", "!GetAtt ''", "{Ref: [a]}", "!Cidr [a]" })
        {
            var (value, extraction) = Resolve(call, Conditions + "\n" + Parameters);
            value.ShouldBeOfType<ScalarNode>($"{call} should resolve to an unknown").HasUnknowns.ShouldBeTrue();
            extraction.Resolver!.Diagnostics.Items.ShouldNotBeEmpty($"{call} should be reported");
        }
    }

    private static Node ResolveProbe(TemplateExtraction extraction)
    {
        var resource = extraction.Model!.ResourcesById["Probe"];
        return extraction.Resolver!.Resolve(((ObjectNode)resource.Properties!)["Value"]!);
    }
}
