using System.Collections.Immutable;

namespace PolicyGate.Checks.Guardrails;

// Interim: the catalog lands with the guard-rails branch.
public sealed class GuardrailCatalog
{
    public static GuardrailCatalog BuiltIn { get; } = new();

    public ImmutableArray<Guardrail> All { get; } = [];

    public Guardrail? Find(string name) => All.FirstOrDefault(g => g.Name == name);
}
