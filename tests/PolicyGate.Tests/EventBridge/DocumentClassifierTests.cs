using PolicyGate.Extraction;
using static PolicyGate.Tests.EventBridge.PatternKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Pattern files and sample events are told apart by content.</summary>
public class DocumentClassifierTests
{
    [Theory]
    [InlineData("""{"source":["aws.access-analyzer"],"detail-type":["Access Analyzer Finding"]}""", DocumentKind.EventPattern)]
    [InlineData("""{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification"}""", DocumentKind.EventPattern)]
    [InlineData("""{"source":"aws.ec2","detail":{"state":["running"]}}""", DocumentKind.EventPattern)]
    [InlineData("""{"version":"0","id":"1","detail-type":"Access Analyzer Finding","source":"aws.access-analyzer","account":"111122223333","time":"2019-11-21T01:22:33Z","region":"us-west-2","resources":[],"detail":{}}""", DocumentKind.EventSample)]
    [InlineData("""{"source":"aws.access-analyzer","detail-type":"Access Analyzer Finding","time":"2019-11-21T01:22:33Z"}""", DocumentKind.EventSample)]
    [InlineData("""{"source":"./src","version":"1.0.0"}""", DocumentKind.Other)]
    [InlineData("""{"name":"package","dependencies":{}}""", DocumentKind.Other)]
    public void Patterns_and_samples_are_told_apart(string json, DocumentKind kind) =>
        DocumentClassifier.Classify(Yaml(json, "file.json"), "file.json").ShouldBe(kind);
}
