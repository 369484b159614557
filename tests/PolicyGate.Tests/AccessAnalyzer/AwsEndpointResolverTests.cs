using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

public class AwsEndpointResolverTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    // Expected hosts are what botocore 1.43.11's endpoint rules resolve for the same region and FIPS setting.
    [Theory]
    [InlineData("us-east-1", false, "access-analyzer.us-east-1.amazonaws.com", "iam.amazonaws.com", "us-east-1")]
    [InlineData("eu-west-1", true, "access-analyzer-fips.eu-west-1.amazonaws.com", "iam-fips.amazonaws.com", "us-east-1")]
    [InlineData("cn-northwest-1", false, "access-analyzer.cn-northwest-1.amazonaws.com.cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1")]
    [InlineData("cn-north-1", true, "access-analyzer-fips.cn-north-1.amazonaws.com.cn", "iam-fips.aws-cn-global.amazonaws.com.cn", "cn-north-1")]
    [InlineData("us-gov-east-1", false, "access-analyzer.us-gov-east-1.amazonaws.com", "iam.us-gov.amazonaws.com", "us-gov-west-1")]
    [InlineData("us-gov-west-1", true, "access-analyzer.us-gov-west-1.amazonaws.com", "iam.us-gov.amazonaws.com", "us-gov-west-1")]
    public void Resolves_partition_endpoints(string region, bool fips, string accessAnalyzerHost, string iamHost, string iamSigningRegion)
    {
        var resolver = new AwsEndpointResolver(AwsRegion.Parse(region), fips, null, NoEnvironment);

        var accessAnalyzer = resolver.Resolve(AwsService.AccessAnalyzer);
        var iam = resolver.Resolve(AwsService.Iam);

        accessAnalyzer.BaseUri.ShouldBe(new Uri($"https://{accessAnalyzerHost}/"));
        accessAnalyzer.SigningRegion.ShouldBe(region);
        accessAnalyzer.SigningName.ShouldBe("access-analyzer");
        iam.BaseUri.ShouldBe(new Uri($"https://{iamHost}/"));
        iam.SigningRegion.ShouldBe(iamSigningRegion);
        iam.SigningName.ShouldBe("iam");
    }

    [Fact]
    public void Iam_follows_the_partition_it_is_asked_for()
    {
        var resolver = new AwsEndpointResolver(AwsRegion.Parse("eu-west-1"), false, null, NoEnvironment);

        var china = resolver.Resolve(AwsService.Iam, AwsPartition.China);

        china.BaseUri.Host.ShouldBe("iam.cn-north-1.amazonaws.com.cn");
        china.SigningRegion.ShouldBe("cn-north-1");
    }

    [Fact]
    public void Endpoint_overrides_apply_in_the_sdk_order()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "https://proxy.example.com",
            ["AWS_ENDPOINT_URL_IAM"] = "https://iam.vpce.example.com/base",
        };
        var fromEnvironment = new AwsEndpointResolver(AwsRegion.Parse("us-west-2"), false, null, environment.GetValueOrDefault);

        fromEnvironment.Resolve(AwsService.AccessAnalyzer).BaseUri.ShouldBe(new Uri("https://proxy.example.com/"));
        fromEnvironment.Resolve(AwsService.AccessAnalyzer).Source.ShouldBe("AWS_ENDPOINT_URL");
        fromEnvironment.Resolve(AwsService.Iam).BaseUri.ShouldBe(new Uri("https://iam.vpce.example.com/base/"));
        fromEnvironment.Resolve(AwsService.Iam).Source.ShouldBe("AWS_ENDPOINT_URL_IAM");
        fromEnvironment.Resolve(AwsService.AccessAnalyzer).SigningRegion.ShouldBe("us-west-2");

        environment["AWS_ENDPOINT_URL_ACCESSANALYZER"] = "https://aa.vpce.example.com";
        fromEnvironment.Resolve(AwsService.AccessAnalyzer).BaseUri.Host.ShouldBe("aa.vpce.example.com");

        var explicitOption = new AwsEndpointResolver(AwsRegion.Parse("us-west-2"), false, "https://explicit.example.com", environment.GetValueOrDefault);
        explicitOption.Resolve(AwsService.AccessAnalyzer).BaseUri.Host.ShouldBe("explicit.example.com");
        explicitOption.Resolve(AwsService.Iam).BaseUri.Host.ShouldBe("explicit.example.com");

        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        fromEnvironment.Resolve(AwsService.AccessAnalyzer).BaseUri.Host.ShouldBe("access-analyzer.us-west-2.amazonaws.com");
    }

    [Theory]
    [InlineData("http://proxy.example.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("not a url")]
    [InlineData("https://host.example.com/?x=1")]
    [InlineData("https://user:pw@host.example.com/")]
    public void Rejects_unsafe_or_malformed_endpoints(string url)
    {
        var resolver = new AwsEndpointResolver(AwsRegion.Parse("us-east-1"), false, url, NoEnvironment);

        Should.Throw<ArgumentException>(() => resolver.Resolve(AwsService.AccessAnalyzer)).Message.ShouldContain("endpoint URL");
    }

    [Fact]
    public void Accepts_plain_http_to_loopback_only()
    {
        new AwsEndpointResolver(AwsRegion.Parse("us-east-1"), false, "http://127.0.0.1:8080", NoEnvironment)
            .Resolve(AwsService.AccessAnalyzer).BaseUri.ShouldBe(new Uri("http://127.0.0.1:8080/"));
    }

    [Theory]
    [InlineData("us-east-1.evil.com")]
    [InlineData("US-EAST-1")]
    [InlineData("")]
    [InlineData("us-east-1/")]
    [InlineData("east")]
    public void Rejects_what_is_not_a_region(string text) => AwsRegion.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("ap-southeast-2", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Region_names_its_partition(string region, string partition) => AwsRegion.Parse(region).Partition.Id.ShouldBe(partition);
}
