using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyGate.CloudFormation;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Benchmarks;

/// <summary>
/// Parse + extract over 1,000 generated templates (half YAML with short-form tags, half JSON), each with
/// parameters, conditions, a mapping, roles with inline and trust policies, a bucket policy built with
/// Fn::Sub/Fn::Join/Fn::If, a topic policy, a Lambda permission and an event rule: the work
/// <c>policygate parse</c> and the scan's extraction stage do per template.
/// </summary>
[MemoryDiagnoser]
public class CloudFormationBenchmarks
{
    private const int Templates = 1_000;
    private readonly DocumentLoader _loader = new(LoadLimits.Default);
    private (SourceFile File, byte[] Bytes)[] _inputs = [];
    private ClassifiedDocument[] _loaded = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = Enumerable.Range(0, Templates)
            .Select(i => i % 2 == 0
                ? (new SourceFile($"stacks/s{i}.yaml", $"/stacks/s{i}.yaml"), Encoding.UTF8.GetBytes(YamlTemplate(i)))
                : (new SourceFile($"stacks/s{i}.json", $"/stacks/s{i}.json"), Encoding.UTF8.GetBytes(JsonTemplate(i))))
            .ToArray();
        _loaded = _inputs.Select(Load).ToArray();
        var policies = _loaded.Sum(d => TemplateExtractor.Default.Extract(d, CloudFormationSettings.Default).Policies.Length);
        Console.WriteLine($"// {Templates} templates, {_inputs.Sum(i => i.Bytes.Length):N0} bytes, {policies} policies");
    }

    [Benchmark]
    public int ParseAndExtract()
    {
        var policies = 0;
        foreach (var input in _inputs)
        {
            policies += TemplateExtractor.Default.Extract(Load(input), CloudFormationSettings.Default).Policies.Length;
        }

        return policies;
    }

    [Benchmark]
    public int ExtractOnly()
    {
        var policies = 0;
        foreach (var document in _loaded)
        {
            policies += TemplateExtractor.Default.Extract(document, CloudFormationSettings.Default).Policies.Length;
        }

        return policies;
    }

    private ClassifiedDocument Load((SourceFile File, byte[] Bytes) input)
    {
        var loaded = _loader.Load(input.File, input.Bytes);
        return new ClassifiedDocument(loaded, loaded.Documents[0], DocumentClassifier.Classify(loaded.Documents[0], input.File.Path), 0);
    }

    internal static string YamlTemplate(int i) => $$$$"""
        AWSTemplateFormatVersion: '2010-09-09'
        Parameters:
          Env: {Type: String, AllowedValues: [dev, prod], Default: dev}
          Team: {Type: String}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Mappings:
          Regions:
            us-east-1: {Logs: logs-east-{{{{i}}}}}
            eu-west-1: {Logs: logs-west-{{{{i}}}}}
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub 'data-${Env}-{{{{i}}}}'
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Sid: DenyInsecure
                    Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource: [!GetAtt Data.Arn, !Join ['', [!GetAtt Data.Arn, '/*']]]
                    Condition: {Bool: {aws:SecureTransport: 'false'}}
                  - !If
                    - IsProd
                    - {Sid: Replication, Effect: Allow, Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}, Action: 's3:ReplicateObject', Resource: !Sub '${Data.Arn}/*'}
                    - !Ref AWS::NoValue
          Topic:
            Type: AWS::SNS::Topic
            Properties: {TopicName: !Sub '${AWS::StackName}-alerts'}
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: events.amazonaws.com}, Action: 'sns:Publish', Resource: !Ref Topic}
          Role:
            Type: AWS::IAM::Role
            Metadata: {aws:cdk:path: App/Stack{{{{i}}}}/Role/Resource}
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 'sts:AssumeRole'}
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:ListBucket]
                        Resource: [!GetAtt Data.Arn, !Sub '${Data.Arn}/${Team}/*', !Sub ['arn:aws:s3:::${L}/*', {L: !FindInMap [Regions, !Ref AWS::Region, Logs]}]]
          Fn:
            Type: AWS::Lambda::Function
            Properties: {FunctionName: !Sub 'worker-{{{{i}}}}', Role: !GetAtt Role.Arn}
          Invoke:
            Type: AWS::Lambda::Permission
            Properties: {Action: 'lambda:InvokeFunction', FunctionName: !Ref Fn, Principal: events.amazonaws.com, SourceArn: !GetAtt Rule.Arn}
          Rule:
            Type: AWS::Events::Rule
            Properties:
              EventPattern: {source: [aws.s3], detail-type: [Object Created], detail: {bucket: {name: [!Ref Data]}}}
              Targets: [{Arn: !GetAtt Fn.Arn, Id: worker}]
        """;

    internal static string JsonTemplate(int i) => $$$$"""
        {
          "Parameters": { "Env": { "Type": "String", "Default": "dev" } },
          "Resources": {
            "Key": {
              "Type": "AWS::KMS::Key",
              "Properties": {
                "KeyPolicy": {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Sid": "Root", "Effect": "Allow", "Principal": { "AWS": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":iam::", { "Ref": "AWS::AccountId" }, ":root"]] } }, "Action": "kms:*", "Resource": "*" }
                  ]
                }
              }
            },
            "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::Sub": "jobs-${Env}-{{{{i}}}}" } } },
            "QueuePolicy": {
              "Type": "AWS::SQS::QueuePolicy",
              "Properties": {
                "Queues": [{ "Ref": "Queue" }],
                "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": { "Fn::GetAtt": ["Queue", "Arn"] } } ] }
              }
            },
            "Logs": {
              "Type": "AWS::Logs::ResourcePolicy",
              "Properties": {
                "PolicyName": "es-{{{{i}}}}",
                "PolicyDocument": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"es.amazonaws.com\"}, \"Action\": [\"logs:PutLogEvents\", \"logs:CreateLogStream\"], \"Resource\": \"*\"}]}"
              }
            },
            "Managed": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Metadata": { "aws:cdk:path": "App/Stack{{{{i}}}}/Managed/Resource" },
              "Properties": {
                "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "Resource": { "Fn::GetAtt": ["Queue", "Arn"] } } ] }
              }
            }
          }
        }
        """;
}
