using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// A finite universe of requests for brute-force checks: every constant of the grammar's pools (wildcards
/// filled in several ways, variables replaced by the values their keys can take) plus fresh values nobody
/// names. Keys a check does not mention stay absent; single-valued keys get at most one value, multi-valued keys
/// up to two.
/// </summary>
internal sealed class RequestUniverse
{
    private static readonly string[] FreshAccount = ["999988887777"];

    public static readonly string[] Principals =
    [
        .. PolicyGrammar.Accounts.Concat(FreshAccount).SelectMany(a => new[]
        {
            $"AWS:arn:aws:iam::{a}:root", $"AWS:arn:aws:iam::{a}:role/Admin", $"AWS:arn:aws:iam::{a}:role/Other",
            $"AWS:arn:aws:sts::{a}:assumed-role/Admin/s1", $"AWS:arn:aws:sts::{a}:assumed-role/Admin/s2", $"AWS:arn:aws:iam::{a}:user/bob",
        }),
        "Service:lambda.amazonaws.com", "Service:s3.amazonaws.com", "Service:other.amazonaws.com",
        "Anonymous", "Federated:accounts.google.com", "Federated:arn:aws:iam::111122223333:saml-provider/corp",
    ];

    public static readonly string[] Actions =
    [
        "s3:GetObject", "s3:getobject", "S3:GETOBJECT", "s3:Get", "s3:GetBucketPolicy", "s3:PutObject", "s3:PutXbject", "s3:Putbject", "s3:",
        "s3:DeleteObject", "ec2:DescribeInstances", "ec2:Describe", "iam:PassRole", "iam:passrole", "sqs:SendMessage", "", "*",
    ];

    public static readonly string[] Resources =
    [
        "*", "arn:aws:s3:::b/", "arn:aws:s3:::b/x", "arn:aws:s3:::b/a", "arn:aws:s3:::b/ax", "arn:aws:s3:::b/alice/x", "arn:aws:s3:::b/alice/",
        "arn:aws:s3:::b/bob/x", "arn:aws:s3:::b/zzz/x", "arn:aws:s3:::b/xx", "arn:aws:s3:::b/x/x", "arn:aws:s3:::c", "arn:aws:s3:::cx",
        "arn:aws:s3:::red", "arn:aws:s3:::blue", "arn:aws:s3:::d", "arn:aws:s3:::b/${aws:username}/x", "",
    ];

    public static readonly Dictionary<string, string[]> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:SourceVpc"] = ["vpc-1", "vpc-2", "VPC-1", "vpc-", "vpc-x", "vpc-outsider", "zzz"],
        ["aws:username"] = ["alice", "bob", "a", "ab", "red", "outsider", "zzz"],
        ["aws:PrincipalTag/team"] = ["red", "blue", "alice", "bob", "zzz"],
        ["aws:TagKeys"] = ["env", "team", "t", "tx", "zzz"],
        ["aws:SourceIp"] = ["10.0.0.1", "10.1.2.3", "10.2.0.0", "192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db9::1", "8.8.8.8", "zzz"],
        ["aws:MultiFactorAuthAge"] = ["299", "300", "301", "3600", "4000", "0.5", "0.4", "-1", "zzz"],
        ["aws:CurrentTime"] = ["2023-12-31T00:00:00Z", "2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "2025-06-30T00:00:00Z", "2025-07-01T00:00:00Z", "2023-11-14T22:13:20Z", "1700000000", "zzz"],
        ["aws:SecureTransport"] = ["true", "false", "TRUE", "zzz"],
        ["aws:SourceArn"] = ["arn:aws:sns:us-east-1:111122223333:t", "arn:aws:sns:eu-west-1:111122223333:u", "arn:aws:sns:us-east-1:444455556666:t", "arn:aws:sns:us-east-1:999988887777:t", "arn:aws:s3:::x", "arn:aws:sns:us-east-1:111122223333:a:b", "zzz"],
        ["aws:SourceAccount"] = ["111122223333", "444455556666", "999988887777"],
    };

    private readonly Random _random;
    private readonly bool _principals;
    private readonly List<(string Key, List<ImmutableArray<string>> Options)> _keys;

    public RequestUniverse(Random random, bool principals, IEnumerable<ReadPolicy> policies, Func<string, bool> isMultiValued)
    {
        _random = random;
        _principals = principals;
        var keys = policies.SelectMany(p => p.Statements)
            .SelectMany(s => s.Conditions.Select(c => c.Key).Concat(s.Resource.Patterns.Concat(s.Conditions.SelectMany(c => c.Operands.Select(o => o.Text))).SelectMany(p => p.Variables).Select(v => v.Key)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(Values.ContainsKey)
            .Order(StringComparer.OrdinalIgnoreCase);
        _keys = [.. keys.Select(k => (k, Options(Values[k], isMultiValued(k.ToLowerInvariant()))))];
    }

    /// <summary>Every request when the universe is small, else <paramref name="samples"/> random ones.</summary>
    public IEnumerable<AccessRequest> Requests(int samples)
    {
        var principals = _principals ? Principals : [null!];
        long size = principals.Length * Actions.Length * Resources.Length;
        foreach (var (_, options) in _keys)
        {
            size *= options.Count;
        }

        if (size <= samples)
        {
            return All(principals);
        }

        return Enumerable.Range(0, samples).Select(_ => Make(
            principals[_random.Next(principals.Length)],
            Actions[_random.Next(Actions.Length)],
            Resources[_random.Next(Resources.Length)],
            _keys.Select(k => (k.Key, k.Options[_random.Next(k.Options.Count)]))));
    }

    private IEnumerable<AccessRequest> All(string[] principals)
    {
        IEnumerable<List<(string, ImmutableArray<string>)>> contexts = [[]];
        foreach (var (key, options) in _keys)
        {
            contexts = contexts.SelectMany(c => options.Select(o => new List<(string, ImmutableArray<string>)>(c) { (key, o) })).ToList();
        }

        foreach (var principal in principals)
        {
            foreach (var action in Actions)
            {
                foreach (var resource in Resources)
                {
                    foreach (var context in contexts)
                    {
                        yield return Make(principal, action, resource, context);
                    }
                }
            }
        }
    }

    private static AccessRequest Make(string? principal, string action, string resource, IEnumerable<(string Key, ImmutableArray<string> Values)> context) =>
        AccessRequest.Of(principal, action, resource, context.Where(c => !c.Values.IsEmpty).Select(c => KeyValuePair.Create(c.Key, c.Values)));

    private static List<ImmutableArray<string>> Options(string[] values, bool multi)
    {
        var options = new List<ImmutableArray<string>> { ImmutableArray<string>.Empty };
        options.AddRange(values.Select(v => ImmutableArray.Create(v)));
        if (multi)
        {
            for (var i = 0; i < values.Length; i++)
            {
                for (var j = i + 1; j < values.Length; j++)
                {
                    options.Add([values[i], values[j]]);
                }
            }
        }

        return options;
    }
}
