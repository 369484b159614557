using PolicyGate.CloudFormation;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>The example templates under examples/policies: the seed template in both forms, CDK output and SAM.</summary>
public class ExampleTemplateTests
{
    private const string Json = "examples/policies/cloudformation/iam-monitoring.json";
    private const string Yaml = "examples/policies/cloudformation/iam-monitoring.yaml";

    [Theory]
    [InlineData(Json)]
    [InlineData(Yaml)]
    public void The_monitoring_template_has_one_topic_policy_with_two_resolved_statements(string path)
    {
        var extraction = ExtractFile(path);
        extraction.Template.Diagnostics.ShouldBeEmpty();
        var policy = extraction.Policies.ShouldHaveSingleItem();
        policy.Subject.Owner.ShouldBe(new PolicyOwner(path, "SNSMonitoringTopicTopicPolicy", "Properties.PolicyDocument"));
        policy.Subject.Kind.ShouldBe(PolicyKind.Resource);
        policy.Subject.ResourceType.ShouldBe("AWS::SNS::Topic");
        var statements = At(policy.Subject.Document, "Statement").ShouldBeOfType<ArrayNode>().Items;
        statements.Length.ShouldBe(2);
        foreach (var statement in statements)
        {
            var resource = At(statement, "Resource").ShouldBeOfType<ScalarNode>();
            resource.Value.ShouldBe("arn:aws:sns:us-east-1:123456789012:iam-monitoring-iam-monitoring-topic");
            resource.HasUnknowns.ShouldBeFalse();
        }

        Text(At(statements[1], "Condition", "StringEquals", "AWS:SourceOwner")).ShouldBe("123456789012");
    }

    [Fact]
    public void The_resource_of_the_topic_policy_points_at_the_ref_expression_in_each_form()
    {
        var yaml = At(ExtractFile(Yaml).Policies[0].Subject.Document, "Statement", 0, "Resource");
        yaml.Span.ShouldBe(new SourceSpan(44, 23, 44, 46));
        var json = At(ExtractFile(Json).Policies[0].Subject.Document, "Statement", 0, "Resource");
        var line = File.ReadAllLines(Path.Combine(RepositoryRoot(), Json))[json.Span.StartLine - 1];
        line.ShouldContain("\"Resource\": {");
        json.Span.StartColumn.ShouldBe(line.IndexOf('{', StringComparison.Ordinal) + 1);
        var account = At(ExtractFile(Yaml).Policies[0].Subject.Document, "Statement", 1, "Condition", "StringEquals", "AWS:SourceOwner");
        account.Span.ShouldBe(new SourceSpan(61, 36, 61, 57), "the !Ref 'AWS::AccountId' expression");
    }

    [Fact]
    public void Json_and_yaml_forms_give_the_same_policies_and_rules()
    {
        var json = ExtractFile(Json);
        var yaml = ExtractFile(Yaml);
        json.Policies.Select(p => NodeText.Canonical(p.Subject.Document)).ShouldBe(yaml.Policies.Select(p => NodeText.Canonical(p.Subject.Document)));
        json.EventRules.Length.ShouldBe(2);
        yaml.EventRules.Length.ShouldBe(2);
        for (var i = 0; i < 2; i++)
        {
            NodeText.Canonical(json.EventRules[i].Rule.Pattern!).ShouldBe(NodeText.Canonical(yaml.EventRules[i].Rule.Pattern!));
            json.EventRules[i].Rule.Targets.Select(NodeText.Canonical).ShouldBe(yaml.EventRules[i].Rule.Targets.Select(NodeText.Canonical));
        }
    }

    [Fact]
    public void The_monitoring_rules_have_their_patterns_and_input_transformers()
    {
        var rules = ExtractFile(Yaml).EventRules;
        rules.Select(r => r.Rule.Owner.LogicalId).ShouldBe(["EventRulePolicyMonitor", "EventRulePrincipalsMonitor"]);
        var first = rules[0];
        first.Pattern.ShouldNotBeNull().Owner.PropertyPath.ShouldBe("Properties.EventPattern");
        At(first.Rule.Pattern!, "detail", "eventName").ShouldBeOfType<ArrayNode>().Items.Length.ShouldBe(16);
        At(rules[1].Rule.Pattern!, "detail", "eventName").ShouldBeOfType<ArrayNode>().Items.Length.ShouldBe(9);
        Text(At(first.Rule.Properties, "State")).ShouldBe("ENABLED");
        Text(At(first.Rule.Properties, "Name")).ShouldBe("iam-monitoring-policy-monitor");
        var target = first.Rule.Targets.ShouldHaveSingleItem();
        Text(At(target, "Arn")).ShouldBe("arn:aws:sns:us-east-1:123456789012:iam-monitoring-iam-monitoring-topic");
        At(target, "InputTransformer", "InputPathsMap").ShouldBeOfType<ObjectNode>().Properties.Length.ShouldBe(6);
        Text(At(target, "InputTransformer", "InputTemplate")).ShouldStartWith("\"API Call '<eventName>' was issued on policy");
        Text(At(rules[1].Rule.Targets[0], "Id")).ShouldBe("iam-user-monitor");
    }

    [Fact]
    public void The_cdk_template_gives_its_policies_with_construct_paths()
    {
        var extraction = ExtractFile("examples/policies/cdk.out/IngestStack.template.json");
        extraction.Template.Diagnostics.ShouldBeEmpty();
        extraction.Policies.Select(p => (p.Subject.Owner.ConstructPath, p.Subject.Kind)).ShouldBe(
        [
            ("IngestStack/RawBucket/Policy/Resource", PolicyKind.Resource),
            ("IngestStack/IngestQueue/Policy/Resource", PolicyKind.Resource),
            ("IngestStack/Handler/ServiceRole/Resource", PolicyKind.Trust),
            ("IngestStack/Handler/ServiceRole/DefaultPolicy/Resource", PolicyKind.Identity),
        ]);
        var bucketArn = At(extraction.Policies[0].Subject.Document, "Statement", 0, "Resource", 1).ShouldBeOfType<ScalarNode>();
        bucketArn.Value.ShouldStartWith("arn:aws:s3:::ingeststack-rawbucket0c3ee094-");
        bucketArn.Value.ShouldEndWith("/*");
        bucketArn.Unknowns.ShouldHaveSingleItem().Reason.ShouldStartWith(UnknownValues.AssignedByAws);
        Text(At(extraction.Policies[1].Subject.Document, "Statement", 0, "Condition", "ArnEquals", "aws:SourceArn"))
            .ShouldBe("arn:aws:events:us-east-1:123456789012:rule/ingest-object-created");
        var rule = extraction.EventRules.ShouldHaveSingleItem();
        rule.Rule.Owner.ConstructPath.ShouldBe("IngestStack/ObjectCreatedRule/Resource");
        At(rule.Rule.Pattern!, "detail", "bucket", "name", 0).ShouldBeOfType<ScalarNode>().Value.ShouldStartWith("ingeststack-rawbucket0c3ee094-");
    }

    [Fact]
    public void The_sam_template_gives_expanded_policies_and_its_event_rules()
    {
        var extraction = ExtractFile("examples/policies/sam/orders-service.yaml");
        extraction.Template.Diagnostics.ShouldBeEmpty();
        extraction.Policies.Select(p => p.Subject.Owner.PropertyPath).ShouldBe(
        [
            "Properties.PolicyDocument",
            "Properties.Policies[1].DynamoDBCrudPolicy",
            "Properties.Policies[2].SQSSendMessagePolicy",
            "Properties.Policies[3]",
        ]);
        var crud = extraction.Policies[1].Subject.Document;
        At(crud, "Statement", 0, "Resource", 0).ShouldBeOfType<ScalarNode>().Value.ShouldBe("arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev");
        Text(At(extraction.Policies[2].Subject.Document, "Statement", 0, "Resource")).ShouldBe("arn:aws:sqs:us-east-1:123456789012:orders-dlq-dev");
        At(extraction.Policies[3].Subject.Document, "Statement").ShouldBeOfType<ArrayNode>().Items.Length.ShouldBe(1, "the prod-only statement is removed for Stage=dev");

        var rules = extraction.EventRules;
        rules.Select(r => r.Rule.Owner.PropertyPath).ShouldBe(["Properties.Events.OrderPlaced.Properties", "Properties.Events.Nightly.Properties"]);
        rules[0].Pattern!.Owner.PropertyPath.ShouldBe("Properties.Events.OrderPlaced.Properties.Pattern");
        Text(At(rules[0].Rule.Properties, "EventBusName")).ShouldBe("orders");
        var target = rules[0].Rule.Targets.ShouldHaveSingleItem();
        Text(At(target, "Arn")).ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:orders-handler-dev");
        Text(At(target, "Id")).ShouldBe("OrderHandlerOrderPlacedLambdaTarget");
        Text(At(target, "InputTransformer", "InputTemplate")).ShouldBe("{\"orderId\": <order>, \"total\": <total>}");
        Text(At(rules[1].Rule.Properties, "State")).ShouldBe("DISABLED");
    }

    [Fact]
    public void Prod_stage_keeps_the_prod_statement()
    {
        var settings = global::PolicyGate.Config.CloudFormationSettings.Default with
        {
            CommandLineParameters = System.Collections.Immutable.ImmutableSortedDictionary<string, global::PolicyGate.Config.ParameterValue>.Empty.Add("Stage", global::PolicyGate.Config.ParameterValue.Of("prod")),
        };
        var extraction = ExtractFile("examples/policies/sam/orders-service.yaml", settings);
        var statements = At(extraction.Policies[3].Subject.Document, "Statement").ShouldBeOfType<ArrayNode>().Items;
        statements.Length.ShouldBe(2);
        Text(At(statements[1], "Resource")).ShouldBe("arn:aws:ssm:us-east-1:123456789012:parameter/orders/prod/*");
    }
}
