using PolicyGate.AccessAnalyzer;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

public class SmokeTests
{
    [Fact]
    public void Same_policy_passes_and_a_broader_one_fails()
    {
        var narrow = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}""");
        var broad = Policy("""{"Sid":"All","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}""");
        NoNewAccess(narrow, narrow).ShouldPass();
        NoNewAccess(narrow, broad).ShouldPass();
        var fail = NoNewAccess(broad, narrow);
        fail.ShouldFailWithCounterexample();
        fail.Reasons[0].Description.ShouldBe("New access in the statement with sid: All.");
        System.Console.WriteLine(fail.Reasons[0].Explanation);
    }
}
