using PolicyGate.CloudFormation;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using static PolicyGate.Tests.CloudFormation.TemplateTestKit;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>Every policy-bearing resource type gives its policy, with kind, governed type, owner and spans.</summary>
public class PolicyExtractionTests
{
    private const string Doc = "{Version: '2012-10-17', Statement: [{Effect: Allow, Principal: '*', Action: 's3:GetObject', Resource: '*'}]}";
    private const string DocString = "'{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}'";

    public static TheoryData<string, string, string, PolicyKind, string> PolicyProperties => new()
    {
        { "AWS::IAM::Role", $"AssumeRolePolicyDocument: {Doc}", "Properties.AssumeRolePolicyDocument", PolicyKind.Trust, "AWS::IAM::Role" },
        { "AWS::IAM::Role", $"Policies: [{{PolicyName: p, PolicyDocument: {Doc}}}]", "Properties.Policies[0].PolicyDocument", PolicyKind.Identity, "AWS::IAM::Role" },
        { "AWS::IAM::User", $"Policies: [{{PolicyName: p, PolicyDocument: {Doc}}}]", "Properties.Policies[0].PolicyDocument", PolicyKind.Identity, "AWS::IAM::User" },
        { "AWS::IAM::Group", $"Policies: [{{PolicyName: p, PolicyDocument: {Doc}}}]", "Properties.Policies[0].PolicyDocument", PolicyKind.Identity, "AWS::IAM::Group" },
        { "AWS::IAM::Policy", $"PolicyName: p\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Identity, "AWS::IAM::Policy" },
        { "AWS::IAM::ManagedPolicy", $"PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Identity, "AWS::IAM::ManagedPolicy" },
        { "AWS::IAM::RolePolicy", $"RoleName: r\n      PolicyName: p\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Identity, "AWS::IAM::RolePolicy" },
        { "AWS::IAM::UserPolicy", $"UserName: u\n      PolicyName: p\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Identity, "AWS::IAM::UserPolicy" },
        { "AWS::IAM::GroupPolicy", $"GroupName: g\n      PolicyName: p\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Identity, "AWS::IAM::GroupPolicy" },
        { "AWS::SSO::PermissionSet", $"Name: ps\n      InlinePolicy: {Doc}", "Properties.InlinePolicy", PolicyKind.Identity, "AWS::SSO::PermissionSet" },
        { "AWS::SSO::PermissionSet", $"Name: ps\n      InlinePolicy: {DocString}", "Properties.InlinePolicy", PolicyKind.Identity, "AWS::SSO::PermissionSet" },
        { "AWS::S3::BucketPolicy", $"Bucket: b\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::S3::Bucket" },
        { "AWS::S3::AccessPoint", $"Bucket: b\n      Policy: {Doc}", "Properties.Policy", PolicyKind.Resource, "AWS::S3::AccessPoint" },
        { "AWS::S3::MultiRegionAccessPointPolicy", $"MrapName: m\n      Policy: {Doc}", "Properties.Policy", PolicyKind.Resource, "AWS::S3::MultiRegionAccessPoint" },
        { "AWS::S3Express::BucketPolicy", $"Bucket: b--use1-az4--x-s3\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::S3Express::DirectoryBucket" },
        { "AWS::S3Express::AccessPoint", $"Bucket: b\n      Policy: {Doc}", "Properties.Policy", PolicyKind.Resource, "AWS::S3Express::AccessPoint" },
        { "AWS::S3Tables::TableBucketPolicy", $"TableBucketARN: arn:aws:s3tables:us-east-1:123456789012:bucket/t\n      ResourcePolicy: {Doc}", "Properties.ResourcePolicy", PolicyKind.Resource, "AWS::S3Tables::TableBucket" },
        { "AWS::S3Tables::TablePolicy", $"TableARN: arn:aws:s3tables:us-east-1:123456789012:bucket/t/table/x\n      ResourcePolicy: {Doc}", "Properties.ResourcePolicy", PolicyKind.Resource, "AWS::S3Tables::Table" },
        { "AWS::SQS::QueuePolicy", $"Queues: [q]\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::SQS::Queue" },
        { "AWS::SQS::QueueInlinePolicy", $"Queue: q\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::SQS::Queue" },
        { "AWS::SNS::TopicPolicy", $"Topics: [t]\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::SNS::Topic" },
        { "AWS::SNS::TopicInlinePolicy", $"TopicArn: t\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::SNS::Topic" },
        { "AWS::KMS::Key", $"KeyPolicy: {Doc}", "Properties.KeyPolicy", PolicyKind.Resource, "AWS::KMS::Key" },
        { "AWS::KMS::Key", $"KeyPolicy: {DocString}", "Properties.KeyPolicy", PolicyKind.Resource, "AWS::KMS::Key" },
        { "AWS::SecretsManager::ResourcePolicy", $"SecretId: s\n      ResourcePolicy: {Doc}", "Properties.ResourcePolicy", PolicyKind.Resource, "AWS::SecretsManager::Secret" },
        { "AWS::ECR::Repository", $"RepositoryPolicyText: {Doc}", "Properties.RepositoryPolicyText", PolicyKind.Resource, "AWS::ECR::Repository" },
        { "AWS::Events::EventBus", $"Name: bus\n      Policy: {Doc}", "Properties.Policy", PolicyKind.Resource, "AWS::Events::EventBus" },
        { "AWS::Logs::ResourcePolicy", $"PolicyName: p\n      PolicyDocument: {DocString}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::Logs::LogGroup" },
        { "AWS::OpenSearchService::Domain", $"AccessPolicies: {Doc}", "Properties.AccessPolicies", PolicyKind.Resource, "AWS::OpenSearchService::Domain" },
        { "AWS::Elasticsearch::Domain", $"AccessPolicies: {Doc}", "Properties.AccessPolicies", PolicyKind.Resource, "AWS::Elasticsearch::Domain" },
        { "AWS::EFS::FileSystem", $"FileSystemPolicy: {Doc}", "Properties.FileSystemPolicy", PolicyKind.Resource, "AWS::EFS::FileSystem" },
        { "AWS::EC2::VPCEndpoint", $"VpcId: vpc-1\n      ServiceName: com.amazonaws.us-east-1.s3\n      PolicyDocument: {Doc}", "Properties.PolicyDocument", PolicyKind.Resource, "AWS::EC2::VPCEndpoint" },
        { "AWS::Backup::BackupVault", $"BackupVaultName: v\n      AccessPolicy: {Doc}", "Properties.AccessPolicy", PolicyKind.Resource, "AWS::Backup::BackupVault" },
        { "AWS::CodeArtifact::Domain", $"DomainName: d\n      PermissionsPolicyDocument: {Doc}", "Properties.PermissionsPolicyDocument", PolicyKind.Resource, "AWS::CodeArtifact::Domain" },
        { "AWS::CodeArtifact::Repository", $"DomainName: d\n      RepositoryName: r\n      PermissionsPolicyDocument: {Doc}", "Properties.PermissionsPolicyDocument", PolicyKind.Resource, "AWS::CodeArtifact::Repository" },
        { "AWS::ApiGateway::RestApi", $"Name: api\n      Policy: {Doc}", "Properties.Policy", PolicyKind.Resource, "AWS::ApiGateway::RestApi" },
        { "AWS::CloudTrail::ResourcePolicy", $"ResourceArn: arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/abc\n      ResourcePolicy: {Doc}", "Properties.ResourcePolicy", PolicyKind.Resource, "AWS::CloudTrail::EventDataStore" },
        { "AWS::DynamoDB::Table", $"KeySchema: []\n      ResourcePolicy: {{PolicyDocument: {Doc}}}", "Properties.ResourcePolicy.PolicyDocument", PolicyKind.Resource, "AWS::DynamoDB::Table" },
        { "AWS::DynamoDB::Table", $"StreamSpecification: {{StreamViewType: NEW_IMAGE, ResourcePolicy: {{PolicyDocument: {Doc}}}}}", "Properties.StreamSpecification.ResourcePolicy.PolicyDocument", PolicyKind.Resource, "AWS::DynamoDB::Stream" },
        { "AWS::DynamoDB::GlobalTable", $"Replicas: [{{Region: us-east-1, ResourcePolicy: {{PolicyDocument: {Doc}}}}}]", "Properties.Replicas[0].ResourcePolicy.PolicyDocument", PolicyKind.Resource, "AWS::DynamoDB::Table" },
        { "AWS::Kinesis::ResourcePolicy", $"ResourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/s\n      ResourcePolicy: {Doc}", "Properties.ResourcePolicy", PolicyKind.Resource, "AWS::Kinesis::Stream" },
        { "AWS::Organizations::Policy", $"Name: scp\n      Type: SERVICE_CONTROL_POLICY\n      Content: {Doc}", "Properties.Content", PolicyKind.ServiceControl, "AWS::Organizations::Policy" },
        { "AWS::Organizations::Policy", $"Name: rcp\n      Type: RESOURCE_CONTROL_POLICY\n      Content: {DocString}", "Properties.Content", PolicyKind.ResourceControl, "AWS::Organizations::Policy" },
        { "AWS::Serverless::Function", $"Runtime: python3.12\n      Policies: [{Doc}]", "Properties.Policies[0]", PolicyKind.Identity, "AWS::Serverless::Function" },
    };

    [Theory]
    [MemberData(nameof(PolicyProperties))]
    public void Each_policy_bearing_property_gives_one_policy(string type, string properties, string path, PolicyKind kind, string governed)
    {
        var extraction = Extract($"Transform: AWS::Serverless-2016-10-31\nResources:\n  Subject:\n    Type: {type}\n    Properties:\n      {properties}\n");
        var policy = extraction.Policies.ShouldHaveSingleItem();
        policy.Subject.Owner.ShouldBe(new PolicyOwner("template.yaml", "Subject", path));
        policy.Subject.Kind.ShouldBe(kind);
        policy.Subject.ResourceType.ShouldBe(governed);
        policy.OwnerType.ShouldBe(type);
        var statement = At(policy.Subject.Document, "Statement", 0).ShouldBeOfType<ObjectNode>();
        Text(statement["Action"]!).ShouldBe("s3:GetObject");
        statement["Action"]!.Span.StartLine.ShouldBeGreaterThanOrEqualTo(5);
        extraction.Template.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_json_policy_string_in_yaml_single_quotes_maps_spans_exactly()
    {
        var extraction = Extract($"Resources:\n  Logs:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: p\n      PolicyDocument: {DocString}\n");
        var policy = extraction.Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeTrue();
        var action = At(policy.Subject.Document, "Statement", 0, "Action");
        var line = "      PolicyDocument: " + DocString;
        action.Span.ShouldBe(new SourceSpan(6, line.IndexOf("\"s3:GetObject\"", StringComparison.Ordinal) + 1, 6, line.IndexOf("\"s3:GetObject\"", StringComparison.Ordinal) + 15));
        action.File.Path.ShouldBe("template.yaml");
    }

    [Fact]
    public void A_json_policy_string_in_a_json_template_maps_spans_through_escapes()
    {
        const string text = "{\"Resources\": {\"K\": {\"Type\": \"AWS::KMS::Key\", \"Properties\": {\"KeyPolicy\":\n\"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"kms:*\\\", \\\"Resource\\\": \\\"*\\\", \\\"Principal\\\": {\\\"AWS\\\": \\\"arn:aws:iam::123456789012:root\\\"}}]}\"}}}}";
        var extraction = Extract(text, "t.json");
        var policy = extraction.Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeTrue();
        var action = At(policy.Subject.Document, "Statement", 0, "Action");
        Text(action).ShouldBe("kms:*");
        var line = text.Split('\n')[1];
        var start = line.IndexOf("\\\"kms:*\\\"", StringComparison.Ordinal);
        action.Span.ShouldBe(new SourceSpan(2, start + 1, 2, start + "\\\"kms:*\\\"".Length + 1));
    }

    [Fact]
    public void A_json_policy_in_a_yaml_literal_block_maps_spans_line_by_line()
    {
        const string text = "Resources:\n  Domain:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AccessPolicies: |\n        {\n          \"Statement\": [\n            {\"Effect\": \"Allow\", \"Action\": \"es:*\", \"Principal\": \"*\", \"Resource\": \"*\"}\n          ]\n        }\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeTrue();
        var effect = At(policy.Subject.Document, "Statement", 0, "Effect");
        effect.Span.ShouldBe(new SourceSpan(8, 24, 8, 31), "\"Allow\" on the third line of the block");
        At(policy.Subject.Document, "Statement").Span.StartLine.ShouldBe(7);
    }

    [Fact]
    public void A_json_policy_in_a_yaml_double_quoted_string_maps_through_its_escapes()
    {
        const string text = "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"kms:\\u002A\\\", \\\"Resource\\\": \\\"*\\\", \\\"Principal\\\": \\\"*\\\"}]}\"\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeTrue();
        var action = At(policy.Subject.Document, "Statement", 0, "Action");
        Text(action).ShouldBe("kms:*");
        var line = text.Split('\n')[4];
        var start = line.IndexOf("\\\"kms:", StringComparison.Ordinal);
        action.Span.ShouldBe(new SourceSpan(5, start + 1, 5, line.IndexOf("\\u002A", StringComparison.Ordinal) + 6 + 3));
    }

    [Fact]
    public void A_json_policy_in_a_folded_string_gets_the_span_of_the_whole_string()
    {
        const string text = "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: >\n        {\"Statement\": [{\"Effect\": \"Allow\",\n        \"Action\": \"kms:*\", \"Resource\": \"*\", \"Principal\": \"*\"}]}\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeFalse();
        var action = At(policy.Subject.Document, "Statement", 0, "Action");
        Text(action).ShouldBe("kms:*");
        action.Span.ShouldBe(policy.Subject.Document.Span);
        action.Span.StartLine.ShouldBe(5);
    }

    [Fact]
    public void An_event_pattern_given_as_a_json_string_is_parsed_with_exact_spans()
    {
        const string text = "Resources:\n  Rule:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern: '{\"source\": [\"aws.ec2\"], \"detail-type\": [\"EC2 Instance State-change Notification\"]}'\n      ScheduleExpression: rate(5 minutes)\n      Targets: [{Arn: !Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q', Id: q, InputPath: $.detail}]\n";
        var rule = Extract(text).EventRules.ShouldHaveSingleItem();
        var source = At(rule.Rule.Pattern!, "source", 0);
        Text(source).ShouldBe("aws.ec2");
        source.Span.ShouldBe(new SourceSpan(5, 34, 5, 43), "the quoted \"aws.ec2\" inside the pattern string");
        rule.Pattern!.Pattern.ShouldBeSameAs(rule.Rule.Pattern);
        Text(At(rule.Rule.Targets.ShouldHaveSingleItem(), "Arn")).ShouldBe("arn:aws:sqs:us-east-1:123456789012:q");
        Text(At(rule.Rule.Properties, "ScheduleExpression")).ShouldBe("rate(5 minutes)");
        rule.Rule.Region.ShouldBeNull();
    }

    [Fact]
    public void A_policy_string_built_with_sub_keeps_unknowns_and_uses_the_whole_string_span()
    {
        const string text = "Parameters:\n  Bucket: {Type: String}\nResources:\n  Policy:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: p\n      PolicyDocument: !Sub '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", \"Resource\": \"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Bucket}:*\", \"Principal\": {\"Service\": \"delivery.logs.amazonaws.com\"}}]}'\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.ExactSpans.ShouldBeFalse();
        var resource = At(policy.Subject.Document, "Statement", 0, "Resource").ShouldBeOfType<ScalarNode>();
        resource.Value.ShouldBe("arn:aws:logs:us-east-1:123456789012:log-group:{?Ref Bucket}:*");
        resource.Unknowns.ShouldHaveSingleItem().Start.ShouldBe("arn:aws:logs:us-east-1:123456789012:log-group:".Length);
        resource.Span.StartLine.ShouldBe(8);
        resource.Span.StartColumn.ShouldBe(23);
    }

    [Fact]
    public void A_policy_given_with_ToJsonString_keeps_the_object_spans()
    {
        const string text = "Transform: AWS::LanguageExtensions\nResources:\n  Policy:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: p\n      PolicyDocument:\n        Fn::ToJsonString:\n          Statement:\n            - Effect: Allow\n              Action: logs:PutLogEvents\n              Resource: '*'\n              Principal: {Service: es.amazonaws.com}\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        At(policy.Subject.Document, "Statement", 0, "Action").Span.ShouldBe(new SourceSpan(11, 23, 11, 40));
    }

    [Fact]
    public void An_invalid_json_policy_string_is_reported_inside_the_string()
    {
        var extraction = Extract("Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: '{\"Statement\": [}'\n");
        extraction.Policies.ShouldBeEmpty();
        var d = extraction.Template.Diagnostics.ShouldHaveSingleItem();
        d.Kind.ShouldBe(TemplateDiagnosticKind.InvalidEmbeddedJson);
        d.Span.ShouldBe(new SourceSpan(5, 34, 5, 35), "the closing brace where a value is expected");
    }

    [Fact]
    public void Lambda_permission_becomes_the_statement_lambda_adds()
    {
        const string text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: worker\n  Allow:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: s3.amazonaws.com\n      SourceAccount: !Ref AWS::AccountId\n      SourceArn: arn:aws:s3:::uploads\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.Subject.Kind.ShouldBe(PolicyKind.Resource);
        policy.Subject.ResourceType.ShouldBe("AWS::Lambda::Function");
        var statement = At(policy.Subject.Document, "Statement", 0);
        Text(At(statement, "Sid")).ShouldBe("Allow");
        Text(At(statement, "Effect")).ShouldBe("Allow");
        Text(At(statement, "Principal", "Service")).ShouldBe("s3.amazonaws.com");
        Text(At(statement, "Action")).ShouldBe("lambda:InvokeFunction");
        var resource = At(statement, "Resource");
        Text(resource).ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:worker");
        resource.Span.StartLine.ShouldBe(10);
        Text(At(statement, "Condition", "StringEquals", "AWS:SourceAccount")).ShouldBe("123456789012");
        Text(At(statement, "Condition", "ArnLike", "AWS:SourceArn")).ShouldBe("arn:aws:s3:::uploads");
    }

    [Fact]
    public void Layer_version_permission_and_account_principal()
    {
        const string text = "Resources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:layer:tools:3\n      Principal: '210987654321'\n      OrganizationId: o-abc123\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        policy.Subject.ResourceType.ShouldBe("AWS::Lambda::LayerVersion");
        Text(At(policy.Subject.Document, "Statement", 0, "Principal", "AWS")).ShouldBe("arn:aws:iam::210987654321:root");
        Text(At(policy.Subject.Document, "Statement", 0, "Condition", "StringEquals", "aws:PrincipalOrgID")).ShouldBe("o-abc123");
    }

    [Fact]
    public void Event_bus_policy_in_statement_and_legacy_forms()
    {
        const string text = "Resources:\n  New:\n    Type: AWS::Events::EventBusPolicy\n    Properties:\n      StatementId: AllowOrg\n      Statement: {Effect: Allow, Principal: '*', Action: 'events:PutEvents', Resource: '*'}\n  Old:\n    Type: AWS::Events::EventBusPolicy\n    Properties:\n      StatementId: AllowAccount\n      EventBusName: orders\n      Action: events:PutEvents\n      Principal: '210987654321'\n      Condition: {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-abc123}\n";
        var extraction = Extract(text);
        var modern = Policy(extraction, "New");
        Text(At(modern.Subject.Document, "Statement", 0, "Sid")).ShouldBe("AllowOrg");
        var legacy = Policy(extraction, "Old");
        Text(At(legacy.Subject.Document, "Statement", 0, "Resource")).ShouldBe("arn:aws:events:us-east-1:123456789012:event-bus/orders");
        Text(At(legacy.Subject.Document, "Statement", 0, "Condition", "StringEquals", "aws:PrincipalOrgID")).ShouldBe("o-abc123");
    }

    [Fact]
    public void Sam_policy_templates_expand_with_their_parameters_resolved()
    {
        const string text = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: jobs\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - SQSPollerPolicy:\n            QueueName: !GetAtt Queue.QueueName\n        - NotATemplate: {}\n";
        var extraction = Extract(text);
        var policy = extraction.Policies.ShouldHaveSingleItem();
        policy.Subject.Owner.PropertyPath.ShouldBe("Properties.Policies[1].SQSPollerPolicy");
        var resource = At(policy.Subject.Document, "Statement", 0, "Resource");
        Text(resource).ShouldBe("arn:aws:sqs:us-east-1:123456789012:jobs");
        resource.Span.StartLine.ShouldBe(13);
        resource.File.Path.ShouldBe("template.yaml");
        extraction.Template.Diagnostics.ShouldHaveSingleItem().Kind.ShouldBe(TemplateDiagnosticKind.UnsupportedFeature);
    }

    [Fact]
    public void Sam_implicit_role_can_be_referenced_and_an_explicit_role_disables_policies()
    {
        const string text = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: worker\n      Policies: [{Statement: [{Effect: Allow, Action: 'sqs:*', Resource: '*'}]}]\n  Other:\n    Type: AWS::Serverless::Function\n    Properties:\n      Role: arn:aws:iam::123456789012:role/x\n      Policies: [{Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]}]\n  Grant:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: extra\n      Roles: [!Ref WorkerRole]\n      PolicyDocument: {Statement: [{Effect: Allow, Action: 'sns:Publish', Resource: !GetAtt WorkerRole.Arn}]}\n";
        var extraction = Extract(text);
        extraction.Policies.Select(p => p.Subject.Owner.LogicalId).ShouldBe(["Worker", "Grant"]);
        var arn = At(Policy(extraction, "Grant").Subject.Document, "Statement", 0, "Resource").ShouldBeOfType<ScalarNode>();
        arn.Value.ShouldStartWith("arn:aws:iam::123456789012:role/template-WorkerRole-");
        arn.HasUnknowns.ShouldBeTrue();
        extraction.Template.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Inline_policy_lists_with_conditions_keep_present_items_and_resource_conditions_are_honoured()
    {
        const string text = "Parameters:\n  Env: {Type: String, Default: dev}\n  Mode: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsAudit: !Equals [!Ref Mode, audit]\nResources:\n  ProdOnly:\n    Type: AWS::IAM::ManagedPolicy\n    Condition: IsProd\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}\n  Maybe:\n    Type: AWS::IAM::ManagedPolicy\n    Condition: IsAudit\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: 'cloudtrail:*', Resource: '*'}]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: 'sts:AssumeRole'}]}\n      Policies:\n        - !If [IsProd, {PolicyName: a, PolicyDocument: {Statement: []}}, !Ref AWS::NoValue]\n        - !If [IsAudit, {PolicyName: b, PolicyDocument: {Statement: [{Effect: Allow, Action: 'a:b', Resource: '*'}]}}, !Ref AWS::NoValue]\n";
        var extraction = Extract(text);
        extraction.Policies.ShouldNotContain(p => p.Subject.Owner.LogicalId == "ProdOnly");
        Policy(extraction, "Maybe").Condition.ShouldBe(ConditionValue.Unknown);
        var inline = extraction.Policies.Where(p => p.Subject.Owner.LogicalId == "Role" && p.Subject.Kind == PolicyKind.Identity).ShouldHaveSingleItem();
        inline.Subject.Owner.PropertyPath.ShouldBe("Properties.Policies[0].PolicyDocument");
        Text(At(inline.Subject.Document, "Statement", 0, "Action")).ShouldBe("a:b");
    }

    [Fact]
    public void An_undecided_statement_is_a_choice_in_the_document()
    {
        const string text = "Parameters:\n  Mode: {Type: String}\nConditions:\n  Open: !Equals [!Ref Mode, open]\nResources:\n  Bucket:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: !If [Open, '*', {AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root'}]\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::b/*\n";
        var policy = Extract(text).Policies.ShouldHaveSingleItem();
        var principal = At(policy.Subject.Document, "Statement", 0, "Principal").ShouldBeOfType<ChoiceNode>();
        Text(principal.Alternatives[0]).ShouldBe("*");
        Text(At(principal.Alternatives[1], "AWS")).ShouldBe("arn:aws:iam::123456789012:root");
        principal.Span.StartLine.ShouldBe(13);
    }

    [Fact]
    public void Cdk_construct_paths_are_carried_to_the_owner()
    {
        const string text = "{\"Resources\": {\"RoleDefaultPolicy5FFB7DAB\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyName\": \"p\", \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}}, \"Metadata\": {\"aws:cdk:path\": \"App/Stack/Role/DefaultPolicy/Resource\"}}}}";
        var policy = Extract(text, "cdk.out/Stack.template.json").Policies.ShouldHaveSingleItem();
        policy.Subject.Owner.ConstructPath.ShouldBe("App/Stack/Role/DefaultPolicy/Resource");
    }
}
