using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Text;

namespace PolicyGate.Tests.Iam;

public class IamCatalogTests
{
    private static IamCatalog Catalog => IamTestKit.Catalog;

    [Fact]
    public void The_embedded_catalog_is_complete_and_matches_the_version_constant()
    {
        Catalog.PackageName.ShouldBe(IamCatalogVersion.Package);
        Catalog.PackageVersion.ShouldBe(IamCatalogVersion.PackageVersion);
        Catalog.DataDate.ShouldBe(IamCatalogVersion.DataDate);
        Catalog.Services.Count().ShouldBeGreaterThan(400);
        Catalog.ActionCount.ShouldBeGreaterThan(20_000);
        Catalog.GlobalConditionKeys.Length.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void The_resource_is_small_and_has_no_descriptions()
    {
        var path = Path.Combine(IamTestKit.RepoRoot(), "src", "PolicyGate", "Iam", "Catalog", "iam-catalog.txt.gz");
        new FileInfo(path).Length.ShouldBeLessThan(1024 * 1024);
        using var stream = File.OpenRead(path);
        using var unzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        var text = new StreamReader(unzip).ReadToEnd();
        text.ShouldNotContain("Grants permission");
    }

    [Fact]
    public void Actions_are_found_without_regard_to_case_with_their_facts()
    {
        var get = Catalog.Action("S3", "getobject").ShouldNotBeNull();
        get.FullName.ShouldBe("s3:GetObject");
        get.Level.ShouldBe(AccessLevel.Read);
        get.ResourceTypes.Select(r => r.Name).ShouldContain("object");
        get.SupportsConditionKey("s3:ExistingObjectTag/owner").ShouldBeTrue();
        Catalog.Action("sns", "Receive").ShouldBeNull();
        Catalog.Action("nosuchservice", "Get").ShouldBeNull();
        Catalog.Service("sns")!.Action("Publish").ShouldNotBeNull();
    }

    [Fact]
    public void Actions_support_the_keys_of_their_resource_types()
    {
        // rds:DatabaseEngine is listed on the db resource type, not on the action itself.
        Catalog.Action("rds", "AddTagsToResource")!.SupportsConditionKey("rds:DatabaseEngine").ShouldBeTrue();
    }

    [Fact]
    public void Wildcard_actions_expand_against_the_catalog()
    {
        var matches = Catalog.ActionsMatching(Glob.Parse("iam:PassRol?", ignoreCase: true), "iam").Select(a => a.FullName).ToList();
        matches.ShouldBe(["iam:PassRole"]);
        Catalog.ActionsMatching(Glob.Parse("s3:get*", ignoreCase: true)).Count().ShouldBeGreaterThan(20);
    }

    [Theory]
    [InlineData("aws:SourceIp", ConditionKeyStatus.Known, ConditionKeyType.IpAddress)]
    [InlineData("AWS:sourceip", ConditionKeyStatus.Known, ConditionKeyType.IpAddress)]
    [InlineData("aws:PrincipalTag/team", ConditionKeyStatus.Known, ConditionKeyType.String)]
    [InlineData("aws:TagKeys", ConditionKeyStatus.Known, ConditionKeyType.ArrayOfString)]
    [InlineData("s3:prefix", ConditionKeyStatus.Known, ConditionKeyType.String)]
    [InlineData("s3:ExistingObjectTag/owner", ConditionKeyStatus.Known, ConditionKeyType.String)]
    [InlineData("codebuild:secondaryArtifacts/out.location", ConditionKeyStatus.Known, ConditionKeyType.Unknown)]
    [InlineData("aws:NoSuchKey", ConditionKeyStatus.UnknownGlobalKey, ConditionKeyType.Unknown)]
    [InlineData("s3:NoSuchKey", ConditionKeyStatus.UnknownServiceKey, ConditionKeyType.Unknown)]
    [InlineData("nosuchservice:Key", ConditionKeyStatus.UnknownService, ConditionKeyType.Unknown)]
    [InlineData("token.actions.githubusercontent.com:sub", ConditionKeyStatus.ProviderKey, ConditionKeyType.Unknown)]
    [InlineData("accounts.google.com:aud", ConditionKeyStatus.ProviderKey, ConditionKeyType.Unknown)]
    [InlineData("SourceIp", ConditionKeyStatus.InvalidFormat, ConditionKeyType.Unknown)]
    [InlineData("aws:", ConditionKeyStatus.InvalidFormat, ConditionKeyType.Unknown)]
    public void Condition_keys_are_looked_up_with_their_types(string key, ConditionKeyStatus status, ConditionKeyType type)
    {
        var lookup = Catalog.ConditionKey(key);
        lookup.Status.ShouldBe(status);
        if (status == ConditionKeyStatus.Known && type != ConditionKeyType.Unknown)
        {
            lookup.Key!.Type.ShouldBe(type);
        }
    }

    [Fact]
    public void Suggestions_name_the_closest_action_and_service()
    {
        Catalog.Suggest("s3", "GetObjects").ShouldBe("s3:GetObject");
        Catalog.Suggest("s3", "Zzzzzzzzzzzzzzzzzzzzzz").ShouldBeNull();
        Catalog.Suggest("s3", new string('x', 100_000)).ShouldBeNull();
        Catalog.SuggestService("s4").ShouldNotBeNull();
    }

    [Fact]
    public void Resource_types_are_grouped_by_the_service_of_their_arns()
    {
        Catalog.ResourceTypesForArnService("iam").ShouldContain(t => t.Name == "role" && t.HasAccount && !t.HasRegion);
        Catalog.ResourceTypesForArnService("backup").ShouldContain(t => t.ResourcePart.StartsWith("${ResourceType}", StringComparison.Ordinal), "formats with a placeholder service belong to their own service");
        Catalog.IsArnService("s3").ShouldBeTrue();
        Catalog.IsArnService("s4").ShouldBeFalse();
    }

    [Fact]
    public void A_damaged_resource_is_rejected_clearly()
    {
        Should.Throw<InvalidDataException>(() => IamCatalogResource.Parse(new StringReader("not a catalog\n")));
        Should.Throw<InvalidDataException>(() => IamCatalogResource.Parse(new StringReader("policygate-iam-catalog\t1\naction\tX\tR\t\t\n")));
    }

    [Fact]
    public void Partitions_and_regions_are_recognised_by_shape()
    {
        AwsPartitions.IsPartition("aws-us-gov").ShouldBeTrue();
        AwsPartitions.IsPartition("amazon").ShouldBeFalse();
        AwsPartitions.IsRegion("eu-west-1").ShouldBeTrue();
        AwsPartitions.IsRegion("us-gov-west-1").ShouldBeTrue();
        AwsPartitions.IsRegion("cn-north-1").ShouldBeTrue();
        AwsPartitions.IsRegion("us-east").ShouldBeFalse();
        AwsPartitions.IsRegion("mars-north-1").ShouldBeFalse();
    }
}
