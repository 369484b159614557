using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// The dependencies between resources (Ref, Fn::GetAtt, Fn::Sub variables and DependsOn), and the cycles
/// among them, which CloudFormation rejects. Strongly connected components are found iteratively (Tarjan),
/// so 10,000 resources in one chain cost linear time and no deep recursion. Each cycle is reported once, at
/// the reference that leaves its first resource (in template order).
/// </summary>
public static class DependencyGraph
{
    private sealed record Edge(int To, SourceSpan Span, string Via);

    public static void ReportCycles(CloudFormationTemplate template, TemplateDiagnostics diagnostics)
    {
        var resources = template.Resources.Where(r => !r.Implicit).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            index.TryAdd(resources[i].LogicalId, i);
        }

        var edges = new List<Edge>[resources.Count];
        for (var i = 0; i < resources.Count; i++)
        {
            edges[i] = [];
            foreach (var dependency in resources[i].DependsOn)
            {
                if (index.TryGetValue(dependency.Value, out var to))
                {
                    edges[i].Add(new Edge(to, dependency.Span, "DependsOn"));
                }
                else if (!template.ResourcesById.ContainsKey(dependency.Value))
                {
                    diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, dependency,
                        ReferenceMessages.Missing("DependsOn", dependency.Value, template.ResourcesById.Keys));
                }
            }

            if (resources[i].Properties is { } properties)
            {
                foreach (var (name, span, via) in References(properties))
                {
                    if (index.TryGetValue(name, out var to))
                    {
                        edges[i].Add(new Edge(to, span, via));
                    }
                }
            }
        }

        foreach (var component in StronglyConnected(edges))
        {
            var start = component.Min();
            var members = component.ToHashSet();
            var path = CyclePath(start, members, edges);
            var names = string.Join(" -> ", path.Select(p => resources[p.Node].LogicalId).Append(resources[start].LogicalId));
            var closing = path[0].Edge;
            diagnostics.Add(TemplateDiagnosticKind.CircularDependency, closing.Span,
                $"circular dependency between resources: {names} ({closing.Via} here); CloudFormation rejects the template");
        }
    }

    /// <summary>Every resource name referenced inside a node, with the span of the referencing expression.</summary>
    public static IEnumerable<(string Name, SourceSpan Span, string Via)> References(Node node)
    {
        var pending = new Stack<Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ObjectNode { Properties.Length: 1 } call when call.Properties[0].Key is "Ref" or "Fn::GetAtt" or "Fn::Sub":
                    var argument = call.Properties[0].Value;
                    switch (call.Properties[0].Key)
                    {
                        case "Ref" when argument is ScalarNode { IsString: true } name:
                            yield return (name.Value, call.Span, "Ref");
                            break;
                        case "Fn::GetAtt" when argument is ArrayNode { Items.Length: > 0 } pair && pair.Items[0] is ScalarNode { IsString: true } target:
                            yield return (target.Value, call.Span, "Fn::GetAtt");
                            break;
                        case "Fn::GetAtt" when argument is ScalarNode { IsString: true } dotted && dotted.Value.IndexOf('.') > 0:
                            yield return (dotted.Value[..dotted.Value.IndexOf('.')], call.Span, "Fn::GetAtt");
                            break;
                        case "Fn::Sub":
                            var (text, variables) = argument switch
                            {
                                ScalarNode { IsString: true } s => (s.Value, null),
                                ArrayNode { Items.Length: 2 } a when a.Items[0] is ScalarNode { IsString: true } s => (s.Value, a.Items[1] as ObjectNode),
                                _ => (null, null),
                            };
                            foreach (var variable in SubVariables(text))
                            {
                                if (variables?[variable] is null)
                                {
                                    var dot = variable.IndexOf('.');
                                    yield return (dot > 0 ? variable[..dot] : variable, call.Span, "Fn::Sub");
                                }
                            }

                            if (variables is not null)
                            {
                                pending.Push(variables);
                            }

                            break;
                    }

                    if (call.Properties[0].Key != "Fn::Sub")
                    {
                        pending.Push(argument);
                    }

                    break;
                case ObjectNode o:
                    foreach (var property in o.Properties)
                    {
                        pending.Push(property.Value);
                    }

                    break;
                case ArrayNode a:
                    foreach (var item in a.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<string> SubVariables(string? text)
    {
        if (text is null)
        {
            yield break;
        }

        for (var open = text.IndexOf("${", StringComparison.Ordinal); open >= 0; open = text.IndexOf("${", open + 2, StringComparison.Ordinal))
        {
            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                yield break;
            }

            var name = text[(open + 2)..close];
            if (!name.StartsWith('!') && name.Length > 0)
            {
                yield return name;
            }
        }
    }

    /// <summary>Components that contain a cycle (more than one node, or a node that depends on itself).</summary>
    private static List<List<int>> StronglyConnected(List<Edge>[] edges)
    {
        var count = edges.Length;
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var next = 0;
        var work = new Stack<(int Node, int EdgeIndex)>();
        for (var root = 0; root < count; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            order[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                var (node, edgeIndex) = work.Pop();
                if (edgeIndex < edges[node].Count)
                {
                    work.Push((node, edgeIndex + 1));
                    var to = edges[node][edgeIndex].To;
                    if (order[to] < 0)
                    {
                        order[to] = low[to] = next++;
                        stack.Push(to);
                        onStack[to] = true;
                        work.Push((to, 0));
                    }
                    else if (onStack[to])
                    {
                        low[node] = Math.Min(low[node], order[to]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] != order[node])
                {
                    continue;
                }

                var component = new List<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1 || edges[node].Any(e => e.To == node))
                {
                    result.Add(component);
                }
            }
        }

        return result.OrderBy(c => c.Min()).ToList();
    }

    /// <summary>A shortest cycle through <paramref name="start"/> inside the component (breadth-first).</summary>
    private static List<(int Node, Edge Edge)> CyclePath(int start, HashSet<int> members, List<Edge>[] edges)
    {
        var previous = new Dictionary<int, (int From, Edge Edge)>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var edge in edges[node].Where(e => members.Contains(e.To)))
            {
                if (edge.To == start)
                {
                    var path = new List<(int, Edge)> { (node, edge) };
                    for (var at = node; at != start; at = previous[at].From)
                    {
                        path.Add((previous[at].From, previous[at].Edge));
                    }

                    path.Reverse();
                    return path;
                }

                if (previous.TryAdd(edge.To, (node, edge)))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        return [(start, edges[start][0])];
    }
}
