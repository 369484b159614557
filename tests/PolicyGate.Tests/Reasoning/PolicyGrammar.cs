using System.Text.Json.Nodes;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// Random policies from a grammar that covers every construct the engine reasons about: Allow and Deny,
/// Principal/NotPrincipal with accounts, roles, sessions, services and "*", Action/NotAction and
/// Resource/NotResource with "*" and "?" wildcards and policy variables, and conditions of every operator
/// family with IfExists, ForAllValues/ForAnyValue, negated operators and Null. Values come from small pools
/// so that two random policies share constants and their comparisons are interesting.
/// </summary>
internal sealed class PolicyGrammar(Random random)
{
    public static readonly string[] Actions = ["s3:GetObject", "s3:Get*", "s3:*", "s3:Put?bject", "s3:PutObject", "ec2:Describe*", "iam:PassRole", "*", "S3:getobject"];

    public static readonly string[] Resources =
    [
        "*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/a*", "arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::c", "arn:aws:s3:::b/?x",
        "arn:aws:s3:::b/alice/*", "arn:aws:s3:::${aws:PrincipalTag/team}", "arn:aws:s3:::c*",
    ];

    public static readonly string[] Accounts = ["111122223333", "444455556666"];

    public static readonly string[] PrincipalValues =
    [
        "111122223333", "arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:role/Admin", "*",
        "arn:aws:sts::111122223333:assumed-role/Admin/s1", "arn:aws:iam::444455556666:user/bob",
    ];

    public static readonly string[] Services = ["lambda.amazonaws.com", "s3.amazonaws.com"];

    /// <summary>Keys with the operator families they are tested with and the constants they are compared to.</summary>
    public static readonly (string Key, string[] Operators, string[] Values)[] Keys =
    [
        ("aws:SourceVpc", ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase"], ["vpc-1", "vpc-2", "VPC-1", "vpc-*"]),
        ("aws:username", ["StringEquals", "StringLike", "StringNotEquals"], ["alice", "bob", "a*"]),
        ("aws:PrincipalTag/team", ["StringEquals", "StringNotEquals", "StringLike"], ["red", "blue", "${aws:username}"]),
        ("aws:TagKeys", ["ForAllValues:StringEquals", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "ForAnyValue:StringNotEquals", "ForAllValues:StringNotEquals", "StringEquals"], ["env", "team", "t*"]),
        ("aws:SourceIp", ["IpAddress", "NotIpAddress"], ["10.0.0.0/8", "10.1.0.0/16", "192.0.2.1", "2001:db8::/32"]),
        ("aws:MultiFactorAuthAge", ["NumericLessThan", "NumericGreaterThanEquals", "NumericEquals", "NumericNotEquals"], ["300", "3600", "0.5"]),
        ("aws:CurrentTime", ["DateLessThan", "DateGreaterThan", "DateEquals", "DateNotEquals"], ["2024-01-01T00:00:00Z", "2025-06-30", "1700000000"]),
        ("aws:SecureTransport", ["Bool"], ["true", "false"]),
        ("aws:SourceArn", ["ArnLike", "ArnEquals", "ArnNotLike"], ["arn:aws:sns:*:111122223333:*", "arn:aws:sns:us-east-1:111122223333:t", "arn:aws:*:*:*:*"]),
        ("aws:SourceAccount", ["StringEquals", "StringNotEquals"], ["111122223333", "444455556666"]),
    ];

    /// <summary>The policies generated lately (for failure messages).</summary>
    public string LastPolicies { get; private set; } = string.Empty;

    public string Policy(bool resourcePolicy)
    {
        var statements = new JsonArray();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            statements.Add(Statement(resourcePolicy));
        }

        var text = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements }.ToJsonString();
        LastPolicies = $"{(LastPolicies.Length > 4000 ? string.Empty : LastPolicies)}\n{text}";
        return text;
    }

    private JsonObject Statement(bool resourcePolicy)
    {
        var statement = new JsonObject { ["Effect"] = random.Next(4) == 0 ? "Deny" : "Allow" };
        if (random.Next(3) == 0)
        {
            statement["Sid"] = $"S{random.Next(100)}";
        }

        if (resourcePolicy)
        {
            statement[random.Next(8) == 0 ? "NotPrincipal" : "Principal"] = Principal();
        }

        statement[random.Next(6) == 0 ? "NotAction" : "Action"] = Pick(Actions, random.Next(1, 3));
        statement[random.Next(6) == 0 ? "NotResource" : "Resource"] = Pick(Resources, random.Next(1, 3));
        var conditions = random.Next(4) switch { 0 or 1 => 0, 2 => 1, _ => 2 };
        if (conditions > 0)
        {
            var condition = new JsonObject();
            for (var i = 0; i < conditions; i++)
            {
                var (key, operators, values) = Keys[random.Next(Keys.Length)];
                var op = random.Next(10) == 0 ? "Null" : operators[random.Next(operators.Length)];
                if (op != "Null" && !op.StartsWith("For", StringComparison.Ordinal) && random.Next(6) == 0)
                {
                    op += "IfExists";
                }

                var block = condition[op] as JsonObject ?? new JsonObject();
                block[key] = op == "Null" ? (random.Next(2) == 0 ? "true" : "false") : Pick(values, random.Next(1, 3));
                condition[op] = block;
            }

            statement["Condition"] = condition;
        }

        return statement;
    }

    private JsonNode Principal()
    {
        switch (random.Next(5))
        {
            case 0:
                return "*";
            case 1:
                return new JsonObject { ["Service"] = Pick(Services, 1) };
            default:
                return new JsonObject { ["AWS"] = Pick(PrincipalValues, random.Next(1, 3)) };
        }
    }

    private JsonNode Pick(string[] pool, int count)
    {
        var chosen = Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]).Distinct().ToList();
        return chosen.Count == 1 && random.Next(2) == 0 ? JsonValue.Create(chosen[0])! : new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c)!)]);
    }
}
