using PolicyGate.CloudFormation;
using PolicyGate.Documents;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>Fn::ForEach loops of AWS::LanguageExtensions in Resources, expanded before extraction.</summary>
public class ForEachExpansionTests
{
    [Fact]
    public void A_loop_over_a_list_parameter_generates_one_resource_and_policy_per_item()
    {
        const string text = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Topics: {Type: CommaDelimitedList, Default: "orders,billing-events"}
            Resources:
              Fn::ForEach::TopicPolicies:
                - Name
                - !Ref Topics
                - Topic&{Name}:
                    Type: AWS::SNS::Topic
                    Properties: {TopicName: !Sub '${Name}-topic'}
                  Policy&{Name}:
                    Type: AWS::SNS::TopicPolicy
                    Properties:
                      Topics: [{Ref: !Sub 'Topic&{Name}'}]
                      PolicyDocument:
                        Statement:
                          - Sid: !Sub 'Publish-${Name}'
                            Effect: Allow
                            Principal: {Service: events.amazonaws.com}
                            Action: sns:Publish
                            Resource: !Ref
                              Fn::Sub: 'Topic&{Name}'
            """;
        var extraction = Extract(text);
        extraction.Model!.Resources.Select(r => r.LogicalId).ShouldBe(["Topicorders", "Policyorders", "Topicbillingevents", "Policybillingevents"]);
        extraction.Policies.Select(p => p.Subject.Owner.LogicalId).ShouldBe(["Policyorders", "Policybillingevents"]);
        var statement = At(extraction.Policies[1].Subject.Document, "Statement", 0);
        Text(At(statement, "Sid")).ShouldBe("Publish-billing-events");
        Text(At(statement, "Resource")).ShouldBe("arn:aws:sns:us-east-1:123456789012:billing-events-topic");
        At(statement, "Action").Span.StartLine.ShouldBe(20, "generated statements point into the loop body");
        extraction.Template.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Nested_loops_and_ref_to_the_identifier()
    {
        const string text = """
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Envs:
                - Env
                - [dev, prod]
                - Fn::ForEach::Apps:
                    - App
                    - [api, web]
                    - ${App}${Env}Policy:
                        Type: AWS::IAM::ManagedPolicy
                        Properties:
                          PolicyDocument:
                            Statement: [{Effect: Allow, Action: 's3:GetObject', Resource: !Sub 'arn:aws:s3:::${App}-${Env}/*', Condition: {StringEquals: {aws:ResourceTag/env: !Ref Env}}}]
            """;
        var extraction = Extract(text);
        extraction.Policies.Select(p => p.Subject.Owner.LogicalId).ShouldBe(["apidevPolicy", "webdevPolicy", "apiprodPolicy", "webprodPolicy"]);
        Text(At(extraction.Policies[3].Subject.Document, "Statement", 0, "Resource")).ShouldBe("arn:aws:s3:::web-prod/*");
        Text(At(extraction.Policies[3].Subject.Document, "Statement", 0, "Condition", "StringEquals", "aws:ResourceTag/env")).ShouldBe("prod");
    }

    [Fact]
    public void A_loop_over_an_unknown_collection_is_reported_and_not_expanded()
    {
        const string text = "Transform: AWS::LanguageExtensions\nParameters:\n  Names: {Type: CommaDelimitedList}\nResources:\n  Fn::ForEach::Loop:\n    - N\n    - !Ref Names\n    - Topic${N}: {Type: AWS::SNS::Topic}\n";
        var extraction = Extract(text);
        extraction.Model!.Resources.ShouldBeEmpty();
        var notes = extraction.Template.Diagnostics.Where(d => d.Kind == TemplateDiagnosticKind.UnsupportedFeature).ToList();
        notes.ShouldNotBeEmpty();
        notes[0].Span.StartLine.ShouldBe(5);
    }

    [Fact]
    public void A_loop_that_would_generate_too_much_stops_at_the_bound()
    {
        var items = string.Join(", ", Enumerable.Range(0, 200).Select(i => $"a{i}"));
        var text = $"Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Outer:\n    - X\n    - [{items}]\n    - Fn::ForEach::Inner:\n        - Y\n        - [{items}]\n        - T${{X}}${{Y}}: {{Type: AWS::SNS::Topic}}\n";
        var extraction = Extract(text);
        extraction.Model!.Resources.Count.ShouldBeLessThanOrEqualTo(ForEachExpansion.MaxGeneratedEntries);
        extraction.Template.Diagnostics.ShouldContain(d => d.Kind == TemplateDiagnosticKind.ResolutionLimit);
    }

    [Fact]
    public void A_malformed_loop_is_reported()
    {
        var extraction = Extract("Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Bad: [X, [a]]\n");
        extraction.Template.Diagnostics.ShouldContain(d => d.Kind == TemplateDiagnosticKind.InvalidIntrinsic && d.Message.Contains("takes [Identifier", StringComparison.Ordinal));
    }
}
