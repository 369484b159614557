using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Builds policy documents for resources that describe one statement in their own properties (Lambda
/// permissions, event bus policies). Each element carries the span of the property it came from; the
/// elements AWS adds (Version, Effect) carry the span of the resource's Properties.
/// </summary>
public static class SyntheticPolicy
{
    public static ScalarNode Text(Node at, string value) => new(at.File, at.Span, ScalarKind.String, value, ScalarStyle.Synthesized);

    public static ObjectNode Object(Node at, IEnumerable<(string Key, Node Value)> properties) =>
        new(at.File, at.Span, properties.Select(p => new PropertyNode(p.Key, p.Value.Span, p.Value)).ToImmutableArray());

    /// <summary><c>{"Version": "2012-10-17", "Statement": [statement]}</c> located at <paramref name="at"/>.</summary>
    public static ObjectNode Document(Node at, ObjectNode statement) =>
        Object(at, [("Version", Text(at, "2012-10-17")), ("Statement", new ArrayNode(at.File, statement.Span, [statement]))]);

    /// <summary>
    /// The principal element for a principal given as a service name, an account id, an ARN or "*"
    /// (how Lambda and EventBridge permissions name who may call).
    /// </summary>
    public static Node Principal(Node value, DeploymentValues deployment)
    {
        if (value is not ScalarNode { HasUnknowns: false } s)
        {
            return value;
        }

        if (s.Value == "*")
        {
            return s;
        }

        if (s.Value.Length == 12 && s.Value.All(char.IsAsciiDigit))
        {
            return Object(s, [("AWS", Text(s, $"arn:{deployment.Partition}:iam::{s.Value}:root"))]);
        }

        if (s.Value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return Object(s, [("AWS", s)]);
        }

        return Object(s, [("Service", s)]);
    }

    /// <summary>A Condition block from (operator, key, value) triples, grouped by operator in first-seen order.</summary>
    public static ObjectNode? Condition(Node at, IEnumerable<(string Operator, string Key, Node? Value)> entries)
    {
        var present = entries.Where(e => e.Value is not null and not AbsentNode).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var blocks = present.GroupBy(e => e.Operator)
            .Select(g => (g.Key, (Node)Object(g.First().Value!, g.Select(e => (e.Key, e.Value!)))))
            .ToList();
        return Object(at, blocks);
    }
}
