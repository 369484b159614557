using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>The real engine and client against the loopback server: signatures verified, bodies checked against the model.</summary>
public sealed class AwsEngineLoopbackTests : IDisposable
{
    internal const string Policy = """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
    internal const string Existing = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task CheckNoNewAccess_returns_access_analyzers_verdict_message_and_reasons()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check(
            "FAIL",
            "The modified permissions grant new access compared to your existing policy.",
            """[{"description":"New access in the statement with index: 0.","statementIndex":0},{"description":"New access in the statement with sid: Read.","statementIndex":0,"statementId":"Read"}]"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var result = await engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new(Policy), new(Existing), CheckPolicyType.Identity), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Engine.ShouldBe("aws");
        result.Message.ShouldBe("The modified permissions grant new access compared to your existing policy.");
        result.Reasons.ShouldBe([
            new CheckReason("New access in the statement with index: 0.", 0, null),
            new CheckReason("New access in the statement with sid: Read.", 0, "Read"),
        ]);
        var call = server.Calls.ShouldHaveSingleItem();
        call.Operation.ShouldBe("CheckNoNewAccess");
        call.Json.GetProperty("newPolicyDocument").GetString().ShouldBe(Policy);
        call.Json.GetProperty("existingPolicyDocument").GetString().ShouldBe(Existing);
        call.Json.GetProperty("policyType").GetString().ShouldBe("IDENTITY_POLICY");
        engine.Statistics.ShouldBe(new AwsCallStatistics(1, 1, 0, 0));
    }

    [Fact]
    public async Task CheckAccessNotGranted_splits_long_lists_into_calls_of_at_most_100_and_fails_if_any_fails()
    {
        var actions = Enumerable.Range(0, 250).Select(i => $"s3:Action{i:000}").ToImmutableArray();
        var resources = Enumerable.Range(0, 150).Select(i => $"arn:aws:s3:::bucket-{i:000}/*").ToImmutableArray();
        using var server = new FakeAwsServer(call =>
        {
            var access = call.Json.GetProperty("access")[0];
            var grantsIt = access.GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "s3:Action201")
                && access.GetProperty("resources").EnumerateArray().Any(r => r.GetString() == "arn:aws:s3:::bucket-120/*");
            return grantsIt
                ? FakeResponse.Check("FAIL", "The policy document grants access to perform one or more of the listed actions.", """[{"description":"One or more of the listed actions in the statement with index: 0.","statementIndex":0}]""")
                : FakeResponse.Check("PASS", "The policy document does not grant access to perform the listed actions.");
        });
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { UseCache = false });

        var result = await engine.CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(new(Policy), actions, resources, CheckPolicyType.Identity), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        server.Calls.Count.ShouldBe(6);
        server.Calls.ShouldAllBe(c => c.Json.GetProperty("access")[0].GetProperty("actions").GetArrayLength() <= 100 && c.Json.GetProperty("access")[0].GetProperty("resources").GetArrayLength() <= 100);
        server.Calls.SelectMany(c => c.Json.GetProperty("access")[0].GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)).Distinct().Count().ShouldBe(250);
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Reasons.ShouldHaveSingleItem().StatementIndex.ShouldBe(0);
        engine.Statistics.CustomCheckCalls.ShouldBe(6);
    }

    [Fact]
    public async Task CheckAccessNotGranted_passes_when_every_part_passes_and_sends_only_the_lists_given()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS", "The policy document does not grant access to perform the listed actions."));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var result = await engine.CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(new(Policy), ["iam:PassRole"], [], CheckPolicyType.Resource), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        result.Result.ShouldBe(CheckVerdict.Pass);
        result.Reasons.ShouldBeEmpty();
        var access = server.Calls.ShouldHaveSingleItem().Json.GetProperty("access")[0];
        access.TryGetProperty("resources", out _).ShouldBeFalse();
        server.Calls[0].Json.GetProperty("policyType").GetString().ShouldBe("RESOURCE_POLICY");
    }

    [Fact]
    public async Task CheckAccessNotGranted_rejects_empty_lists_and_overlong_resources_without_a_call()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        await Should.ThrowAsync<ArgumentException>(() => engine.CheckAccessNotGrantedAsync(new(new(Policy), [], [], CheckPolicyType.Identity), CancellationToken.None));
        var longArn = "arn:aws:s3:::" + new string('b', 2100);
        (await Should.ThrowAsync<ArgumentException>(() => engine.CheckAccessNotGrantedAsync(new(new(Policy), ["s3:GetObject"], [longArn], CheckPolicyType.Identity), CancellationToken.None)))
            .Message.ShouldContain("2048");

        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task CheckNoPublicAccess_sends_the_resource_type_and_refuses_unsupported_ones()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS", "The resource policy does not grant public access for the given resource type."));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var result = await engine.CheckNoPublicAccessAsync(new CheckNoPublicAccessRequest(new(Policy), "AWS::S3::Bucket"), CancellationToken.None);
        var unsupported = await Should.ThrowAsync<ArgumentException>(() => engine.CheckNoPublicAccessAsync(new(new(Policy), "AWS::EC2::Instance"), CancellationToken.None));

        server.Problems.ShouldBeEmpty();
        result.Result.ShouldBe(CheckVerdict.Pass);
        server.Calls.ShouldHaveSingleItem().Json.GetProperty("resourceType").GetString().ShouldBe("AWS::S3::Bucket");
        unsupported.Message.ShouldContain("AWS::EC2::Instance");
    }

    [Fact]
    public void Supported_resource_types_are_the_models()
    {
        var model = ServiceModel.AccessAnalyzer;
        model.Shape("AccessCheckResourceType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)
            .ShouldBe(AccessAnalyzerLimits.PublicAccessResourceTypes, ignoreOrder: true);
        model.Shape("ValidatePolicyResourceType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)
            .ShouldBe(AccessAnalyzerLimits.ValidatePolicyResourceTypes, ignoreOrder: true);
        model.Shape("AccessActionsList").GetProperty("max").GetInt32().ShouldBe(AccessAnalyzerLimits.MaxAccessEntries);
        model.Shape("Resource").GetProperty("max").GetInt32().ShouldBe(AccessAnalyzerLimits.MaxResourceLength);
    }

    [Fact]
    public async Task ValidatePolicy_follows_pages_and_keeps_findings_in_order()
    {
        const string Finding = """{"findingDetails":"D#N","findingType":"#T","issueCode":"CODE_#N","learnMoreLink":"https://docs.aws.amazon.com/x","locations":[{"path":[{"value":"Statement"},{"index":0}],"span":{"start":{"line":1,"column":#N,"offset":#N},"end":{"line":1,"column":20,"offset":20}}}]}""";
        using var server = new FakeAwsServer(call => call.Query.GetValueOrDefault("nextToken") switch
        {
            null => FakeResponse.Json($$"""{"findings":[{{Finding.Replace("#N", "1").Replace("#T", "SECURITY_WARNING")}}],"nextToken":"page/2=="}"""),
            "page/2==" => FakeResponse.Json($$"""{"findings":[{{Finding.Replace("#N", "2").Replace("#T", "WARNING")}}],"nextToken":"page3"}"""),
            _ => FakeResponse.Json($$"""{"findings":[{{Finding.Replace("#N", "3").Replace("#T", "SUGGESTION")}}]}"""),
        });
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var result = await engine.ValidatePolicyAsync(new ValidatePolicyRequest(new(Policy), ValidatePolicyType.Resource, "AWS::S3::Bucket"), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        server.Calls.Count.ShouldBe(3);
        server.Calls.Select(c => c.Query.GetValueOrDefault("nextToken")).ShouldBe([null, "page/2==", "page3"]);
        server.Calls.ShouldAllBe(c => c.Json.GetProperty("validatePolicyResourceType").GetString() == "AWS::S3::Bucket");
        result.Engine.ShouldBe("aws");
        result.Findings.Select(f => (f.IssueCode, f.FindingType)).ShouldBe([
            ("CODE_1", ValidationFindingType.SecurityWarning),
            ("CODE_2", ValidationFindingType.Warning),
            ("CODE_3", ValidationFindingType.Suggestion),
        ]);
        var location = result.Findings[1].Locations.ShouldHaveSingleItem();
        (location with { Path = [] }).ShouldBe(new PolicyTextSpan(1, 2, 2, 1, 20, 20));
        location.Path.ShouldBe([new PolicyPathElement(Value: "Statement"), new PolicyPathElement(Index: 0)]);
        engine.Statistics.ShouldBe(new AwsCallStatistics(3, 0, 0, 0));
    }

    [Fact]
    public async Task ValidatePolicy_leaves_out_resource_types_without_specific_checks_and_refuses_them_for_identity_policies()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Json("""{"findings":[]}"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var result = await engine.ValidatePolicyAsync(new ValidatePolicyRequest(new(Policy), ValidatePolicyType.Resource, "AWS::KMS::Key"), CancellationToken.None);
        await Should.ThrowAsync<ArgumentException>(() => engine.ValidatePolicyAsync(new ValidatePolicyRequest(new(Policy), ValidatePolicyType.Identity, "AWS::S3::Bucket"), CancellationToken.None));

        server.Problems.ShouldBeEmpty();
        result.Findings.ShouldBeEmpty();
        var call = server.Calls.ShouldHaveSingleItem();
        call.Json.TryGetProperty("validatePolicyResourceType", out _).ShouldBeFalse();
        call.Json.GetProperty("locale").GetString().ShouldBe("EN");
    }

    [Fact]
    public async Task ValidatePolicy_reports_an_oversized_policy_instead_of_sending_it()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Json("""{"findings":[]}"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server));
        var statements = string.Join(",", Enumerable.Range(0, 400).Select(i => $$"""{"Sid":"S{{i}}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-{{i}}/*"}"""));
        var huge = $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";

        var result = await engine.ValidatePolicyAsync(new ValidatePolicyRequest(new(huge), ValidatePolicyType.Identity), CancellationToken.None);

        server.Calls.ShouldBeEmpty();
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.FindingType.ShouldBe(ValidationFindingType.Error);
        finding.IssueCode.ShouldBe("POLICY_SIZE_EXCEEDS_VALIDATE_POLICY_MAXIMUM");
        finding.Details.ShouldContain(AccessAnalyzerLimits.ValidatePolicySize(huge).ToString(System.Globalization.CultureInfo.InvariantCulture));
        engine.Statistics.CallsMade.ShouldBe(0);
    }

    [Fact]
    public async Task ValidatePolicy_whose_pages_never_end_is_unavailable()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Json("""{"findings":[],"nextToken":"same"}"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { UseCache = false });

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.ValidatePolicyAsync(new ValidatePolicyRequest(new(Policy), ValidatePolicyType.Identity), CancellationToken.None));

        error.Message.ShouldContain("page token");
        server.Calls.Count.ShouldBe(2);
    }
}
