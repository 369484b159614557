using System.Text;

namespace PolicyGate.Benchmarks;

/// <summary>Generated, realistic inputs: no file from elsewhere is needed to run the benchmarks.</summary>
internal static class BenchmarkInputs
{
    /// <summary>A CloudFormation template in YAML with <paramref name="resources"/> roles, each with an inline policy.</summary>
    public static string YamlTemplate(int resources)
    {
        var text = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env:\n    Type: String\n    Default: prod\nResources:\n");
        for (var i = 0; i < resources; i++)
        {
            text.Append($"""
                  Role{i}:
                    Type: AWS::IAM::Role
                    Metadata:
                      aws:cdk:path: App/Stack/Role{i}/Resource
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Principal: {"{"}Service: lambda.amazonaws.com{"}"}
                            Action: sts:AssumeRole
                      Policies:
                        - PolicyName: !Sub '${"{"}Env{"}"}-policy-{i}'
                          PolicyDocument:
                            Version: '2012-10-17'
                            Statement:
                              - Sid: Read{i}
                                Effect: Allow
                                Action: [s3:GetObject, s3:ListBucket]
                                Resource:
                                  - !Sub 'arn:${"{"}AWS::Partition{"}"}:s3:::bucket-{i}'
                                  - !GetAtt Bucket{i}.Arn
                                Condition:
                                  StringEquals: {"{"}aws:PrincipalTag/team: platform{"}"}

                """);
        }

        return text.ToString();
    }

    /// <summary>The same template as JSON.</summary>
    public static string JsonTemplate(int resources)
    {
        var text = new StringBuilder("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n");
        for (var i = 0; i < resources; i++)
        {
            text.Append($$"""
                    "Role{{i}}": {
                      "Type": "AWS::IAM::Role",
                      "Metadata": { "aws:cdk:path": "App/Stack/Role{{i}}/Resource" },
                      "Properties": {
                        "AssumeRolePolicyDocument": {
                          "Version": "2012-10-17",
                          "Statement": [ { "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" } ]
                        },
                        "Policies": [ {
                          "PolicyName": { "Fn::Sub": "${Env}-policy-{{i}}" },
                          "PolicyDocument": {
                            "Version": "2012-10-17",
                            "Statement": [ {
                              "Sid": "Read{{i}}", "Effect": "Allow",
                              "Action": [ "s3:GetObject", "s3:ListBucket" ],
                              "Resource": [ { "Fn::Sub": "arn:${AWS::Partition}:s3:::bucket-{{i}}" }, { "Fn::GetAtt": [ "Bucket{{i}}", "Arn" ] } ],
                              "Condition": { "StringEquals": { "aws:PrincipalTag/team": "platform" } }
                            } ]
                          }
                        } ]
                      }
                    }{{(i < resources - 1 ? "," : string.Empty)}}

                """);
        }

        return text.Append("  }\n}\n").ToString();
    }
}
