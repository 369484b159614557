using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;

namespace PolicyGate.Cli;

/// <summary><c>--guardrail NAME</c> of the single-check commands: a built-in reference policy or action list, which also brings its policy type.</summary>
internal static class GuardrailOptions
{
    public static Option<string?> Create(string description) => new("--guardrail") { Description = description, HelpName = "NAME" };

    /// <summary>Why the name cannot be used for this check (unknown, the other kind, another policy type), or null.</summary>
    public static string? Problem(string name, GuardrailCheck check, CheckPolicyType? type)
    {
        var known = GuardrailCatalog.BuiltIn.All.Where(g => g.Check == check).Select(g => g.Name).ToList();
        if (GuardrailCatalog.BuiltIn.Find(name) is not { } guardrail)
        {
            var close = Spelling.SpellingSuggestions.Nearest(name, known, 3, ignoreCase: true) is { } near ? $"did you mean {near}? " : string.Empty;
            return $"--guardrail {name}: no such guard-rail; {close}for this check: {string.Join(", ", known)}";
        }

        if (guardrail.Check != check)
        {
            return $"--guardrail {name} is a {(guardrail.Check == GuardrailCheck.NoNewAccess ? "check-no-new-access" : "check-access-not-granted")} guard-rail; for this check: {string.Join(", ", known)}";
        }

        return type is { } given && given != guardrail.PolicyType
            ? $"--guardrail {name} is written for {guardrail.PolicyType.ToString().ToLowerInvariant()} policies, not {given.ToString().ToLowerInvariant()} policies"
            : null;
    }

    /// <summary>
    /// The policy type: --policy-type when given, else the guard-rail's; null after reporting why there is none
    /// (an unknown type, or a guard-rail that is unknown, of the other check, or for the other policy type).
    /// </summary>
    public static CheckPolicyType? PolicyType(CliOutput io, string? typeText, string? guardrailName, GuardrailCheck check)
    {
        CheckPolicyType? type = null;
        if (typeText is not null)
        {
            if (!PolicyTypeNames.TryParseCheckType(typeText, out var given))
            {
                io.Error.WriteLine($"policygate: --policy-type {typeText}: use identity or resource (or IDENTITY_POLICY, RESOURCE_POLICY; trust is a resource policy)");
                return null;
            }

            type = given;
        }

        if (guardrailName is not null)
        {
            if (Problem(guardrailName, check, type) is { } problem)
            {
                io.Error.WriteLine($"policygate: {problem}");
                return null;
            }

            return type ?? GuardrailCatalog.BuiltIn.Find(guardrailName)!.PolicyType;
        }

        if (type is null)
        {
            io.Error.WriteLine("policygate: give --policy-type identity or resource");
        }

        return type;
    }
}
