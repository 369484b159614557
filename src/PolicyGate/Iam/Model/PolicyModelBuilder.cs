using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Iam.Model;

/// <summary>
/// Reads a located policy tree into a <see cref="PolicyDocument"/>. It never throws on content: a value of the
/// wrong shape becomes a <see cref="ModelProblem"/> and is left out of the model. Choices are flattened: each
/// alternative's parts carry a <see cref="Guard"/>; an <see cref="AbsentNode"/> alternative marks the element
/// as possibly absent.
/// </summary>
public static class PolicyModelBuilder
{
    public static readonly string[] TopLevelElements = ["Version", "Id", "Statement"];

    public static readonly string[] StatementElements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    public static PolicyDocument Build(PolicySubject subject) =>
        Build(subject.Document, subject.Kind, subject.ResourceType) with { KindInferred = subject.KindInferred };

    public static PolicyDocument Build(Node document, PolicyKind kind, string? resourceType = null)
    {
        var problems = ImmutableArray.CreateBuilder<ModelProblem>();
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        var unknown = ImmutableArray.CreateBuilder<PropertyNode>();
        PolicyElement<TextItem>? version = null, id = null;
        SourceSpan? statementKey = null;
        Node? statementNode = null;
        var statementList = false;
        var isObject = false;
        foreach (var (root, guard) in Flatten(document, Guard.Always))
        {
            if (root is AbsentNode)
            {
                continue;
            }

            if (root is not ObjectNode obj)
            {
                if (root is not ScalarNode { Kind: ScalarKind.Unknown })
                {
                    problems.Add(new ModelProblem("the policy", root.Location, root.KindName, "an object"));
                }

                continue;
            }

            isObject = true;
            foreach (var property in obj.Properties)
            {
                if (!TopLevelElements.Contains(property.Key, StringComparer.Ordinal))
                {
                    unknown.Add(property);
                }
            }

            version = Merge(version, ReadScalars(obj.Property("Version"), guard, TextOf, problems));
            id = Merge(id, ReadScalars(obj.Property("Id"), guard, TextOf, problems));
            if (obj.Property("Statement") is { } statement)
            {
                statementKey ??= statement.KeySpan;
                statementNode ??= statement.Value;
                foreach (var (value, g) in Flatten(statement.Value, guard))
                {
                    switch (value)
                    {
                        case ObjectNode single:
                            statements.Add(ReadStatement(single, 0, g, problems));
                            break;
                        case ArrayNode list:
                            statementList = true;
                            for (var i = 0; i < list.Items.Length; i++)
                            {
                                foreach (var (item, ig) in Flatten(list.Items[i], g))
                                {
                                    if (item is ObjectNode s)
                                    {
                                        statements.Add(ReadStatement(s, i, ig, problems));
                                    }
                                    else if (item is not AbsentNode && !IsUnknown(item))
                                    {
                                        problems.Add(new ModelProblem("each statement", item.Location, item.KindName, "an object"));
                                    }
                                }
                            }

                            break;
                        case AbsentNode:
                            break;
                        default:
                            if (!IsUnknown(value))
                            {
                                problems.Add(new ModelProblem("Statement", value.Location, value.KindName, "an object or a list of objects"));
                            }

                            break;
                    }
                }
            }
        }

        return new PolicyDocument(document, kind)
        {
            ResourceType = resourceType,
            IsObject = isObject,
            Version = version,
            Id = id,
            StatementKeySpan = statementKey,
            StatementNode = statementNode,
            StatementWrittenAsList = statementList,
            Statements = statements.ToImmutable(),
            UnknownElements = unknown.ToImmutable(),
            Problems = problems.ToImmutable(),
        };
    }

    private static PolicyStatement ReadStatement(ObjectNode node, int index, Guard guard, ImmutableArray<ModelProblem>.Builder problems)
    {
        var unknown = node.Properties.Where(p => !StatementElements.Contains(p.Key, StringComparer.Ordinal)).ToImmutableArray();
        return new PolicyStatement(index, node, guard)
        {
            Sid = ReadScalars(node.Property("Sid"), guard, TextOf, problems),
            Effect = ReadScalars(node.Property("Effect"), guard, v => new EffectItem(v), problems),
            Principal = ReadPrincipal(node.Property("Principal"), guard, problems),
            NotPrincipal = ReadPrincipal(node.Property("NotPrincipal"), guard, problems),
            Action = ReadStrings(node.Property("Action"), guard, v => new ActionItem(v), problems),
            NotAction = ReadStrings(node.Property("NotAction"), guard, v => new ActionItem(v), problems),
            Resource = ReadStrings(node.Property("Resource"), guard, v => new ResourceItem(v), problems),
            NotResource = ReadStrings(node.Property("NotResource"), guard, v => new ResourceItem(v), problems),
            Condition = ReadCondition(node.Property("Condition"), guard, problems),
            UnknownElements = unknown,
        };
    }

    /// <summary>An element holding one string (Version, Id, Sid, Effect).</summary>
    private static PolicyElement<T>? ReadScalars<T>(PropertyNode? property, Guard guard, Func<PolicyValue, T> make, ImmutableArray<ModelProblem>.Builder problems)
        where T : IPolicyItem
    {
        if (property is null)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var mayBeAbsent = false;
        foreach (var (value, g) in Flatten(property.Value, guard))
        {
            switch (value)
            {
                case AbsentNode:
                    mayBeAbsent = true;
                    break;
                case ScalarNode { Kind: ScalarKind.String or ScalarKind.Unknown } s:
                    items.Add(make(new PolicyValue(s, g)));
                    break;
                default:
                    problems.Add(new ModelProblem(property.Key, value.Location, value.KindName, "a string"));
                    break;
            }
        }

        return new PolicyElement<T>(property.Key, property.KeySpan, property.Value, items.ToImmutable()) { MayBeAbsent = mayBeAbsent };
    }

    /// <summary>An element holding a string or a list of strings (Action, Resource and their Not-twins).</summary>
    private static PolicyElement<T>? ReadStrings<T>(PropertyNode? property, Guard guard, Func<PolicyValue, T> make, ImmutableArray<ModelProblem>.Builder problems)
        where T : IPolicyItem
    {
        if (property is null)
        {
            return null;
        }

        var (items, list, absent) = ReadList(property.Key, property.Value, guard, s => s.Kind is ScalarKind.String or ScalarKind.Unknown, "a string or a list of strings", "a string", problems);
        return new PolicyElement<T>(property.Key, property.KeySpan, property.Value, [.. items.Select(make)]) { WrittenAsList = list, MayBeAbsent = absent };
    }

    private static (List<PolicyValue> Items, bool List, bool Absent) ReadList(
        string element, Node node, Guard guard, Func<ScalarNode, bool> accept, string expected, string expectedItem, ImmutableArray<ModelProblem>.Builder problems)
    {
        var items = new List<PolicyValue>();
        var list = false;
        var absent = false;
        foreach (var (value, g) in Flatten(node, guard))
        {
            switch (value)
            {
                case AbsentNode:
                    absent = true;
                    break;
                case ScalarNode s when accept(s):
                    items.Add(new PolicyValue(s, g));
                    break;
                case ArrayNode array:
                    list = true;
                    foreach (var entry in array.Items)
                    {
                        foreach (var (item, ig) in Flatten(entry, g))
                        {
                            if (item is ScalarNode si && accept(si))
                            {
                                items.Add(new PolicyValue(si, ig));
                            }
                            else if (item is not AbsentNode)
                            {
                                problems.Add(new ModelProblem($"each {element} entry", item.Location, item.KindName, expectedItem));
                            }
                        }
                    }

                    break;
                default:
                    problems.Add(new ModelProblem(element, value.Location, value.KindName, expected));
                    break;
            }
        }

        return (items, list, absent);
    }

    private static PrincipalElement? ReadPrincipal(PropertyNode? property, Guard guard, ImmutableArray<ModelProblem>.Builder problems)
    {
        if (property is null)
        {
            return null;
        }

        var entries = ImmutableArray.CreateBuilder<PrincipalEntry>();
        var invalid = ImmutableArray.CreateBuilder<Node>();
        bool bare = false, isObject = false, absent = false;
        foreach (var (value, g) in Flatten(property.Value, guard))
        {
            switch (value)
            {
                case AbsentNode:
                    absent = true;
                    break;
                case ScalarNode { Kind: ScalarKind.Unknown } unknown:
                    entries.Add(new PrincipalEntry(string.Empty, property.KeySpan, PrincipalType.Everyone, unknown, [new PrincipalItem(new PolicyValue(unknown, g), PrincipalType.Everyone)]));
                    break;
                case ScalarNode { Kind: ScalarKind.String, Value: "*" } star:
                    bare = true;
                    entries.Add(new PrincipalEntry(string.Empty, property.KeySpan, PrincipalType.Everyone, star, [new PrincipalItem(new PolicyValue(star, g), PrincipalType.Everyone)]));
                    break;
                case ObjectNode obj:
                    isObject = true;
                    foreach (var p in obj.Properties)
                    {
                        var type = p.Key switch
                        {
                            "AWS" => PrincipalType.Aws,
                            "Service" => PrincipalType.Service,
                            "Federated" => PrincipalType.Federated,
                            "CanonicalUser" => PrincipalType.CanonicalUser,
                            _ => PrincipalType.Invalid,
                        };
                        var (items, list, _) = ReadList($"{property.Key} {p.Key}", p.Value, g, s => s.Kind is ScalarKind.String or ScalarKind.Unknown, "a string or a list of strings", "a string", problems);
                        entries.Add(new PrincipalEntry(p.Key, p.KeySpan, type, p.Value, [.. items.Select(v => new PrincipalItem(v, type))]) { WrittenAsList = list });
                    }

                    break;
                default:
                    invalid.Add(value);
                    break;
            }
        }

        return new PrincipalElement(property.Key, property.KeySpan, property.Value, entries.ToImmutable())
        {
            IsBareWildcard = bare,
            IsObject = isObject,
            MayBeAbsent = absent,
            InvalidForms = invalid.ToImmutable(),
        };
    }

    private static ConditionElement? ReadCondition(PropertyNode? property, Guard guard, ImmutableArray<ModelProblem>.Builder problems)
    {
        if (property is null)
        {
            return null;
        }

        var blocks = ImmutableArray.CreateBuilder<ConditionBlock>();
        bool isObject = false, absent = false;
        foreach (var (value, g) in Flatten(property.Value, guard))
        {
            switch (value)
            {
                case AbsentNode:
                    absent = true;
                    break;
                case ObjectNode obj:
                    isObject = true;
                    foreach (var op in obj.Properties)
                    {
                        blocks.Add(ReadBlock(op, g, problems));
                    }

                    break;
                default:
                    if (!IsUnknown(value))
                    {
                        problems.Add(new ModelProblem("Condition", value.Location, value.KindName, "an object of condition operators"));
                    }

                    break;
            }
        }

        return new ConditionElement(property.KeySpan, property.Value, blocks.ToImmutable()) { IsObject = isObject, MayBeAbsent = absent };
    }

    private static ConditionBlock ReadBlock(PropertyNode op, Guard guard, ImmutableArray<ModelProblem>.Builder problems)
    {
        var entries = ImmutableArray.CreateBuilder<ConditionEntry>();
        var isObject = false;
        foreach (var (value, g) in Flatten(op.Value, guard))
        {
            if (value is ObjectNode keys)
            {
                isObject = true;
                foreach (var key in keys.Properties)
                {
                    var (items, list, absent) = ReadList(key.Key, key.Value, g, s => true, "a string, number or boolean, or a list of them", "a string, number or boolean", problems);
                    entries.Add(new ConditionEntry(new ConditionKeyName(key.Key), key.KeySpan, key.Value, [.. items.Select(v => new TextItem(v))], g)
                    {
                        WrittenAsList = list,
                        MayBeAbsent = absent,
                    });
                }
            }
            else if (value is not AbsentNode && !IsUnknown(value))
            {
                problems.Add(new ModelProblem($"the condition operator {op.Key}", value.Location, value.KindName, "an object of condition keys"));
            }
        }

        return new ConditionBlock(ConditionOperator.Parse(op.Key), op.KeySpan, op.Value, entries.ToImmutable(), guard) { IsObject = isObject };
    }

    private static PolicyElement<T>? Merge<T>(PolicyElement<T>? first, PolicyElement<T>? next)
        where T : IPolicyItem =>
        first is null ? next : next is null ? first with { MayBeAbsent = true } : first with { Items = first.Items.AddRange(next.Items) };

    private static TextItem TextOf(PolicyValue value) => new(value);

    private static bool IsUnknown(Node node) => node is ScalarNode { Kind: ScalarKind.Unknown };

    /// <summary>Every concrete alternative of a node with the guard it exists under; absent alternatives are kept.</summary>
    private static IEnumerable<(Node Node, Guard Guard)> Flatten(Node node, Guard guard)
    {
        if (node is not ChoiceNode choice)
        {
            yield return (node, guard);
            yield break;
        }

        for (var i = 0; i < choice.Alternatives.Length; i++)
        {
            var branch = guard.And(new ChoiceBranch(choice.Span, choice.Reason, i, choice.Alternatives.Length));
            foreach (var inner in Flatten(choice.Alternatives[i], branch))
            {
                yield return inner;
            }
        }
    }
}
