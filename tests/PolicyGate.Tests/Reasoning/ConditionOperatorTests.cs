using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// The concrete evaluator on one condition entry: each row is an operator, the entry's policy values (JSON),
/// the request's values for the key ("|" separates several values, null means the key is absent) and whether
/// the single Allow statement then matches. Both readings of the policy must agree: a fully known policy leaves
/// nothing for them to decide.
/// </summary>
public class ConditionOperatorTests
{
    private const string Key = "test:Key";

    public static bool Allows(string op, string policyValues, string? requestValues, string key = Key)
    {
        var policy = Policy($$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{{Condition(op, key, policyValues)}}}""");
        var context = requestValues is null ? [] : new[] { KeyValuePair.Create(key, requestValues.Split('|').ToImmutableArray()) };
        var request = AccessRequest.Of(null, "s3:GetObject", "arn:aws:s3:::b/x", context);
        var broadest = PolicyEvaluator.Evaluate(Read(policy, PolicyReading.Broadest), request);
        var narrowest = PolicyEvaluator.Evaluate(Read(policy, PolicyReading.Narrowest), request);
        if (requestValues?.Contains('|', StringComparison.Ordinal) is not true || op.StartsWith("For", StringComparison.Ordinal))
        {
            narrowest.Decision.ShouldBe(broadest.Decision, $"{op} {policyValues} on {requestValues ?? "(absent)"}: the readings disagree");
        }

        broadest.Decision.ShouldBeOneOf(Decision.Allow, Decision.ImplicitDeny);
        return broadest.Allowed;
    }

    [Theory]
    [InlineData("StringEquals", "\"abc\"", "abc", true)]
    [InlineData("StringEquals", "\"abc\"", "ABC", false)]
    [InlineData("StringEquals", "\"abc\"", "abcd", false)]
    [InlineData("StringEquals", "\"abc\"", null, false)]
    [InlineData("StringEquals", "[\"a\",\"b\"]", "b", true)]
    [InlineData("StringEquals", "\"a*\"", "abc", false)]
    [InlineData("StringEquals", "\"a*\"", "a*", true)]
    [InlineData("StringEquals", "\"\"", "", true)]
    [InlineData("StringNotEquals", "\"abc\"", "abc", false)]
    [InlineData("StringNotEquals", "\"abc\"", "xyz", true)]
    [InlineData("StringNotEquals", "[\"a\",\"b\"]", "a", false)]
    [InlineData("StringNotEquals", "[\"a\",\"b\"]", "c", true)]
    [InlineData("StringEqualsIgnoreCase", "\"AbC\"", "aBc", true)]
    [InlineData("StringEqualsIgnoreCase", "\"AbC\"", "abd", false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"AbC\"", "ABC", false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"AbC\"", "abd", true)]
    public void String_equality(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request).ShouldBe(allowed);

    [Theory]
    [InlineData("StringLike", "\"vpc-*\"", "vpc-1234", true)]
    [InlineData("StringLike", "\"vpc-*\"", "vpc-", true)]
    [InlineData("StringLike", "\"vpc-*\"", "VPC-1", false)]
    [InlineData("StringLike", "\"vpc-?\"", "vpc-1", true)]
    [InlineData("StringLike", "\"vpc-?\"", "vpc-12", false)]
    [InlineData("StringLike", "\"vpc-?\"", "vpc-", false)]
    [InlineData("StringLike", "\"*-prod-*\"", "app-prod-eu", true)]
    [InlineData("StringLike", "\"*-prod-*\"", "app-prod", false)]
    [InlineData("StringLike", "\"a*b*c\"", "a:b:c", true)]
    [InlineData("StringLike", "\"a*b*c\"", "acb", false)]
    [InlineData("StringLike", "\"*\"", "", true)]
    [InlineData("StringLike", "\"*\"", null, false)]
    [InlineData("StringLike", "\"${*}\"", "*", true)]
    [InlineData("StringLike", "\"${*}\"", "anything", false)]
    [InlineData("StringLike", "\"${?}x\"", "?x", true)]
    [InlineData("StringLike", "\"${?}x\"", "ax", false)]
    [InlineData("StringNotLike", "\"vpc-*\"", "vpc-1", false)]
    [InlineData("StringNotLike", "\"vpc-*\"", "subnet-1", true)]
    [InlineData("StringNotLike", "[\"a*\",\"b*\"]", "bob", false)]
    [InlineData("StringNotLike", "[\"a*\",\"b*\"]", "carol", true)]
    public void String_wildcards(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request).ShouldBe(allowed);

    [Theory]
    [InlineData("NumericEquals", "\"10\"", "10", true)]
    [InlineData("NumericEquals", "\"10\"", "10.0", true)]
    [InlineData("NumericEquals", "\"10\"", "11", false)]
    [InlineData("NumericEquals", "\"10\"", "ten", false)]
    [InlineData("NumericNotEquals", "\"10\"", "10", false)]
    [InlineData("NumericNotEquals", "\"10\"", "9", true)]
    [InlineData("NumericLessThan", "\"300\"", "299", true)]
    [InlineData("NumericLessThan", "\"300\"", "300", false)]
    [InlineData("NumericLessThan", "\"300\"", "-5", true)]
    [InlineData("NumericLessThanEquals", "\"300\"", "300", true)]
    [InlineData("NumericLessThanEquals", "\"300\"", "300.5", false)]
    [InlineData("NumericGreaterThan", "\"0.5\"", "0.51", true)]
    [InlineData("NumericGreaterThan", "\"0.5\"", "0.5", false)]
    [InlineData("NumericGreaterThanEquals", "\"3600\"", "3600", true)]
    [InlineData("NumericGreaterThanEquals", "\"3600\"", "3599", false)]
    [InlineData("NumericLessThan", "[\"1\",\"300\"]", "200", true)]
    [InlineData("NumericLessThan", "\"300\"", null, false)]
    [InlineData("NumericLessThan", "\"300\"", "abc", false)]
    public void Numeric(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request).ShouldBe(allowed);

    [Theory]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:01Z", false)]
    [InlineData("DateEquals", "\"2024-01-01\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "\"2024-01-01T02:00:00+02:00\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "\"1704067200\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "\"2024-01-01T00:00:00Z\"", "1704067200", true)]
    [InlineData("DateNotEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", false)]
    [InlineData("DateNotEquals", "\"2024-01-01T00:00:00Z\"", "2025-01-01T00:00:00Z", true)]
    [InlineData("DateLessThan", "\"2024-01-01T00:00:00Z\"", "2023-12-31T23:59:59Z", true)]
    [InlineData("DateLessThan", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", false)]
    [InlineData("DateLessThan", "\"1700000000\"", "2023-11-14T22:13:19Z", true)]
    [InlineData("DateLessThan", "\"1700000000\"", "2023-11-14T22:13:20Z", false)]
    [InlineData("DateLessThanEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "\"2024-01-01\"", "2024-01-02T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "\"2024-01-01\"", "2023-06-01T00:00:00Z", false)]
    [InlineData("DateGreaterThanEquals", "\"2024-01-01\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThanEquals", "\"2024-01-01\"", "not a date", false)]
    [InlineData("DateLessThan", "\"2024-01-01\"", null, false)]
    public void Date_in_iso_and_epoch_forms(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request, "aws:CurrentTime").ShouldBe(allowed);

    [Theory]
    [InlineData("\"true\"", "true", true)]
    [InlineData("\"true\"", "TRUE", true)]
    [InlineData("\"true\"", "false", false)]
    [InlineData("\"false\"", "false", true)]
    [InlineData("\"true\"", null, false)]
    [InlineData("true", "true", true)]
    public void Bool(string values, string? request, bool allowed) =>
        Allows("Bool", values, request, "aws:SecureTransport").ShouldBe(allowed);

    [Theory]
    [InlineData("\"QmluYXJ5VmFsdWU=\"", "QmluYXJ5VmFsdWU=", true)]
    [InlineData("\"QmluYXJ5VmFsdWU=\"", "qmluyxj5vmfsdwu=", false)]
    [InlineData("\"QmluYXJ5VmFsdWU=\"", "T3RoZXI=", false)]
    [InlineData("\"QmluYXJ5VmFsdWU=\"", null, false)]
    public void BinaryEquals(string values, string? request, bool allowed) =>
        Allows("BinaryEquals", values, request).ShouldBe(allowed);

    [Theory]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.113.7", true)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.114.7", false)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.113.0", true)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.113.255", true)]
    [InlineData("IpAddress", "\"203.0.113.9\"", "203.0.113.9", true)]
    [InlineData("IpAddress", "\"203.0.113.9\"", "203.0.113.10", false)]
    [InlineData("IpAddress", "\"203.0.113.9/32\"", "203.0.113.9", true)]
    [InlineData("IpAddress", "\"0.0.0.0/0\"", "8.8.8.8", true)]
    [InlineData("IpAddress", "[\"10.0.0.0/8\",\"192.168.0.0/16\"]", "192.168.4.4", true)]
    [InlineData("IpAddress", "\"2001:db8:1234:5678::/64\"", "2001:db8:1234:5678::1", true)]
    [InlineData("IpAddress", "\"2001:DB8:1234:5678::/64\"", "2001:db8:1234:5679::1", false)]
    [InlineData("IpAddress", "\"2001:db8::/32\"", "2001:0db8:ffff::abcd", true)]
    [InlineData("IpAddress", "\"::/0\"", "203.0.113.7", false)]
    [InlineData("IpAddress", "\"0.0.0.0/0\"", "2001:db8::1", false)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "not-an-ip", false)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", null, false)]
    [InlineData("NotIpAddress", "\"203.0.113.0/24\"", "203.0.113.7", false)]
    [InlineData("NotIpAddress", "\"203.0.113.0/24\"", "198.51.100.1", true)]
    [InlineData("NotIpAddress", "\"2001:db8::/32\"", "2001:db8::1", false)]
    [InlineData("NotIpAddress", "\"2001:db8::/32\"", "2001:db9::1", true)]
    public void IpAddress_ipv4_and_ipv6(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request, "aws:SourceIp").ShouldBe(allowed);

    [Theory]
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:111122223333:topic\"", "arn:aws:sns:us-east-1:111122223333:topic", true)]
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:111122223333:topic\"", "arn:aws:sns:us-east-1:111122223333:other", false)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:111122223333:topic", true)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:444455556666:topic", false)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sqs:eu-west-1:111122223333:q", false)]
    [InlineData("ArnLike", "\"arn:aws:iam::*:role/x\"", "arn:aws:iam::111122223333:role/x", true)]
    [InlineData("ArnLike", "\"arn:aws:iam::*:role/x\"", "arn:aws:iam::1111:2222:role/x", false)]
    [InlineData("ArnLike", "\"arn:aws:s3:::bucket/*\"", "arn:aws:s3:::bucket/a:b/c", true)]
    [InlineData("ArnLike", "\"arn:aws:iam::111122223333:role/*\"", "arn:aws:iam::111122223333:role/a/b", true)]
    [InlineData("ArnLike", "\"arn:aws:iam::11112222333?:role/x\"", "arn:aws:iam::111122223334:role/x", true)]
    [InlineData("ArnLike", "\"arn:aws:sns:us-east-1:111122223333:t\"", null, false)]
    [InlineData("ArnNotLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:111122223333:topic", false)]
    [InlineData("ArnNotLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:444455556666:topic", true)]
    [InlineData("ArnNotEquals", "\"arn:aws:sns:us-east-1:111122223333:topic\"", "arn:aws:sns:us-east-1:111122223333:topic", false)]
    [InlineData("ArnNotEquals", "\"arn:aws:sns:us-east-1:111122223333:topic\"", "arn:aws:sns:us-east-1:111122223333:x", true)]
    public void Arn(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request, "aws:SourceArn").ShouldBe(allowed);

    [Theory]
    [InlineData("\"true\"", null, true)]
    [InlineData("\"true\"", "x", false)]
    [InlineData("\"false\"", null, false)]
    [InlineData("\"false\"", "x", true)]
    [InlineData("true", null, true)]
    [InlineData("\"TRUE\"", null, true)]
    public void Null(string values, string? request, bool allowed) =>
        Allows("Null", values, request, "aws:TokenIssueTime").ShouldBe(allowed);

    [Theory]
    [InlineData("StringEqualsIfExists", "\"abc\"", null, true)]
    [InlineData("StringEqualsIfExists", "\"abc\"", "abc", true)]
    [InlineData("StringEqualsIfExists", "\"abc\"", "xyz", false)]
    [InlineData("StringNotEqualsIfExists", "\"abc\"", null, true)]
    [InlineData("StringNotEqualsIfExists", "\"abc\"", "abc", false)]
    [InlineData("StringLikeIfExists", "\"a*\"", null, true)]
    [InlineData("StringLikeIfExists", "\"a*\"", "bcd", false)]
    [InlineData("NumericLessThanIfExists", "\"5\"", null, true)]
    [InlineData("NumericLessThanIfExists", "\"5\"", "6", false)]
    [InlineData("NumericLessThanIfExists", "\"5\"", "4", true)]
    [InlineData("DateGreaterThanIfExists", "\"2024-01-01\"", null, true)]
    [InlineData("DateGreaterThanIfExists", "\"2024-01-01\"", "2023-01-01T00:00:00Z", false)]
    [InlineData("BoolIfExists", "\"true\"", null, true)]
    [InlineData("BoolIfExists", "\"true\"", "false", false)]
    [InlineData("IpAddressIfExists", "\"10.0.0.0/8\"", null, true)]
    [InlineData("IpAddressIfExists", "\"10.0.0.0/8\"", "11.0.0.1", false)]
    [InlineData("NotIpAddressIfExists", "\"10.0.0.0/8\"", null, true)]
    [InlineData("NotIpAddressIfExists", "\"10.0.0.0/8\"", "10.0.0.1", false)]
    [InlineData("ArnLikeIfExists", "\"arn:aws:sns:*:111122223333:*\"", null, true)]
    [InlineData("ArnLikeIfExists", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:us-east-1:444455556666:t", false)]
    public void IfExists_makes_a_missing_key_match(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request, op.StartsWith("Date", StringComparison.Ordinal) ? "aws:CurrentTime" : op.Contains("Ip", StringComparison.Ordinal) ? "aws:SourceIp" : Key).ShouldBe(allowed);

    /// <summary>A key absent from the request: a plain operator is false, its negated twin true (IAM condition-operators page).</summary>
    [Theory]
    [InlineData("StringEquals", "\"a\"", false)]
    [InlineData("StringNotEquals", "\"a\"", true)]
    [InlineData("StringEqualsIgnoreCase", "\"a\"", false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"a\"", true)]
    [InlineData("StringLike", "\"a*\"", false)]
    [InlineData("StringNotLike", "\"a*\"", true)]
    [InlineData("NumericEquals", "\"1\"", false)]
    [InlineData("NumericNotEquals", "\"1\"", true)]
    [InlineData("DateEquals", "\"2024-01-01\"", false)]
    [InlineData("DateNotEquals", "\"2024-01-01\"", true)]
    [InlineData("IpAddress", "\"10.0.0.0/8\"", false)]
    [InlineData("NotIpAddress", "\"10.0.0.0/8\"", true)]
    [InlineData("ArnEquals", "\"arn:aws:s3:::b\"", false)]
    [InlineData("ArnNotEquals", "\"arn:aws:s3:::b\"", true)]
    [InlineData("ArnLike", "\"arn:aws:s3:::*\"", false)]
    [InlineData("ArnNotLike", "\"arn:aws:s3:::*\"", true)]
    [InlineData("Bool", "\"false\"", false)]
    [InlineData("BinaryEquals", "\"QQ==\"", false)]
    public void Missing_key(string op, string values, bool allowed) =>
        Allows(op, values, null).ShouldBe(allowed);

    [Theory]
    [InlineData("ForAllValues:StringEquals", "[\"a\",\"b\"]", null, true)]
    [InlineData("ForAllValues:StringEquals", "[\"a\",\"b\"]", "a", true)]
    [InlineData("ForAllValues:StringEquals", "[\"a\",\"b\"]", "a|b", true)]
    [InlineData("ForAllValues:StringEquals", "[\"a\",\"b\"]", "a|c", false)]
    [InlineData("ForAllValues:StringLike", "\"t*\"", "team|tier", true)]
    [InlineData("ForAllValues:StringLike", "\"t*\"", "team|env", false)]
    [InlineData("ForAllValues:StringNotEquals", "\"a\"", "b|c", true)]
    [InlineData("ForAllValues:StringNotEquals", "\"a\"", "a|b", false)]
    [InlineData("ForAllValues:StringNotEquals", "\"a\"", null, true)]
    [InlineData("ForAnyValue:StringEquals", "[\"a\",\"b\"]", null, false)]
    [InlineData("ForAnyValue:StringEquals", "[\"a\",\"b\"]", "c|a", true)]
    [InlineData("ForAnyValue:StringEquals", "[\"a\",\"b\"]", "c|d", false)]
    [InlineData("ForAnyValue:StringNotEquals", "\"a\"", "a|b", true)]
    [InlineData("ForAnyValue:StringNotEquals", "\"a\"", "a", false)]
    [InlineData("ForAnyValue:StringNotEquals", "\"a\"", null, false)]
    [InlineData("ForAnyValue:StringLike", "\"prod-*\"", "dev-1|prod-2", true)]
    [InlineData("ForAnyValue:NumericLessThan", "\"5\"", "9|3", true)]
    [InlineData("ForAllValues:NumericLessThan", "\"5\"", "9|3", false)]
    [InlineData("ForAnyValue:StringEqualsIfExists", "\"a\"", null, true)]
    public void ForAllValues_and_ForAnyValue(string op, string values, string? request, bool allowed) =>
        Allows(op, values, request, "aws:TagKeys").ShouldBe(allowed);

    /// <summary>A key present with no values reads as absent: ForAllValues is then vacuously true, ForAnyValue false.</summary>
    [Fact]
    public void An_empty_multi_valued_key_is_absent()
    {
        var policy = Read(Policy("""
            {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"}}}
            """, """
            {"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}}
            """));
        KeyValuePair<string, ImmutableArray<string>>[] empty = [KeyValuePair.Create("aws:TagKeys", ImmutableArray<string>.Empty)];
        PolicyEvaluator.Evaluate(policy, AccessRequest.Of(null, "s3:GetObject", "x", empty)).Allowed.ShouldBeTrue();
        PolicyEvaluator.Evaluate(policy, AccessRequest.Of(null, "s3:PutObject", "x", empty)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Context_keys_compare_without_regard_to_case()
    {
        Allows("StringEquals", "\"abc\"", "abc", key: "AWS:SourceVpc").ShouldBeTrue();
        var policy = Read(Policy("""{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:sourcevpc":"vpc-1"}}}"""));
        PolicyEvaluator.Evaluate(policy, Request("s3:GetObject", "x", null, ("AWS:SOURCEVPC", ["vpc-1"]))).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Several_operators_and_keys_all_have_to_hold()
    {
        var policy = Read(Policy("""
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{
              "StringEquals":{"aws:SourceVpc":"vpc-1","aws:PrincipalTag/team":"red"},
              "Bool":{"aws:SecureTransport":"true"}}}
            """));
        bool Allowed(params (string, string[])[] context) => PolicyEvaluator.Evaluate(policy, Request("s3:GetObject", "x", null, context)).Allowed;
        Allowed(("aws:SourceVpc", ["vpc-1"]), ("aws:PrincipalTag/team", ["red"]), ("aws:SecureTransport", ["true"])).ShouldBeTrue();
        Allowed(("aws:SourceVpc", ["vpc-1"]), ("aws:PrincipalTag/team", ["red"])).ShouldBeFalse();
        Allowed(("aws:SourceVpc", ["vpc-1"]), ("aws:PrincipalTag/team", ["blue"]), ("aws:SecureTransport", ["true"])).ShouldBeFalse();
        Allowed(("aws:SourceVpc", ["vpc-2"]), ("aws:PrincipalTag/team", ["red"]), ("aws:SecureTransport", ["true"])).ShouldBeFalse();
    }
}
