using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>IAM's query protocol against the loopback server, and references to deployed policies by ARN.</summary>
public sealed class IamReferenceTests : IDisposable
{
    private const string Deployed = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"a b+c"}}}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}""";

    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static string Encoded(string json) => Uri.EscapeDataString(json);

    private static string Envelope(string operation, string result) =>
        $"<{operation}Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><{operation}Result>{result}</{operation}Result><ResponseMetadata><RequestId>7a62c49f</RequestId></ResponseMetadata></{operation}Response>";

    private static FakeResponse Iam(FakeAwsCall call) => call.Operation switch
    {
        "GetPolicy" => FakeResponse.Xml(Envelope("GetPolicy", $"<Policy><PolicyName>Deployed</PolicyName><Arn>{call.Form["PolicyArn"]}</Arn><DefaultVersionId>v3</DefaultVersionId><IsAttachable>true</IsAttachable></Policy>")),
        "GetPolicyVersion" when call.Form["VersionId"] == "v3" => FakeResponse.Xml(Envelope("GetPolicyVersion", $"<PolicyVersion><Document>{Encoded(Deployed)}</Document><VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>")),
        "GetRole" => FakeResponse.Xml(Envelope("GetRole", $"<Role><RoleName>{call.Form["RoleName"]}</RoleName><AssumeRolePolicyDocument>{Encoded(Trust)}</AssumeRolePolicyDocument></Role>")),
        "GetRolePolicy" or "GetUserPolicy" or "GetGroupPolicy" => FakeResponse.Xml(Envelope(call.Operation, $"<PolicyName>{call.Form["PolicyName"]}</PolicyName><PolicyDocument>{Encoded(Deployed.Replace("GetObject", call.Operation))}</PolicyDocument>")),
        "ListAttachedRolePolicies" when !call.Form.ContainsKey("Marker") => FakeResponse.Xml(Envelope("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>A</PolicyName><PolicyArn>arn:aws:iam::aws:policy/A</PolicyArn></member></AttachedPolicies><IsTruncated>true</IsTruncated><Marker>m2</Marker>")),
        "ListAttachedRolePolicies" => FakeResponse.Xml(Envelope("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>B</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/B</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>")),
        _ => FakeResponse.IamError(404, "NoSuchEntity", "The policy with name x cannot be found."),
    };

    [Fact]
    public async Task Managed_policy_reference_reads_the_default_version_decoded()
    {
        using var server = new FakeAwsServer(Iam);
        using var engine = await _kit.EngineAsync(_kit.Options(server));
        var source = new DeployedPolicySource(engine.Iam);

        var policy = await source.FetchAsync(DeployedPolicyReference.Parse("arn:aws:iam::123456789012:policy/team/Deployed"), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        policy.Document.ShouldBe(Deployed);
        policy.Origin.ShouldBe("arn:aws:iam::123456789012:policy/team/Deployed version v3 (default)");
        server.Calls.Select(c => c.Operation).ShouldBe(["GetPolicy", "GetPolicyVersion"]);
        server.Calls.ShouldAllBe(c => c.Form["PolicyArn"] == "arn:aws:iam::123456789012:policy/team/Deployed");
        engine.Statistics.ShouldBe(new AwsCallStatistics(2, 0, 0, 0));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/service/app-role", null, "GetRole", "RoleName", "app-role")]
    [InlineData("arn:aws:iam::123456789012:role/app-role", "inline-1", "GetRolePolicy", "RoleName", "app-role")]
    [InlineData("arn:aws:iam::123456789012:user/alice", "inline-2", "GetUserPolicy", "UserName", "alice")]
    [InlineData("arn:aws:iam::123456789012:group/devs", "inline-3", "GetGroupPolicy", "GroupName", "devs")]
    public async Task Role_user_and_group_references_read_the_right_document(string arn, string? policyName, string operation, string nameParameter, string name)
    {
        using var server = new FakeAwsServer(Iam);
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var policy = await new DeployedPolicySource(engine.Iam).FetchAsync(DeployedPolicyReference.Parse(arn, policyName), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        var call = server.Calls.ShouldHaveSingleItem();
        call.Operation.ShouldBe(operation);
        call.Form[nameParameter].ShouldBe(name);
        if (policyName is null)
        {
            policy.Document.ShouldBe(Trust);
            policy.Origin.ShouldBe($"the trust policy of {arn}");
        }
        else
        {
            call.Form["PolicyName"].ShouldBe(policyName);
            policy.Document.ShouldBe(Deployed.Replace("GetObject", operation));
        }
    }

    [Fact]
    public async Task Attached_role_policies_follow_markers()
    {
        using var server = new FakeAwsServer(Iam);
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var attached = await engine.Iam.ListAttachedRolePoliciesAsync("app-role", AwsPartition.Aws, CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        attached.ShouldBe([new IamAttachedPolicy("A", "arn:aws:iam::aws:policy/A"), new IamAttachedPolicy("B", "arn:aws:iam::123456789012:policy/B")]);
        server.Calls.Select(c => c.Form.GetValueOrDefault("Marker")).ShouldBe([null, "m2"]);
    }

    [Fact]
    public async Task Iam_errors_are_unavailable_with_the_code_and_throttling_is_retried()
    {
        var calls = 0;
        using var server = new FakeAwsServer(call => call.Operation == "GetRole" && Interlocked.Increment(ref calls) == 1
            ? FakeResponse.IamError(400, "Throttling", "Rate exceeded")
            : call.Form.GetValueOrDefault("PolicyName") == "nope-policy"
                ? FakeResponse.IamError(404, "NoSuchEntity", "The user policy with name nope-policy cannot be found.")
                : Iam(call));
        using var engine = await _kit.EngineAsync(_kit.Options(server));
        var source = new DeployedPolicySource(engine.Iam);

        var trust = await source.FetchAsync(DeployedPolicyReference.Parse("arn:aws:iam::123456789012:role/r"), CancellationToken.None);
        var missing = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => source.FetchAsync(DeployedPolicyReference.Parse("arn:aws:iam::123456789012:user/u", "nope-policy"), CancellationToken.None));

        trust.Document.ShouldBe(Trust);
        engine.Statistics.Retries.ShouldBe(1);
        missing.Message.ShouldContain("NoSuchEntity (HTTP 404)");
        missing.Message.ShouldContain("GetUserPolicy");
    }

    [Theory]
    [InlineData("<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName></Role></GetRoleResult></GetRoleResponse>", "AssumeRolePolicyDocument")]
    [InlineData("<GetRoleResponse><GetRoleResult><Role><AssumeRolePolicyDocument>%7Bnot%20json</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>", "not JSON")]
    [InlineData("<GetRoleResponse><GetRoleResult><Role><AssumeRolePolicyDocument>%5B%5D</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>", "not a JSON object")]
    [InlineData("<GetRoleResponse><GetRoleResult><Role>", "not valid XML")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><GetRoleResponse>&e;</GetRoleResponse>", "not valid XML")]
    [InlineData("<ListRolesResponse/>", "GetRoleResponse")]
    public async Task Malformed_iam_answers_are_unavailable(string xml, string expected)
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Xml(xml));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.Iam.GetRoleTrustPolicyAsync("r", AwsPartition.Aws, CancellationToken.None));

        error.Message.ShouldContain("malformed");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:policy/Name", null, DeployedPolicyKind.ManagedPolicy, "aws")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", null, DeployedPolicyKind.ManagedPolicy, "aws")]
    [InlineData("arn:aws-cn:iam::123456789012:role/r", null, DeployedPolicyKind.RoleTrustPolicy, "aws-cn")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/a/b/r", "p", DeployedPolicyKind.RoleInlinePolicy, "aws-us-gov")]
    public void Parses_references(string arn, string? policyName, DeployedPolicyKind kind, string partition)
    {
        var reference = DeployedPolicyReference.Parse(arn, policyName);

        reference.Kind.ShouldBe(kind);
        reference.Partition.Id.ShouldBe(partition);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket", null, "not an IAM")]
    [InlineData("arn:aws:iam::12345:role/r", null, "not an IAM")]
    [InlineData("arn:aws-iso:iam::123456789012:role/r", null, "aws-iso")]
    [InlineData("arn:aws:iam::123456789012:user/u", null, "name the inline policy")]
    [InlineData("arn:aws:iam::123456789012:policy/p", "inline", "does not apply")]
    [InlineData("arn:aws:iam::aws:role/r", null, "only managed policies")]
    [InlineData("arn:aws:iam::123456789012:role/r\nx", null, "not an IAM")]
    public void Rejects_bad_references(string arn, string? policyName, string expected) =>
        Should.Throw<ArgumentException>(() => DeployedPolicyReference.Parse(arn, policyName)).Message.ShouldContain(expected);
}
