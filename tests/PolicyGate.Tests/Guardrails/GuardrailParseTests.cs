using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;

namespace PolicyGate.Tests.Guardrails;

/// <summary>Guard-rail files written by hand: the good shapes parse, and every malformed one names the file and the field.</summary>
public class GuardrailParseTests
{
    private const string File = "team/no-deletes.json";

    private static string AccessNotGranted(string extra = "") =>
        $$"""{"name":"no-deletes","check":"access-not-granted","policyType":"identity","summary":"Deletes.","appliesTo":"App roles.","actions":["s3:DeleteObject","dynamodb:Delete*"]{{extra}}}""";

    [Fact]
    public void A_team_file_with_resources_parses()
    {
        var guardrail = GuardrailCatalog.Parse(AccessNotGranted(""","resources":["arn:aws:s3:::prod-*/*","*"]"""), File);
        guardrail.Name.ShouldBe("no-deletes");
        guardrail.Check.ShouldBe(GuardrailCheck.AccessNotGranted);
        guardrail.PolicyType.ShouldBe(CheckPolicyType.Identity);
        guardrail.Actions.ShouldBe(["s3:DeleteObject", "dynamodb:Delete*"]);
        guardrail.Resources.ShouldBe(["arn:aws:s3:::prod-*/*", "*"]);
        guardrail.ReferencePolicyJson.ShouldBeNull();
    }

    [Fact]
    public void A_no_new_access_file_keeps_its_reference_text()
    {
        var guardrail = GuardrailCatalog.Parse(
            """{"name":"bucket","check":"no-new-access","policyType":"resource","summary":"s","appliesTo":"a","reference":{"Version":"2012-10-17","Statement":[]}}""", File);
        guardrail.Check.ShouldBe(GuardrailCheck.NoNewAccess);
        guardrail.PolicyType.ShouldBe(CheckPolicyType.Resource);
        guardrail.ReferencePolicyJson.ShouldBe("""{"Version":"2012-10-17","Statement":[]}""");
        guardrail.Actions.ShouldBeEmpty();
        guardrail.Resources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"name":""", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    [InlineData("""[1,2]""", "must be a JSON object, not an array")]
    [InlineData("""{"check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"name\" is missing")]
    [InlineData("""{"name":"Upper","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"name\" is \"Upper\"")]
    [InlineData("""{"name":"a--b","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"name\" is \"a--b\"")]
    [InlineData("""{"name":7,"check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"name\" must be a non-empty string, not a number")]
    [InlineData("""{"name":"x","check":"no-public-access","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"check\" is \"no-public-access\"; expected \"no-new-access\" or \"access-not-granted\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"scp","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"policyType\" is \"scp\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"two\nlines","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"summary\" must be one line")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":" ","actions":["s3:GetObject"]}""", "field \"appliesTo\" must be one line")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","actions":["s3:GetObject"]}""", "field \"appliesTo\" is missing")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","Actions":["s3:GetObject"]}""", "field \"Actions\" is not a guard-rail field; did you mean \"actions\"?")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"],"severity":"high"}""", "field \"severity\" is not a guard-rail field")]
    [InlineData("""{"name":"x","name":"y","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"]}""", "field \"name\" appears twice")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a"}""", "field \"actions\" is missing")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":"s3:GetObject"}""", "field \"actions\" must be an array of strings, not \"s3:GetObject\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":[]}""", "field \"actions\" has 0 entries")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject",null]}""", "field \"actions[1]\" must be a non-empty string")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":[" s3:GetObject"]}""", "field \"actions[0]\" must be a non-empty string without surrounding spaces")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3GetObject"]}""", "field \"actions[0]\" is \"s3GetObject\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:Get Object"]}""", "field \"actions[0]\" is \"s3:Get Object\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject","S3:getobject"]}""", "field \"actions[1]\" repeats \"S3:getobject\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"],"resources":["my-bucket"]}""", "field \"resources[0]\" is \"my-bucket\"")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"],"resources":{}}""", "field \"resources\" must be an array of strings, not an object")]
    [InlineData("""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":["s3:GetObject"],"reference":{"Statement":[]}}""", "field \"reference\" does not belong in a guard-rail whose check is access-not-granted")]
    [InlineData("""{"name":"x","check":"no-new-access","policyType":"identity","summary":"s","appliesTo":"a"}""", "field \"reference\" is missing")]
    [InlineData("""{"name":"x","check":"no-new-access","policyType":"identity","summary":"s","appliesTo":"a","reference":"policy.json"}""", "field \"reference\" must be an IAM policy document")]
    [InlineData("""{"name":"x","check":"no-new-access","policyType":"identity","summary":"s","appliesTo":"a","reference":{"Version":"2012-10-17"}}""", "field \"reference\" must be an IAM policy document")]
    [InlineData("""{"name":"x","check":"no-new-access","policyType":"identity","summary":"s","appliesTo":"a","reference":{"Statement":[]},"actions":["s3:GetObject"]}""", "field \"actions\" does not belong in a guard-rail whose check is no-new-access")]
    public void A_malformed_file_names_the_file_and_the_field(string json, string expected)
    {
        var error = Should.Throw<FormatException>(() => GuardrailCatalog.Parse(json, File));
        error.Message.ShouldStartWith($"guard-rail {File}: ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Too_many_actions_are_refused_with_the_limit()
    {
        var actions = string.Join(",", Enumerable.Range(0, AccessAnalyzerLimits.MaxAccessEntries + 1).Select(i => $"\"s3:Action{i}\""));
        var error = Should.Throw<FormatException>(() => GuardrailCatalog.Parse(
            $$"""{"name":"x","check":"access-not-granted","policyType":"identity","summary":"s","appliesTo":"a","actions":[{{actions}}]}""", File));
        error.Message.ShouldContain($"field \"actions\" has {AccessAnalyzerLimits.MaxAccessEntries + 1} entries; it needs 1 to {AccessAnalyzerLimits.MaxAccessEntries}");
    }

    [Fact]
    public void An_overlong_resource_is_refused()
    {
        var arn = "arn:aws:s3:::" + new string('b', AccessAnalyzerLimits.MaxResourceLength);
        Should.Throw<FormatException>(() => GuardrailCatalog.Parse(AccessNotGranted($$""","resources":["{{arn}}"]"""), File))
            .Message.ShouldContain("field \"resources[0]\" is");
    }

    [Fact]
    public void A_huge_file_is_refused_before_parsing()
    {
        var huge = AccessNotGranted(",\"summary2\":\"" + new string('x', GuardrailReader.MaxFileCharacters) + "\"");
        Should.Throw<FormatException>(() => GuardrailCatalog.Parse(huge, File)).Message.ShouldContain($"a guard-rail file may have at most {GuardrailReader.MaxFileCharacters}");
    }

    [Fact]
    public void Deeply_nested_json_is_a_format_error_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Should.Throw<FormatException>(() => GuardrailCatalog.Parse(deep, File)).Message.ShouldContain("is not valid JSON");
    }

    [Fact]
    public void Two_guard_rails_with_one_name_cannot_share_a_catalog()
    {
        var one = GuardrailCatalog.Parse(AccessNotGranted(), File);
        Should.Throw<ArgumentException>(() => new GuardrailCatalog([one, one with { Name = "No-Deletes" }])).Message.ShouldContain("two guard-rails are named");
    }
}
