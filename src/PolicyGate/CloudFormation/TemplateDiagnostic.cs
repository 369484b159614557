using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>What went wrong while reading or resolving a template. Each kind maps to one rule in Checks/CloudFormation.</summary>
public enum TemplateDiagnosticKind
{
    /// <summary>A section or resource has the wrong shape (Resources not a mapping, a resource without Type, ...).</summary>
    InvalidStructure,

    /// <summary>A Ref, GetAtt, Sub variable, condition, mapping or DependsOn names something that does not exist.</summary>
    UnresolvableReference,

    /// <summary>An intrinsic function with the wrong arguments, or a function that does not exist.</summary>
    InvalidIntrinsic,

    /// <summary>A Ref to an <c>AWS::</c> name that is not a pseudo parameter.</summary>
    UnknownPseudoParameter,

    /// <summary>Resources or conditions that depend on themselves.</summary>
    CircularDependency,

    /// <summary>Resolution stopped at a bound (nesting depth, alternatives, string size) and left the value unknown.</summary>
    ResolutionLimit,

    /// <summary>A feature resolved as unknown on purpose (macros, Fn::Transform, unknown SAM policy templates).</summary>
    UnsupportedFeature,

    /// <summary>A policy or event pattern given as a string that is not valid JSON.</summary>
    InvalidEmbeddedJson,

    /// <summary>A <c>Metadata: policygate: ignore</c> entry that is malformed or names no rule.</summary>
    InvalidSuppression,

    /// <summary>PolicyGate failed on the template (a bug): it was only partly checked.</summary>
    ExtractionFailed,
}

/// <summary>A located problem of a template; the rules in Checks/CloudFormation turn them into findings.</summary>
public sealed record TemplateDiagnostic(TemplateDiagnosticKind Kind, string Message, SourceSpan Span);

/// <summary>
/// Collects a template's diagnostics once each: the same expression may be resolved more than once (a
/// resource name read by several references), but it is reported once.
/// </summary>
public sealed class TemplateDiagnostics
{
    private readonly List<TemplateDiagnostic> _items = [];
    private readonly HashSet<TemplateDiagnostic> _seen = [];

    public IReadOnlyList<TemplateDiagnostic> Items => _items;

    public void Add(TemplateDiagnosticKind kind, Node at, string message) => Add(kind, at.Span, message);

    public void Add(TemplateDiagnosticKind kind, SourceSpan span, string message)
    {
        var diagnostic = new TemplateDiagnostic(kind, message, span);
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>The diagnostics in source order (then kind and message), for deterministic output.</summary>
    public IReadOnlyList<TemplateDiagnostic> Sorted() =>
        _items.OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Kind).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
}
