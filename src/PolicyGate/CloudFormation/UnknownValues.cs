using System.Collections.Immutable;
using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// How values that cannot be known offline are written. A wholly unknown value is a
/// <see cref="ScalarKind.Unknown"/> scalar whose text is a readable placeholder <c>{?label}</c> and whose one
/// <see cref="UnknownSegment"/> carries the reason; a partly known string keeps its known text and marks
/// each unknown part with a segment (the placeholder stands in the text). Placeholders contain no quote,
/// backslash or control character, so a JSON policy string that embeds one still parses.
/// </summary>
public static class UnknownValues
{
    /// <summary>
    /// The start of the reason of every unknown that AWS alone decides at deploy time (generated names,
    /// resource ids): nothing the user can supply, so notes about unknowns leave them out.
    /// </summary>
    public const string AssignedByAws = "assigned by AWS at deploy time: ";

    public static bool IsAssignedByAws(string reason) => reason.StartsWith(AssignedByAws, StringComparison.Ordinal);

    public static string Placeholder(string label)
    {
        var clean = new StringBuilder(label.Length + 3).Append("{?");
        foreach (var c in label.Length > 80 ? label[..80] : label)
        {
            clean.Append(c is '"' or '\\' or '{' or '}' || char.IsControl(c) ? '_' : c);
        }

        return clean.Append('}').ToString();
    }

    public static ScalarNode Scalar(SourceFile file, SourceSpan span, string label, string reason)
    {
        var text = Placeholder(label);
        return new ScalarNode(file, span, ScalarKind.Unknown, text, ScalarStyle.Synthesized) { Unknowns = [new UnknownSegment(0, text.Length, reason)] };
    }

    public static ScalarNode Scalar(Node at, string label, string reason) => Scalar(at.File, at.Span, label, reason);

    /// <summary>The reasons a node's value is not fully known, in document order (choices included).</summary>
    public static IEnumerable<(Node Node, string Reason)> Reasons(Node node)
    {
        var pending = new Stack<Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ScalarNode s when s.HasUnknowns:
                    if (s.Unknowns.IsDefaultOrEmpty)
                    {
                        yield return (s, "unknown value");
                    }

                    foreach (var segment in s.Unknowns)
                    {
                        yield return (s, segment.Reason);
                    }

                    break;
                case ObjectNode o:
                    for (var i = o.Properties.Length - 1; i >= 0; i--)
                    {
                        pending.Push(o.Properties[i].Value);
                    }

                    break;
                case ArrayNode a:
                    for (var i = a.Items.Length - 1; i >= 0; i--)
                    {
                        pending.Push(a.Items[i]);
                    }

                    break;
                case ChoiceNode c:
                    yield return (c, c.Reason);
                    for (var i = c.Alternatives.Length - 1; i >= 0; i--)
                    {
                        pending.Push(c.Alternatives[i]);
                    }

                    break;
            }
        }
    }
}

/// <summary>Builds a string whose parts may be unknown, keeping the unknown segments' offsets right.</summary>
public sealed class UnknownAwareText
{
    private readonly StringBuilder _text = new();
    private ImmutableArray<UnknownSegment>.Builder? _unknowns;

    public int Length => _text.Length;

    public bool HasUnknowns => _unknowns is { Count: > 0 };

    public UnknownAwareText Append(string text)
    {
        _text.Append(text);
        return this;
    }

    public UnknownAwareText AppendUnknown(string label, string reason)
    {
        var placeholder = UnknownValues.Placeholder(label);
        (_unknowns ??= ImmutableArray.CreateBuilder<UnknownSegment>()).Add(new UnknownSegment(_text.Length, placeholder.Length, reason));
        _text.Append(placeholder);
        return this;
    }

    /// <summary>Appends a scalar's text and its unknown segments (shifted to where they land).</summary>
    public UnknownAwareText Append(ScalarNode scalar)
    {
        if (!scalar.Unknowns.IsDefaultOrEmpty)
        {
            var offset = _text.Length;
            var builder = _unknowns ??= ImmutableArray.CreateBuilder<UnknownSegment>();
            foreach (var segment in scalar.Unknowns)
            {
                builder.Add(segment with { Start = segment.Start + offset });
            }
        }
        else if (scalar.Kind == ScalarKind.Unknown)
        {
            return AppendUnknown(scalar.Value.Trim('{', '?', '}'), "unknown value");
        }

        _text.Append(scalar.Value);
        return this;
    }

    public ScalarNode Build(SourceFile file, SourceSpan span) =>
        new(file, span, ScalarKind.String, _text.ToString(), ScalarStyle.Synthesized)
        {
            Unknowns = _unknowns?.ToImmutable() ?? ImmutableArray<UnknownSegment>.Empty,
        };

    public override string ToString() => _text.ToString();
}
