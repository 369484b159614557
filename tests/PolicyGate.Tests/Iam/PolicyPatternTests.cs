using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Iam.Text;

namespace PolicyGate.Tests.Iam;

public class PolicyPatternTests
{
    [Fact]
    public void Splits_literals_wildcards_and_variables()
    {
        var p = PolicyPattern.Parse("arn:aws:s3:::b/${aws:username}/*?", wildcards: true);
        p.Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Literal, SegmentKind.Variable, SegmentKind.Literal, SegmentKind.AnyString, SegmentKind.AnyChar]);
        p.Variables.Single().ShouldBe(new PolicyVariable("aws:username", null));
        p.Segments[1].Start.ShouldBe(15);
        p.Segments[1].Length.ShouldBe(15);
        p.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_defaults_and_the_escape_variables()
    {
        var p = PolicyPattern.Parse("${aws:PrincipalTag/team, 'company-wide'}-${*}${?}${$}", wildcards: true);
        p.Variables.Single().ShouldBe(new PolicyVariable("aws:PrincipalTag/team", "company-wide"));
        p.LiteralText.ShouldBe("-*?$");
        p.HasWildcards.ShouldBeFalse("${*} and ${?} are the literal characters");
    }

    [Theory]
    [InlineData("a/${aws:username", VariableProblemKind.MissingBrace)]
    [InlineData("${aws:username, none}", VariableProblemKind.MissingQuote)]
    [InlineData("${aws:username, 'none}", VariableProblemKind.MissingQuote)]
    [InlineData("${aws: username}", VariableProblemKind.UnsupportedSpace)]
    [InlineData("${}", VariableProblemKind.Empty)]
    [InlineData("${  }", VariableProblemKind.Empty)]
    public void Reports_malformed_variables(string text, VariableProblemKind kind) =>
        PolicyPattern.Parse(text, wildcards: true).Problems.ShouldHaveSingleItem().Kind.ShouldBe(kind);

    [Fact]
    public void Wildcards_are_literal_when_the_element_does_not_match_patterns()
    {
        var p = PolicyPattern.Parse("team-*", wildcards: false);
        p.IsLiteral.ShouldBeTrue();
        p.HasWildcards.ShouldBeFalse();
    }

    [Fact]
    public void Unknown_parts_from_templates_are_explicit()
    {
        var text = "arn:aws:s3:::{Ref:Bucket}/*";
        var p = PolicyPattern.Parse(text, ImmutableArray.Create(new UnknownSegment(13, 12, "Ref Bucket")), wildcards: true);
        p.HasUnknowns.ShouldBeTrue();
        p.Segments.Select(s => s.Kind).ShouldBe([SegmentKind.Literal, SegmentKind.Unknown, SegmentKind.Literal, SegmentKind.AnyString]);
        Glob.From(p, false, PatternReading.Permissive).Matches("arn:aws:s3:::any-bucket/key").ShouldBeTrue();
        Glob.From(p, false, PatternReading.Strict).Matches("arn:aws:s3:::any-bucket/key").ShouldBeFalse();
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/key", "aws", "s3", "", "", "bucket/key")]
    [InlineData("arn:aws:iam::111122223333:role/a:b", "aws", "iam", "", "111122223333", "role/a:b")]
    [InlineData("arn:aws:s3:::home/${aws:username}/x", "aws", "s3", "", "", "home/${aws:username}/x")]
    [InlineData("arn:${aws:partition}:sqs:us-east-1:111122223333:q", "${aws:partition}", "sqs", "us-east-1", "111122223333", "q")]
    public void Arns_split_into_six_fields(string text, string partition, string service, string region, string account, string resource)
    {
        var arn = Arn.TryParse(text).ShouldNotBeNull();
        (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource).ShouldBe((partition, service, region, account, resource));
        text[arn.ResourceStart..].ShouldBe(resource);
    }

    [Theory]
    [InlineData("arn:aws:s3:bucket", 4)]
    [InlineData("bucket", 1)]
    [InlineData("arn:aws:s3:::b", 6)]
    public void Counts_fields_of_incomplete_arns(string text, int fields)
    {
        Arn.FieldCount(text).ShouldBe(fields);
        (Arn.TryParse(text) is not null).ShouldBe(fields >= 6);
    }
}
