using PolicyGate.Extraction;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.Extraction;

public class DocumentClassifierTests
{
    [Theory]
    [InlineData("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}", DocumentKind.CloudFormationTemplate)]
    [InlineData("t.json", """{"Resources": {"Role": {"Type": "AWS::IAM::Role"}}}""", DocumentKind.CloudFormationTemplate)]
    [InlineData("sam.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function", DocumentKind.CloudFormationTemplate)]
    [InlineData("x.template", "Transform: [AWS::Serverless-2016-10-31]", DocumentKind.CloudFormationTemplate)]
    [InlineData("p.json", """{"Version": "2012-10-17", "Statement": []}""", DocumentKind.IamPolicy)]
    [InlineData("p.yaml", "statement:\n  - Effect: Allow", DocumentKind.IamPolicy)]
    [InlineData("p.json", """{"Version": "2012-10-17", "Id": "x"}""", DocumentKind.IamPolicy)]
    [InlineData("r.json", """{"source": ["aws.iam"], "detail-type": ["AWS API Call via CloudTrail"]}""", DocumentKind.EventPattern)]
    [InlineData("r.json", """{"detail": {"status": ["ACTIVE"]}}""", DocumentKind.EventPattern)]
    [InlineData("r.json", """{"detailType": ["x"], "source": ["aws.iam"]}""", DocumentKind.EventPattern)]
    [InlineData("e.json", """{"version": "0", "id": "1", "source": "aws.iam", "detail-type": "AWS API Call via CloudTrail", "detail": {}}""", DocumentKind.EventSample)]
    [InlineData("package.json", """{"name": "x", "version": "1.0.0"}""", DocumentKind.Other)]
    [InlineData("ci.yml", "on: push\njobs: {}", DocumentKind.Other)]
    [InlineData("list.json", "[1, 2]", DocumentKind.Other)]
    [InlineData("resources.json", """{"Resources": {"x": 1}}""", DocumentKind.Other)]
    [InlineData("policygate.yaml", "include: []", DocumentKind.PolicyGateConfig)]
    [InlineData("sub/.policygate.yml", "{}", DocumentKind.PolicyGateConfig)]
    public void Classifies_by_content(string path, string text, DocumentKind expected)
    {
        DocumentClassifier.Classify(Root(path, text), path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""", PolicyKind.Identity)]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}]}""", PolicyKind.Resource)]
    [InlineData("""{"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}""", PolicyKind.Trust)]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "x"}, "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]}]}""", PolicyKind.Trust)]
    public void Infers_the_kind_of_a_policy_file(string text, PolicyKind expected)
    {
        PolicyKindInference.Infer(Root("p.json", text)).ShouldBe(expected);
    }
}
