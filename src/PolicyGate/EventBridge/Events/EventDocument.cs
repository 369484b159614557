using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Events;

/// <summary>
/// An event as EventBridge matches it: every leaf value under its dotted path (keys joined with '.';
/// arrays add their elements at the parent's path; objects, {} and [] add nothing). Leaves keep the arrays
/// of objects they sit in for array-consistent matching. Built once, matched against many patterns.
/// </summary>
public sealed class EventDocument
{
    private static readonly EventLeaf[] NoLeaves = [];
    private readonly Dictionary<string, EventLeaf[]> _fields;

    private EventDocument(ObjectNode root, Dictionary<string, EventLeaf[]> fields, int arrayCount)
    {
        Root = root;
        _fields = fields;
        ArrayCount = arrayCount;
    }

    public ObjectNode Root { get; }

    /// <summary>Zero when no value sits in an array of objects or arrays (then array consistency constrains nothing); otherwise one more than the highest such array id.</summary>
    public int ArrayCount { get; }

    public IEnumerable<string> Paths => _fields.Keys;

    public EventLeaf[] LeavesAt(string path) => _fields.TryGetValue(path, out var leaves) ? leaves : NoLeaves;

    /// <summary>Flattens an event; null when the root is not an object (EventBridge: "Event must be a JSON object").</summary>
    public static EventDocument? From(Node root)
    {
        if (root is not ObjectNode obj)
        {
            return null;
        }

        var builder = new Dictionary<string, List<EventLeaf>>(StringComparer.Ordinal);
        var arrays = 0;
        AddObject(obj, null, ArrayMembership.None, builder, ref arrays);
        var fields = new Dictionary<string, EventLeaf[]>(builder.Count, StringComparer.Ordinal);
        var withElements = 0;
        foreach (var (path, leaves) in builder)
        {
            fields[path] = leaves.ToArray();
            foreach (var leaf in leaves)
            {
                for (var i = 0; i < leaf.Membership.Count; i++)
                {
                    withElements = Math.Max(withElements, leaf.Membership.ArrayAt(i) + 1);
                }
            }
        }

        return new EventDocument(obj, fields, withElements);
    }

    private static void AddObject(ObjectNode obj, string? prefix, ArrayMembership membership, Dictionary<string, List<EventLeaf>> fields, ref int arrays)
    {
        // Every property counts, duplicates included, as EventBridge's streaming reader sees them.
        foreach (var property in obj.Properties)
        {
            var path = prefix is null ? property.Key : prefix + "." + property.Key;
            AddValue(property.Value, path, membership, fields, ref arrays);
        }
    }

    private static void AddValue(Node value, string path, ArrayMembership membership, Dictionary<string, List<EventLeaf>> fields, ref int arrays)
    {
        switch (value)
        {
            case ObjectNode obj:
                AddObject(obj, path, membership, fields, ref arrays);
                break;
            case ArrayNode array:
                var id = arrays++;
                for (var i = 0; i < array.Items.Length; i++)
                {
                    var item = array.Items[i];
                    // Only objects and arrays inside an array carry the element index; scalars do not.
                    var itemMembership = item is ObjectNode or ArrayNode ? membership.With(id, i) : membership;
                    AddValue(item, path, itemMembership, fields, ref arrays);
                }

                break;
            case ScalarNode scalar:
                Add(fields, path, new EventLeaf(KindOf(scalar), scalar.Value, membership, scalar));
                break;
            case ChoiceNode choice:
                foreach (var alternative in choice.Alternatives())
                {
                    AddValue(alternative, path, membership, fields, ref arrays);
                }

                break;
        }
    }

    private static LeafKind KindOf(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Number => LeafKind.Number,
        ScalarKind.Boolean => scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase) ? LeafKind.True : LeafKind.False,
        ScalarKind.Null => LeafKind.Null,
        _ => LeafKind.String,
    };

    private static void Add(Dictionary<string, List<EventLeaf>> fields, string path, EventLeaf leaf)
    {
        if (!fields.TryGetValue(path, out var list))
        {
            list = [];
            fields[path] = list;
        }

        list.Add(leaf);
    }
}
