using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Whether two elements (two statements' Action, say) can match one value: false only when no pattern of one
/// shares a string with any pattern of the other, which <see cref="PatternIntersection"/> decides exactly. A
/// negated element (NotAction) may overlap anything. Used to leave out statements that can never apply to the
/// requests a query is about.
/// </summary>
public static class ElementOverlap
{
    public static bool Possible(ElementTest a, ElementTest b) =>
        a.Negated || b.Negated || a.Patterns.Any(p => b.Patterns.Any(q => PatternIntersection.Intersects(p, q)));
}
