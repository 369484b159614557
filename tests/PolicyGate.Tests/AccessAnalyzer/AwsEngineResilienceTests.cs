using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>Cost and failure behaviour against the loopback server: cache, concurrency bound, retries, budget, fail-closed.</summary>
public sealed class AwsEngineResilienceTests : IDisposable
{
    private const string Policy = AwsEngineLoopbackTests.Policy;
    private const string Existing = AwsEngineLoopbackTests.Existing;

    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static CheckNoNewAccessRequest NoNewAccess(string policy = Policy) => new(new(policy), new(Existing), CheckPolicyType.Identity);

    [Fact]
    public async Task Second_run_answers_from_the_cache_without_calling()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("FAIL", "new access", """[{"description":"d","statementIndex":0}]"""));
        var options = _kit.Options(server);
        PolicyCheckResult first;
        using (var engine = await _kit.EngineAsync(options))
        {
            first = await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);
            engine.Statistics.ShouldBe(new AwsCallStatistics(1, 1, 0, 0));
        }

        using var secondRun = await _kit.EngineAsync(options);
        var second = await secondRun.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);
        var other = await secondRun.CheckNoNewAccessAsync(NoNewAccess(Policy.Replace("GetObject", "PutObject")), CancellationToken.None);

        (second.Result, second.Message, second.Engine).ShouldBe((first.Result, first.Message, first.Engine));
        second.Reasons.ShouldBe(first.Reasons);
        other.Result.ShouldBe(CheckVerdict.Fail);
        server.Calls.Count.ShouldBe(2);
        secondRun.Statistics.ShouldBe(new AwsCallStatistics(1, 1, 1, 0));
        Directory.EnumerateFiles(_kit.CacheDirectory, "*.json", SearchOption.AllDirectories).Count().ShouldBe(2);
    }

    [Fact]
    public async Task No_cache_calls_every_time_and_writes_nothing()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { UseCache = false });

        await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);
        await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);

        server.Calls.Count.ShouldBe(2);
        engine.Statistics.CacheHits.ShouldBe(0);
        Directory.Exists(_kit.CacheDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_a_miss_and_is_replaced()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        var options = _kit.Options(server);
        using (var engine = await _kit.EngineAsync(options))
        {
            await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);
        }

        var entry = Directory.EnumerateFiles(_kit.CacheDirectory, "*.json", SearchOption.AllDirectories).Single();
        File.WriteAllText(entry, """{"result":"PA""");
        using var again = await _kit.EngineAsync(options);

        (await again.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None)).Result.ShouldBe(CheckVerdict.Pass);

        server.Calls.Count.ShouldBe(2);
        again.Statistics.CacheHits.ShouldBe(0);
        File.ReadAllText(entry).ShouldContain("\"PASS\"");
    }

    [Fact]
    public async Task Failures_are_never_cached()
    {
        var fail = true;
        using var server = new FakeAwsServer(_ => Volatile.Read(ref fail) ? FakeResponse.AaError(403, "AccessDeniedException", "no") : FakeResponse.Check("PASS"));
        var options = _kit.Options(server);
        using (var engine = await _kit.EngineAsync(options))
        {
            await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None));
        }

        Volatile.Write(ref fail, false);
        using var again = await _kit.EngineAsync(options);
        (await again.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None)).Result.ShouldBe(CheckVerdict.Pass);
        again.Statistics.CacheHits.ShouldBe(0);
    }

    [Fact]
    public void Cache_key_depends_on_operation_and_body_only()
    {
        var a = AccessAnalyzerRequests.CheckNoNewAccess(Policy, Existing, CheckPolicyType.Identity);
        var b = AccessAnalyzerRequests.CheckNoNewAccess(Policy, Existing, CheckPolicyType.Identity);
        var resource = AccessAnalyzerRequests.CheckNoNewAccess(Policy, Existing, CheckPolicyType.Resource);

        a.CacheKey.ShouldBe(b.CacheKey);
        a.CacheKey.ShouldNotBe(resource.CacheKey);
        a.CacheKey.ShouldMatch("^[0-9a-f]{64}$");
        IamQuery.Request("GetRole", AwsPartition.Aws, ("RoleName", "r")).Cacheable.ShouldBeFalse();
    }

    [Fact]
    public async Task Never_more_calls_in_flight_than_the_bound()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS") with { Delay = TimeSpan.FromMilliseconds(150) });
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { MaxConcurrency = 3, UseCache = false });

        var checks = Enumerable.Range(0, 12).Select(i => engine.CheckNoNewAccessAsync(NoNewAccess(Policy.Replace("Read", $"Read{i}")), CancellationToken.None));
        var results = await Task.WhenAll(checks);

        results.ShouldAllBe(r => r.Result == CheckVerdict.Pass);
        server.Calls.Count.ShouldBe(12);
        server.MaxInFlight.ShouldBeLessThanOrEqualTo(3);
        server.MaxInFlight.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Throttling_is_retried_after_retry_after_then_succeeds()
    {
        var attempts = 0;
        using var server = new FakeAwsServer(_ => Interlocked.Increment(ref attempts) switch
        {
            1 => FakeResponse.AaError(429, "ThrottlingException", "Rate exceeded") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "3", ["X-Amzn-ErrorType"] = "ThrottlingException" } },
            2 => FakeResponse.AaError(500, "InternalServerException", "oops"),
            _ => FakeResponse.Check("PASS"),
        });
        using var engine = await _kit.EngineAsync(_kit.Options(server), new FixedJitter(0.5));

        var result = await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);

        result.Result.ShouldBe(CheckVerdict.Pass);
        server.Calls.Count.ShouldBe(3);
        _kit.Clock.Delays.ShouldBe([TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100)]);
        engine.Statistics.ShouldBe(new AwsCallStatistics(1, 1, 0, 2));
    }

    [Fact]
    public async Task Backoff_grows_exponentially_then_the_call_fails_closed()
    {
        using var server = new FakeAwsServer(_ => new FakeResponse(400, """{"__type":"com.amazonaws#ThrottlingException","message":"Rate exceeded"}"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server), new FixedJitter(0.999999));

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None));

        server.Calls.Count.ShouldBe(4);
        _kit.Clock.Delays.Select(d => Math.Round(d.TotalMilliseconds)).ShouldBe([100, 200, 400]);
        error.Message.ShouldContain("CheckNoNewAccess");
        error.Message.ShouldContain("ThrottlingException");
        error.Message.ShouldContain("after 4 attempts");
        engine.Statistics.ShouldBe(new AwsCallStatistics(1, 1, 0, 3));
    }

    [Fact]
    public void Backoff_is_capped_and_jittered_below_its_ceiling()
    {
        var policy = new AwsRetryPolicy { MaxAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        policy.DelayBefore(8, null, 0.999).ShouldBe(TimeSpan.FromMilliseconds(999));
        policy.DelayBefore(2, null, 0.25).ShouldBe(TimeSpan.FromMilliseconds(50));
        policy.DelayBefore(10, null, 0.5).ShouldBeNull();
        policy.DelayBefore(1, TimeSpan.FromMinutes(5), 0.5).ShouldBeNull();
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_fails_at_once()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.AaError(429, "ThrottlingException", "slow down") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } });
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None));

        server.Calls.Count.ShouldBe(1);
        _kit.Clock.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_budget_stops_calls_but_not_cache_hits()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { MaxAwsCalls = 2 });

        await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);
        await engine.CheckNoNewAccessAsync(NoNewAccess(Policy.Replace("Read", "Other")), CancellationToken.None);
        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(Policy.Replace("Read", "Third")), CancellationToken.None));
        var cached = await engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None);

        error.Message.ShouldContain("budget of 2 calls");
        error.Message.ShouldContain("max-aws-calls");
        cached.Result.ShouldBe(CheckVerdict.Pass);
        server.Calls.Count.ShouldBe(2);
        engine.Statistics.ShouldBe(new AwsCallStatistics(2, 2, 1, 0));
    }

    [Fact]
    public async Task A_split_check_over_budget_fails_rather_than_passing_on_the_parts_it_could_afford()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { MaxAwsCalls = 2, MaxConcurrency = 1 });
        var actions = Enumerable.Range(0, 300).Select(i => $"s3:A{i}").ToArray();

        await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckAccessNotGrantedAsync(new(new(Policy), [.. actions], [], CheckPolicyType.Identity), CancellationToken.None));

        server.Calls.Count.ShouldBeLessThanOrEqualTo(2);
    }

    [Theory]
    [InlineData(200, "not json at all", "not valid JSON")]
    [InlineData(200, """{"message":"no verdict"}""", "\"result\"")]
    [InlineData(200, """{"result":"MAYBE"}""", "MAYBE")]
    [InlineData(200, """{"result":"PASS","reasons":{"x":1}}""", "\"reasons\" is not a list")]
    [InlineData(200, """{"result":"FAIL","reasons":[{"statementIndex":-1}]}""", "statementIndex")]
    [InlineData(200, """["PASS"]""", "not a JSON object")]
    [InlineData(200, "<html>captive portal</html>", "not valid JSON")]
    [InlineData(403, """{"message":"User is not authorized to perform access-analyzer:CheckNoNewAccess"}""", "access-analyzer:CheckNoNewAccess")]
    [InlineData(400, """{"message":"Invalid policy","reason":"fieldValidationFailed"}""", "was refused")]
    [InlineData(302, "", "HTTP302")]
    public async Task Anything_but_a_well_formed_answer_is_unavailable_never_pass(int status, string body, string expected)
    {
        using var server = new FakeAwsServer(_ => new FakeResponse(status, body));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None));

        error.Message.ShouldContain(expected);
        server.Calls.Count.ShouldBe(1);
        Directory.Exists(_kit.CacheDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_validation_answer_with_an_unknown_finding_type_is_unavailable()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Json("""{"findings":[{"findingDetails":"d","findingType":"FATAL","issueCode":"X","learnMoreLink":"l","locations":[]}]}"""));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        (await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.ValidatePolicyAsync(new(new(Policy), ValidatePolicyType.Identity), CancellationToken.None)))
            .Message.ShouldContain("FATAL");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_and_is_unavailable()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS") with { Delay = TimeSpan.FromSeconds(30) });
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { AttemptTimeout = TimeSpan.FromMilliseconds(200), Retry = new AwsRetryPolicy { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None));

        error.Message.ShouldContain("timed out");
        error.Message.ShouldContain("after 2 attempts");
        server.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_unavailable()
    {
        using var engine = await _kit.EngineAsync(_kit.Options(new FakeAwsServer(_ => FakeResponse.Check("PASS"))) with { EndpointUrl = FakeAwsServer.ClosedUrl() });

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoPublicAccessAsync(new(new(Policy), "AWS::SQS::Queue"), CancellationToken.None));

        error.Message.ShouldContain("connection failed");
        engine.Statistics.Retries.ShouldBe(3);
    }

    [Fact]
    public async Task An_oversized_answer_is_unavailable()
    {
        var padding = new string(' ', 9 * 1024 * 1024);
        using var server = new FakeAwsServer(_ => FakeResponse.Json("{\"result\":\"PASS\"" + padding + "}"));
        using var engine = await _kit.EngineAsync(_kit.Options(server));

        (await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(NoNewAccess(), CancellationToken.None)))
            .Message.ShouldContain("larger than");
    }
}
