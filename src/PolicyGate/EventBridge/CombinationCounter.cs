using PolicyGate.Documents;

namespace PolicyGate.EventBridge;

/// <summary>How many sub-rules $or expressions create, counted as the compiler expands them and as the documentation counts.</summary>
internal static class CombinationCounter
{
    private const long Cap = int.MaxValue;

    /// <summary>Each object multiplies the counts of its members; an $or member contributes the sum over its branches.</summary>
    public static long Compiled(ObjectNode obj)
    {
        long count = 1;
        foreach (var property in obj.Properties)
        {
            var value = PatternCompiler.Resolve(property.Value);
            long factor = 1;
            if (property.Key == PatternCompiler.OrKeyword && value is ArrayNode branches)
            {
                factor = 0;
                foreach (var branch in branches.Items.OfType<ObjectNode>())
                {
                    factor = Math.Min(Cap, factor + Compiled(branch));
                }

                factor = Math.Max(factor, 1);
            }
            else if (value is ObjectNode child)
            {
                factor = Compiled(child);
            }

            count = Math.Min(Cap, count * factor);
        }

        return count;
    }

    /// <summary>The product of the number of branches of every $or array anywhere in the pattern.</summary>
    public static double Documented(Node node)
    {
        double product = 1;
        if (node is ObjectNode obj)
        {
            foreach (var property in obj.Properties)
            {
                var value = PatternCompiler.Resolve(property.Value);
                if (property.Key == PatternCompiler.OrKeyword && value is ArrayNode branches)
                {
                    product *= Math.Max(1, branches.Items.Length);
                    foreach (var branch in branches.Items)
                    {
                        product *= Documented(branch);
                    }
                }
                else if (value is not null)
                {
                    product *= Documented(value);
                }
            }
        }

        return product;
    }
}
