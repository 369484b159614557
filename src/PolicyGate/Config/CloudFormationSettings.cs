using System.Collections.Immutable;
using PolicyGate.Discovery;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>
/// A CloudFormation parameter or export value given from outside the template: one string, or a list of
/// strings (for <c>CommaDelimitedList</c> and <c>List&lt;...&gt;</c> parameters).
/// </summary>
public sealed record ParameterValue(ImmutableArray<string> Items, bool IsList)
{
    public static ParameterValue Of(string text) => new([text], false);

    public static ParameterValue ListOf(IEnumerable<string> items) => new(items.ToImmutableArray(), true);

    /// <summary>The value as CloudFormation passes a parameter: a list is joined with commas.</summary>
    public string Text => string.Join(',', Items);

    public override string ToString() => IsList ? $"[{string.Join(", ", Items)}]" : Text;
}

/// <summary>
/// The values CloudFormation's pseudo parameters take offline. Partition and URL suffix are derived from the
/// region unless given; the stack name defaults to the template's file name (see <c>docs/cloudformation.md</c>).
/// </summary>
public sealed record PseudoParameterSettings
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "us-east-1";

    public string AccountId { get; init; } = DefaultAccountId;

    public string Region { get; init; } = DefaultRegion;

    /// <summary>True when the region was configured rather than defaulted (event rules then carry it).</summary>
    public bool RegionConfigured { get; init; }

    public string? Partition { get; init; }

    public string? UrlSuffix { get; init; }

    public string? StackName { get; init; }

    public string? StackId { get; init; }

    /// <summary>Null: unknown offline (the stack's notification ARNs are set at deploy time).</summary>
    public ImmutableArray<string>? NotificationArns { get; init; }

    /// <summary>The keys accepted in configuration and on the command line, as CloudFormation spells them.</summary>
    public static readonly ImmutableArray<string> Names = ["AccountId", "Region", "Partition", "URLSuffix", "StackName", "StackId", "NotificationARNs"];

    /// <summary>Sets one value by name (without the <c>AWS::</c> prefix); returns null for an unknown name.</summary>
    public PseudoParameterSettings? With(string name, ParameterValue value)
    {
        var key = name.StartsWith("AWS::", StringComparison.Ordinal) ? name[5..] : name;
        return key switch
        {
            "AccountId" => this with { AccountId = value.Text },
            "Region" => this with { Region = value.Text, RegionConfigured = true },
            "Partition" => this with { Partition = value.Text },
            "URLSuffix" => this with { UrlSuffix = value.Text },
            "StackName" => this with { StackName = value.Text },
            "StackId" => this with { StackId = value.Text },
            "NotificationARNs" => this with { NotificationArns = value.IsList ? value.Items : value.Text.Length == 0 ? [] : value.Text.Split(',').ToImmutableArray() },
            _ => null,
        };
    }
}

/// <summary>Parameter values read from a template configuration file (CodePipeline's <c>{"Parameters": {...}}</c> and the other accepted shapes).</summary>
public sealed record TemplateConfiguration(string SourcePath, ImmutableSortedDictionary<string, ParameterValue> Parameters);

/// <summary>A template configuration file and the templates (report-path globs) it applies to.</summary>
public sealed record TemplateConfigurationBinding(ImmutableArray<GlobPattern> Templates, TemplateConfiguration Configuration)
{
    public bool AppliesTo(string reportPath) => Templates.Any(g => g.MatchesFileOrAncestor(reportPath));
}

/// <summary>
/// The CloudFormation section of the configuration: parameter values, pseudo parameters, import values and
/// template configuration files, plus what the command line adds. Precedence, lowest first: the template's
/// <c>Default</c>, <c>parameters</c>, matching <c>template-configurations</c> (in order), the
/// <c>--template-configuration</c> file, then <c>--parameter</c>.
/// </summary>
public sealed record CloudFormationSettings
{
    public static CloudFormationSettings Default { get; } = new();

    public ImmutableSortedDictionary<string, ParameterValue> Parameters { get; init; } = Empty;

    public PseudoParameterSettings PseudoParameters { get; init; } = new();

    public ImmutableSortedDictionary<string, ParameterValue> ImportValues { get; init; } = Empty;

    public ImmutableArray<TemplateConfigurationBinding> TemplateConfigurations { get; init; } = [];

    /// <summary>From <c>--template-configuration FILE</c>: applies to every template.</summary>
    public TemplateConfiguration? CommandLineConfiguration { get; init; }

    /// <summary>From <c>--parameter KEY=VALUE</c>: applies to every template and wins over everything else.</summary>
    public ImmutableSortedDictionary<string, ParameterValue> CommandLineParameters { get; init; } = Empty;

    private static ImmutableSortedDictionary<string, ParameterValue> Empty =>
        ImmutableSortedDictionary<string, ParameterValue>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The parameter values given from outside for one template, by precedence.</summary>
    public ImmutableSortedDictionary<string, ParameterValue> ParametersFor(string templatePath)
    {
        var merged = Parameters;
        foreach (var binding in TemplateConfigurations.Where(b => b.AppliesTo(templatePath)))
        {
            merged = merged.SetItems(binding.Configuration.Parameters);
        }

        if (CommandLineConfiguration is { } file)
        {
            merged = merged.SetItems(file.Parameters);
        }

        return merged.SetItems(CommandLineParameters);
    }
}
