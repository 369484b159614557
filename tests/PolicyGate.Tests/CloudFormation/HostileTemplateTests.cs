using System.Diagnostics;
using System.Text;
using PolicyGate.CloudFormation;
using PolicyGate.Documents;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>Cycles, runaway recursion, explosion of alternatives and huge templates end in located findings, in bounded time.</summary>
public class HostileTemplateTests
{
    private static TemplateExtraction Timed(string text, string path = "template.yaml")
    {
        var clock = Stopwatch.StartNew();
        var extraction = Extract(text, path);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "a hostile template must be handled in bounded time");
        return extraction;
    }

    [Fact]
    public void Resources_that_reference_each_other_are_one_located_cycle()
    {
        const string text = "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [{Key: peer, Value: !Ref B}]\n  B:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [{Key: peer, Value: !GetAtt A.TopicName}]\n";
        var d = Diagnostics(Timed(text), TemplateDiagnosticKind.CircularDependency).ShouldHaveSingleItem();
        d.Message.ShouldContain("A -> B -> A");
        d.Span.ShouldBe(new SourceSpan(5, 33, 5, 39), "the !Ref B inside A");
    }

    [Fact]
    public void A_resource_that_references_itself_is_a_cycle()
    {
        const string text = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: !GetAtt Role.Arn}, Action: 'sts:AssumeRole'}]}\n";
        var extraction = Timed(text);
        Diagnostics(extraction, TemplateDiagnosticKind.CircularDependency).ShouldHaveSingleItem().Message.ShouldContain("Role -> Role");
        extraction.Policies.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_name_that_depends_on_itself_is_reported_once_and_left_unknown()
    {
        const string text = "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${Data.Arn}-copy'\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: 's3:GetObject', Resource: !Sub '${Data.Arn}/*'}]}\n";
        var extraction = Timed(text);
        var cycles = Diagnostics(extraction, TemplateDiagnosticKind.CircularDependency);
        cycles.ShouldContain(d => d.Message.Contains("BucketName of Data depends on itself", StringComparison.Ordinal));
        var resource = At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Resource").ShouldBeOfType<ScalarNode>();
        resource.HasUnknowns.ShouldBeTrue();
    }

    [Fact]
    public void Conditions_that_refer_to_each_other_are_reported_and_both_branches_kept()
    {
        const string text = "Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: !If [A, 's3:*', 's3:Get*'], Resource: '*'}]}\n";
        var extraction = Timed(text);
        Diagnostics(extraction, TemplateDiagnosticKind.CircularDependency).ShouldHaveSingleItem().Span.StartLine.ShouldBe(2);
        At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Action").ShouldBeOfType<ChoiceNode>();
    }

    [Fact]
    public void A_chain_of_ten_thousand_conditions_stops_at_the_depth_bound()
    {
        // Declared last-first, so evaluating the first one recurses down the whole chain.
        var text = new StringBuilder("Parameters:\n  Mode: {Type: String}\nConditions:\n");
        for (var i = 9_999; i > 0; i--)
        {
            text.Append($"  C{i}: !Not [!Condition C{i - 1}]\n");
        }

        text.Append("  C0: !Equals [!Ref Mode, x]\n");
        text.Append("Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: !If [C9999, 'a:b', 'c:d'], Resource: '*'}]}\n");
        var extraction = Timed(text.ToString());
        Diagnostics(extraction, TemplateDiagnosticKind.ResolutionLimit).ShouldNotBeEmpty();
        At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Action").ShouldBeOfType<ChoiceNode>();
    }

    [Fact]
    public void Deeply_nested_intrinsics_stop_at_the_depth_bound_with_a_located_finding()
    {
        var value = "x";
        for (var i = 0; i < 150; i++)
        {
            value = $"{{\"Fn::Join\": [\"\", [{value}]]}}";
        }

        value = value.Replace("[x]", "[\"x\"]", StringComparison.Ordinal);
        var text = $"{{\"Resources\": {{\"P\": {{\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {{\"PolicyDocument\": {{\"Statement\": [{{\"Effect\": \"Allow\", \"Action\": {value}, \"Resource\": \"*\"}}]}}}}}}}}}}";
        var extraction = Timed(text, "deep.json");
        var d = Diagnostics(extraction, TemplateDiagnosticKind.ResolutionLimit).ShouldHaveSingleItem();
        d.Span.StartLine.ShouldBe(1);
        d.Span.StartColumn.ShouldBeGreaterThan(100);
        At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Action").ShouldBeOfType<ScalarNode>().HasUnknowns.ShouldBeTrue();
    }

    [Fact]
    public void Too_many_undecided_alternatives_become_unknown_with_a_finding()
    {
        var conditions = new StringBuilder("Parameters:\n  Mode: {Type: String}\nConditions:\n");
        var parts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            conditions.Append($"  C{i}: !Equals [!Ref Mode, m{i}]\n");
            parts.Add($"!If [C{i}, a, b]");
        }

        var text = conditions + $"Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {{Statement: [{{Effect: Allow, Action: !Join ['', [{string.Join(", ", parts)}]], Resource: '*'}}]}}\n";
        var extraction = Timed(text);
        Diagnostics(extraction, TemplateDiagnosticKind.ResolutionLimit).ShouldHaveSingleItem().Message.ShouldContain("more than 32 alternatives");
        var action = At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Action").ShouldBeOfType<ScalarNode>();
        action.HasUnknowns.ShouldBeTrue();
    }

    [Fact]
    public void A_string_that_grows_past_the_size_bound_becomes_unknown()
    {
        var big = new string('a', 300_000);
        var text = $"Parameters:\n  Big: {{Type: String, Default: {big}}}\nResources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: !Join ['', [!Ref Big, !Ref Big, !Ref Big, !Ref Big, !Ref Big]]\n";
        var extraction = Timed(text);
        Diagnostics(extraction, TemplateDiagnosticKind.ResolutionLimit).ShouldHaveSingleItem().Message.ShouldContain("longer than");
    }

    [Fact]
    public void Ten_thousand_resources_with_policies_are_extracted_in_bounded_time()
    {
        var text = new StringBuilder("Resources:\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append($"  Role{i}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {{Statement: [{{Effect: Allow, Principal: {{Service: lambda.amazonaws.com}}, Action: 'sts:AssumeRole'}}]}}\n      Policies: [{{PolicyName: p, PolicyDocument: {{Statement: [{{Effect: Allow, Action: 's3:GetObject', Resource: !Sub 'arn:${{AWS::Partition}}:s3:::b{i}/*'}}]}}}}]\n");
        }

        var extraction = Timed(text.ToString());
        extraction.Policies.Length.ShouldBe(20_000);
        Text(At(extraction.Policies[^1].Subject.Document, "Statement", 0, "Resource")).ShouldBe("arn:aws:s3:::b9999/*");
        extraction.Template.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_ten_thousand_long_chain_of_names_and_a_ring_of_references_stay_bounded()
    {
        // The policy comes first and names the end of the chain, so resolving it walks the chain from its far end.
        var text = new StringBuilder("Resources:\n  Policy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref T9999]\n      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: 'sns:Publish', Resource: !Ref T9999}]}\n");
        text.Append("  T0:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: first\n");
        for (var i = 1; i < 10_000; i++)
        {
            text.Append($"  T{i}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${{T{i - 1}.TopicName}}x'\n");
        }

        text.Append("  Ring0:\n    Type: AWS::SNS::Topic\n    DependsOn: Ring9999\n");
        for (var i = 1; i < 10_000; i++)
        {
            text.Append($"  Ring{i}:\n    Type: AWS::SNS::Topic\n    DependsOn: Ring{i - 1}\n");
        }

        var extraction = Timed(text.ToString());
        Diagnostics(extraction, TemplateDiagnosticKind.ResolutionLimit).ShouldNotBeEmpty();
        At(extraction.Policies.ShouldHaveSingleItem().Subject.Document, "Statement", 0, "Resource").ShouldBeOfType<ScalarNode>().HasUnknowns.ShouldBeTrue();
        var cycle = Diagnostics(extraction, TemplateDiagnosticKind.CircularDependency).ShouldHaveSingleItem();
        cycle.Message.ShouldStartWith("circular dependency between resources: Ring0 -> Ring9999 -> Ring9998");
    }

    [Fact]
    public void Malformed_sections_and_resources_are_reported_not_thrown()
    {
        const string text = "Parameters: [a]\nConditions: 3\nResources:\n  bad-id:\n    Type: AWS::SNS::Topic\n  NoType:\n    Properties: {}\n  Str: hello\n  BadProps:\n    Type: AWS::IAM::Role\n    Properties: [1]\n    Colour: blue\n";
        var extraction = Timed(text);
        var messages = extraction.Template.Diagnostics.Where(d => d.Kind == TemplateDiagnosticKind.InvalidStructure).Select(d => d.Message).ToList();
        messages.ShouldContain(m => m.Contains("Parameters section must be a mapping", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("Conditions section must be a mapping", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("\"bad-id\" must be alphanumeric", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("NoType has no Type", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("resource Str must be a mapping", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("Properties of BadProps must be a mapping", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("unknown attribute \"Colour\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_without_resources_and_an_unknown_macro_are_reported()
    {
        var extraction = Timed("AWSTemplateFormatVersion: '2010-09-09'\nTransform: [MyMacro, AWS::Serverless-2016-10-31]\n");
        extraction.Template.Diagnostics.Select(d => d.Kind).ShouldBe([TemplateDiagnosticKind.UnsupportedFeature, TemplateDiagnosticKind.InvalidStructure], ignoreOrder: true);
    }
}
