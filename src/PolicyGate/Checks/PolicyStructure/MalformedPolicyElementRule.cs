using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class MalformedPolicyElementRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2006",
        "MalformedPolicyElement",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "A policy element has the wrong type.",
        "Policy elements have fixed shapes: Statement is a statement or a list of statements; Sid and Effect are strings; Action, NotAction, Resource and NotResource are a string or a list of strings; Principal is \"*\" or an object; Condition is an object. AWS rejects other shapes.",
        new RuleHelp(
            "Give the element the shape IAM expects.",
            """{ "Effect": "Allow", "Action": { "s3": "GetObject" }, "Resource": "*" }""",
            """{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }"""));

    private static readonly string[] StringLists = ["Action", "NotAction", "Resource", "NotResource"];

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var document in subject.Document.Alternatives())
        {
            if (document is not ObjectNode root)
            {
                // A policy not known offline (a macro's output, an unresolved parameter) is not judged here.
                if (!PolicyElements.IsUnknownValue(document))
                {
                    context.Report(Rule, document, $"a policy must be an object, not {document.KindName}");
                }

                continue;
            }

            if (root["Statement"] is { } statement)
            {
                foreach (var value in statement.Alternatives())
                {
                    if (value is ArrayNode list)
                    {
                        foreach (var item in list.Items.SelectMany(i => i.Alternatives()).Where(i => i is not ObjectNode && !PolicyElements.IsUnknownValue(i)))
                        {
                            context.Report(Rule, item, $"each statement must be an object, not {item.KindName}");
                        }
                    }
                    else if (value is not ObjectNode && !PolicyElements.IsUnknownValue(value))
                    {
                        context.Report(Rule, value, $"Statement must be an object or a list of objects, not {value.KindName}");
                    }
                }
            }

            CheckScalarString(root, "Id", context);
        }

        foreach (var statement in PolicyElements.Statements(subject.Document))
        {
            CheckScalarString(statement, "Sid", context);
            foreach (var name in StringLists)
            {
                CheckStringList(statement, name, context);
            }

            foreach (var name in new[] { "Principal", "NotPrincipal" })
            {
                foreach (var value in Values(statement, name))
                {
                    if (value is not ObjectNode && value is not ScalarNode { IsString: true, Value: "*" })
                    {
                        context.Report(Rule, value, value is ScalarNode { IsString: true } s
                            ? $"{name} \"{s.Value}\" must be \"*\" or an object such as {{\"AWS\": \"{s.Value}\"}}"
                            : $"{name} must be \"*\" or an object, not {value.KindName}");
                    }
                }
            }

            foreach (var value in Values(statement, "Condition"))
            {
                if (value is not ObjectNode)
                {
                    context.Report(Rule, value, $"Condition must be an object of operators, not {value.KindName}");
                }
            }
        }
    }

    private static IEnumerable<Node> Values(ObjectNode owner, string name) =>
        owner[name] is { } node ? node.Alternatives().Where(v => !PolicyElements.IsUnknownValue(v)) : [];

    private static void CheckScalarString(ObjectNode owner, string name, CheckContext context)
    {
        foreach (var value in Values(owner, name))
        {
            if (value is not ScalarNode { IsString: true })
            {
                context.Report(Rule, value, $"{name} must be a string, not {value.KindName}");
            }
        }
    }

    private static void CheckStringList(ObjectNode owner, string name, CheckContext context)
    {
        foreach (var value in Values(owner, name))
        {
            switch (value)
            {
                case ScalarNode { IsString: true }:
                    break;
                case ArrayNode list:
                    foreach (var item in list.Items.SelectMany(i => i.Alternatives()))
                    {
                        if (item is not ScalarNode { IsString: true } && !PolicyElements.IsUnknownValue(item))
                        {
                            context.Report(Rule, item, $"each {name} entry must be a string, not {item.KindName}");
                        }
                    }

                    break;
                default:
                    context.Report(Rule, value, $"{name} must be a string or a list of strings, not {value.KindName}");
                    break;
            }
        }
    }
}
