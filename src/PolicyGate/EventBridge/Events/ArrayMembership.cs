namespace PolicyGate.EventBridge.Events;

/// <summary>
/// Which element of which array of objects (or of arrays) a leaf value sits in. EventBridge matches one
/// combination of pattern fields only with values from the same element of each array they share, so a
/// pattern never combines a field from one element with a field from a sibling element.
/// </summary>
public sealed class ArrayMembership
{
    public static readonly ArrayMembership None = new([]);

    // Pairs (array id, element index), sorted by array id.
    private readonly int[] _pairs;

    private ArrayMembership(int[] pairs) => _pairs = pairs;

    public bool IsEmpty => _pairs.Length == 0;

    public int Count => _pairs.Length / 2;

    public int ArrayAt(int i) => _pairs[2 * i];

    public int IndexAt(int i) => _pairs[(2 * i) + 1];

    /// <summary>This membership with one more array (ids grow as the event is read, so it stays sorted).</summary>
    public ArrayMembership With(int arrayId, int index)
    {
        var pairs = new int[_pairs.Length + 2];
        _pairs.CopyTo(pairs, 0);
        pairs[^2] = arrayId;
        pairs[^1] = index;
        return new ArrayMembership(pairs);
    }

    /// <summary>
    /// The union of two memberships, or null when they disagree on an element of some array. Returns one of
    /// the inputs when nothing is added, so the common case allocates nothing.
    /// </summary>
    public static ArrayMembership? Combine(ArrayMembership soFar, ArrayMembership field)
    {
        if (field.IsEmpty)
        {
            return soFar;
        }

        if (soFar.IsEmpty)
        {
            return field;
        }

        var a = soFar._pairs;
        var b = field._pairs;
        var i = 0;
        var j = 0;
        var added = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                if (a[i + 1] != b[j + 1])
                {
                    return null;
                }

                i += 2;
                j += 2;
            }
            else if (a[i] < b[j])
            {
                i += 2;
            }
            else
            {
                added++;
                j += 2;
            }
        }

        added += (b.Length - j) / 2;
        if (added == 0)
        {
            return soFar;
        }

        var merged = new int[a.Length + (2 * added)];
        i = 0;
        j = 0;
        var k = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && a[i] <= b[j]))
            {
                if (j < b.Length && a[i] == b[j])
                {
                    j += 2;
                }

                merged[k++] = a[i++];
                merged[k++] = a[i++];
            }
            else
            {
                merged[k++] = b[j++];
                merged[k++] = b[j++];
            }
        }

        return new ArrayMembership(merged);
    }

    /// <summary>Only the arrays in the set: what still matters for the fields left to match.</summary>
    public ArrayMembership Restrict(IReadOnlySet<int> arrays)
    {
        if (IsEmpty)
        {
            return this;
        }

        var kept = new List<int>(_pairs.Length);
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            if (arrays.Contains(_pairs[i]))
            {
                kept.Add(_pairs[i]);
                kept.Add(_pairs[i + 1]);
            }
        }

        return kept.Count == _pairs.Length ? this : new ArrayMembership(kept.ToArray());
    }

    /// <summary>A text key for memoization.</summary>
    public string Key => string.Join(',', _pairs);

    public override string ToString() => IsEmpty ? "(none)" : string.Join(" ", Enumerable.Range(0, Count).Select(i => $"{ArrayAt(i)}[{IndexAt(i)}]"));
}
