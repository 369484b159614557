using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// The theory of a number, date or address dimension. Every test compares with a constant, so the constants
/// cut each line into finitely many stretches on which every test agrees; one value per stretch (plus one
/// value that is no number, date or address at all) represents them all. Deciding is then picking a
/// representative.
/// </summary>
public sealed class OrderedTheory(Dimension dimension, Func<IEnumerable<Predicate>> predicatesOfDimension)
{
    private List<string>? _representatives;
    private int _predicateCount = -1;

    public Dimension Dimension => dimension;

    public string? FindValue(IReadOnlyList<Predicate> positives, IReadOnlyList<Predicate> negatives) =>
        Representatives().FirstOrDefault(v => positives.All(p => p.Contains(v)) && !negatives.Any(n => n.Contains(v)));

    public IReadOnlyList<string> Representatives()
    {
        var predicates = predicatesOfDimension().ToList();
        if (_representatives is null || predicates.Count != _predicateCount)
        {
            _predicateCount = predicates.Count;
            var constants = predicates.SelectMany(p => p.Members).Where(m => m.Constant is null).Select(m => Text(m.Text)).ToList();
            _representatives = dimension.Family switch
            {
                ValueFamily.Numeric => Numbers(constants),
                ValueFamily.Date => Dates(constants),
                _ => Addresses(constants),
            };
        }

        return _representatives;
    }

    private static string Text(TextPattern pattern) => string.Concat(pattern.Tokens.Select(t => t.Char));

    private static List<string> Numbers(List<string> constants)
    {
        var points = constants.Select(c => OrderedValues.TryParseNumber(c, out var n) ? (decimal?)n : null).OfType<decimal>().Distinct().Order().ToList();
        var values = new List<decimal>();
        if (points.Count == 0)
        {
            values.Add(0);
        }
        else
        {
            Add(() => points[0] - 1);
            for (var i = 0; i < points.Count; i++)
            {
                var at = i;
                values.Add(points[at]);
                Add(() => at + 1 < points.Count ? points[at] + ((points[at + 1] - points[at]) / 2) : points[at] + 1);
            }
        }

        return [.. values.Distinct().Select(OrderedValues.FormatNumber), "not-a-number"];

        // Constants near the ends of decimal's range have no neighbour beyond them; their stretch is then empty.
        void Add(Func<decimal> value)
        {
            try
            {
                values.Add(value());
            }
            catch (OverflowException)
            {
            }
        }
    }

    private static List<string> Dates(List<string> constants)
    {
        var min = DateTimeOffset.MinValue.UtcTicks + 1;
        var max = DateTimeOffset.MaxValue.UtcTicks - 1;
        var points = constants.Select(c => OrderedValues.TryParseDate(c, out var t) ? (long?)Math.Clamp(t, min, max) : null).OfType<long>().Distinct().Order().ToList();
        var values = new List<long>();
        if (points.Count == 0)
        {
            values.Add(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks);
        }
        else
        {
            values.Add(points[0] - 1);
            for (var i = 0; i < points.Count; i++)
            {
                values.Add(points[i]);
                if (i + 1 < points.Count)
                {
                    if (points[i + 1] - points[i] >= 2)
                    {
                        values.Add(points[i] + ((points[i + 1] - points[i]) / 2));
                    }
                }
                else
                {
                    values.Add(points[i] + 1);
                }
            }
        }

        return [.. values.Distinct().Select(OrderedValues.FormatDate), "not-a-date"];
    }

    private static List<string> Addresses(List<string> constants)
    {
        var ranges = constants.Select(c => IpRange.TryParse(c, out var r) ? (IpRange?)r : null).OfType<IpRange>().ToList();
        var values = new List<string>();
        foreach (var v6 in new[] { false, true })
        {
            var bounds = new SortedSet<UInt128> { 0 };
            foreach (var range in ranges.Where(r => r.V6 == v6))
            {
                bounds.Add(range.First);
                if (range.Last < IpRange.LastAddress(v6))
                {
                    bounds.Add(range.Last + 1);
                }
            }

            values.AddRange(bounds.Select(b => new IpPoint(v6, b).ToString()));
        }

        values.Add("not-an-address");
        return values;
    }
}
