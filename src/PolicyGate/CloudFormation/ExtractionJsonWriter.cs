using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Writes what <c>policygate parse</c> prints: for each template its pseudo parameter and parameter values,
/// every extracted policy and event rule with its owner, resolved document, unknown parts and the span of
/// every element (JSON pointer to "startLine:startColumn-endLine:endColumn"), and the template diagnostics.
/// Unknown values appear as their <c>{?...}</c> placeholders and are listed under "unknowns"; an undecided
/// condition appears as <c>{"$choice": [...], "$reason": "..."}</c> and AWS::NoValue as <c>{"$noValue": true}</c>.
/// Output depends only on the input (fixed settings, source order).
/// </summary>
public static class ExtractionJsonWriter
{
    public static void Write(IReadOnlyList<TemplateExtraction> templates, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        writer.WriteStartObject();
        writer.WriteStartArray("templates");
        foreach (var template in templates)
        {
            WriteTemplate(writer, template);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
    }

    private static void WriteTemplate(Utf8JsonWriter writer, TemplateExtraction extraction)
    {
        writer.WriteStartObject();
        writer.WriteString("path", extraction.Template.Path);
        if (extraction.Resolver is { } resolver && extraction.Model is { } model)
        {
            var d = resolver.Deployment;
            writer.WriteStartObject("pseudoParameters");
            writer.WriteString("AWS::AccountId", d.AccountId);
            writer.WriteString("AWS::Region", d.Region);
            writer.WriteString("AWS::Partition", d.Partition);
            writer.WriteString("AWS::URLSuffix", d.UrlSuffix);
            writer.WriteString("AWS::StackName", d.StackName);
            writer.WriteString("AWS::StackId", d.StackId);
            writer.WriteEndObject();
            writer.WriteStartArray("parameters");
            foreach (var parameter in model.Parameters.Values.OrderBy(p => p.KeySpan.Start))
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("type", parameter.Type);
                writer.WriteString("source", resolver.Parameters.SourceOf(parameter));
                writer.WritePropertyName("value");
                var value = resolver.Parameters.ValueAt(parameter, new ScalarNode(model.File, parameter.KeySpan, ScalarKind.Null, "null", ScalarStyle.Synthesized));
                WriteValue(writer, value, "", null, null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (!model.Transforms.IsEmpty)
            {
                writer.WriteStartArray("transforms");
                foreach (var transform in model.Transforms)
                {
                    writer.WriteStringValue(transform);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteStartArray("policies");
        foreach (var policy in extraction.Policies)
        {
            var subject = policy.Subject;
            writer.WriteStartObject();
            WriteOwner(writer, subject.Owner, policy.OwnerType, policy.Condition);
            writer.WriteString("kind", Kind(subject.Kind));
            if (subject.ResourceType is { } governed)
            {
                writer.WriteString("governedResourceType", governed);
            }

            writer.WriteString("span", subject.Document.Span.ToString());
            writer.WriteBoolean("exactSpans", policy.ExactSpans);
            WriteLocatedValue(writer, "document", subject.Document);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("eventRules");
        foreach (var rule in extraction.EventRules)
        {
            var subject = rule.Rule;
            writer.WriteStartObject();
            WriteOwner(writer, subject.Owner, rule.OwnerType, rule.Condition);
            if (subject.Region is { } region)
            {
                writer.WriteString("region", region);
            }

            if (subject.Pattern is { } pattern)
            {
                WriteLocatedValue(writer, "pattern", pattern);
            }

            writer.WriteStartArray("targets");
            foreach (var target in subject.Targets)
            {
                writer.WriteStartObject();
                WriteLocatedValue(writer, "target", target);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteLocatedValue(writer, "properties", subject.Properties);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in extraction.Template.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(diagnostic.Kind.ToString()));
            writer.WriteString("span", diagnostic.Span.ToString());
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("suppressions");
        foreach (var suppression in extraction.Template.Suppressions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", suppression.Rule);
            writer.WriteString("scope", suppression.Scope?.ToString());
            writer.WriteString("reason", suppression.Reason);

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOwner(Utf8JsonWriter writer, Extraction.PolicyOwner owner, string ownerType, ConditionValue condition)
    {
        writer.WriteString("logicalId", owner.LogicalId);
        writer.WriteString("resourceType", ownerType);
        writer.WriteString("propertyPath", owner.PropertyPath);
        if (owner.ConstructPath is { } construct)
        {
            writer.WriteString("constructPath", construct);
        }

        if (condition == ConditionValue.Unknown)
        {
            writer.WriteString("condition", "undecided");
        }
    }

    /// <summary>A value, then the spans of its elements and its unknown parts.</summary>
    private static void WriteLocatedValue(Utf8JsonWriter writer, string name, Node value)
    {
        var spans = new List<(string Pointer, SourceSpan Span)>();
        var unknowns = new List<(string Pointer, string Text, string Reason, SourceSpan Span)>();
        writer.WritePropertyName(name);
        WriteValue(writer, value, "", spans, unknowns);
        if (unknowns.Count > 0)
        {
            writer.WriteStartArray(name + "Unknowns");
            foreach (var unknown in unknowns)
            {
                writer.WriteStartObject();
                writer.WriteString("pointer", unknown.Pointer);
                writer.WriteString("text", unknown.Text);
                writer.WriteString("reason", unknown.Reason);
                writer.WriteString("span", unknown.Span.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject(name + "Spans");
        foreach (var (pointer, span) in spans)
        {
            writer.WriteString(pointer.Length == 0 ? "/" : pointer, span.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(
        Utf8JsonWriter writer,
        Node node,
        string pointer,
        List<(string, SourceSpan)>? spans,
        List<(string, string, string, SourceSpan)>? unknowns)
    {
        spans?.Add((pointer, node.Span));
        switch (node)
        {
            case ObjectNode o:
                writer.WriteStartObject();
                foreach (var property in o.Properties)
                {
                    writer.WritePropertyName(property.Key);
                    WriteValue(writer, property.Value, pointer + "/" + Escape(property.Key), spans, unknowns);
                }

                writer.WriteEndObject();
                break;
            case ArrayNode a:
                writer.WriteStartArray();
                for (var i = 0; i < a.Items.Length; i++)
                {
                    WriteValue(writer, a.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), spans, unknowns);
                }

                writer.WriteEndArray();
                break;
            case ChoiceNode c:
                writer.WriteStartObject();
                writer.WriteStartArray("$choice");
                for (var i = 0; i < c.Alternatives.Length; i++)
                {
                    WriteValue(writer, c.Alternatives[i], $"{pointer}/$choice/{i}", spans, unknowns);
                }

                writer.WriteEndArray();
                writer.WriteString("$reason", c.Reason);
                writer.WriteEndObject();
                break;
            case AbsentNode:
                writer.WriteStartObject();
                writer.WriteBoolean("$noValue", true);
                writer.WriteEndObject();
                break;
            case ScalarNode s:
                foreach (var segment in s.Unknowns.IsDefaultOrEmpty ? [] : s.Unknowns)
                {
                    unknowns?.Add((pointer, s.Value.Substring(segment.Start, Math.Min(segment.Length, s.Value.Length - segment.Start)), segment.Reason, s.Span));
                }

                WriteScalar(writer, s);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarNode s)
    {
        switch (s.Kind)
        {
            case ScalarKind.Number when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !s.Value.StartsWith('+') && !s.Value.StartsWith('.'):
                writer.WriteRawValue(s.Value.StartsWith("-.", StringComparison.Ordinal) ? $"\"{s.Value}\"" : s.Value, skipInputValidation: false);
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(s.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
                break;
            case ScalarKind.Null:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(s.Value);
                break;
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Kind(Extraction.PolicyKind kind) => kind switch
    {
        Extraction.PolicyKind.Identity => "identity",
        Extraction.PolicyKind.Resource => "resource",
        Extraction.PolicyKind.Trust => "trust",
        Extraction.PolicyKind.ServiceControl => "scp",
        _ => "rcp",
    };
}
