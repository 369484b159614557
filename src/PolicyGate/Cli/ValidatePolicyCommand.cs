using System.CommandLine;
using System.Text;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Discovery;
using PolicyGate.Documents;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;
using PolicyGate.Pipeline;
using PolicyGate.Reasoning;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate validate-policy --policy FILE --policy-type T [--resource-type R] [--format text|json] [--engine local|aws|auto]</c>:
/// Access Analyzer's ValidatePolicy, offline by default or by Access Analyzer itself with <c>--engine aws</c>.
/// Exit 0 without blocking findings, 1 with, 2 for usage or input errors, 3 when the AWS engine could not answer.
/// </summary>
public static class ValidatePolicyCommand
{
    public static Command Create(CliOutput io)
    {
        var policy = new Option<string>("--policy") { Description = "The policy document (JSON or YAML).", HelpName = "FILE", Required = true };
        var policyType = new Option<string>("--policy-type") { Description = "identity, resource, scp or rcp (or IDENTITY_POLICY, RESOURCE_POLICY, SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY).", HelpName = "TYPE", Required = true };
        var resourceType = new Option<string?>("--resource-type") { Description = "For resource policies: the resource type, for example AWS::S3::Bucket or AWS::IAM::AssumeRolePolicyDocument (a role trust policy).", HelpName = "TYPE" };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var config = new Option<string?>("--config") { Description = "Configuration file (default: ./policygate.yaml when present); its rules: levels apply.", HelpName = "FILE" };
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest finding level that fails the run (exit code 1): error, warning, note or never. Default: error." };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var ignore = IgnoreFindingOption.Create();
        var engine = EngineOptions.Create();
        var command = new Command("validate-policy", "Run Access Analyzer's ValidatePolicy checks on one policy (offline by default), with exact locations.")
        {
            policy, policyType, resourceType, format, config, failOn, ignore,
        };
        engine.AddTo(command);
        command.SetAction(parse => Run(
            io,
            parse.GetValue(policy)!,
            parse.GetValue(policyType)!,
            parse.GetValue(resourceType),
            parse.GetValue(format)!,
            parse.GetValue(config),
            parse.GetValue(failOn),
            parse.GetValue(ignore) ?? [],
            engine.Read(parse)));
        return command;
    }

    private static int Run(CliOutput io, string policyPath, string typeText, string? resourceType, string format, string? configPath, string? failOn, string[] ignore, EngineRequest engine)
    {
        if (!PolicyTypeNames.TryParse(typeText, out var type))
        {
            io.Error.WriteLine($"policygate: --policy-type {typeText}: use identity, resource, scp or rcp (or IDENTITY_POLICY, RESOURCE_POLICY, SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY)");
            return ExitCodes.UsageError;
        }

        if (resourceType is not null && type != ValidatePolicyType.Resource)
        {
            io.Error.WriteLine("policygate: --resource-type applies only to --policy-type resource");
            return ExitCodes.UsageError;
        }

        // "trust" is a resource policy of a role.
        if (typeText.Trim().StartsWith("trust", StringComparison.OrdinalIgnoreCase))
        {
            resourceType ??= "AWS::IAM::AssumeRolePolicyDocument";
        }

        var loadedConfig = ScanCommand.LoadConfig(io, configPath);
        if (loadedConfig is null || IgnoreFindingOption.Apply(loadedConfig, ignore, RuleCatalog.BuiltIn, io.Error) is not { } runConfig)
        {
            return ExitCodes.UsageError;
        }

        var full = Path.GetFullPath(policyPath, io.WorkingDirectory);
        if (!File.Exists(full))
        {
            io.Error.WriteLine($"policygate: {policyPath}: no such file");
            return ExitCodes.UsageError;
        }

        var reportPath = RepositoryRoot.ReportPath(RepositoryRoot.ReportBase(io.WorkingDirectory), full);
        var loaded = new DocumentLoader(LoadLimits.Default with { MaxFileBytes = runConfig.MaxFileBytes }).Load(full, reportPath);
        var lines = loaded.File.Text is { } text ? LineIndex.Build(text) : null;
        var findings = new List<ValidationFinding>();
        foreach (var diagnostic in loaded.Diagnostics.Where(d => d.Kind != DiagnosticKind.DuplicateKey))
        {
            findings.Add(OfflinePolicyValidator.SyntaxError(new SourceLocation(reportPath, diagnostic.Span), diagnostic.Message, lines));
        }

        if (loaded.Documents.Length != 1)
        {
            if (loaded.Documents.Length > 1)
            {
                io.Error.WriteLine($"policygate: {policyPath} holds {loaded.Documents.Length} YAML documents; give one policy");
            }
            else if (findings.Count == 0)
            {
                io.Error.WriteLine($"policygate: {policyPath} is empty");
            }

            Write(io, format, findings, reportPath);
            return ExitCodes.UsageError;
        }

        var threshold = failOn ?? runConfig.FailOn ?? "error";
        if (engine.Choice != EngineChoice.Local)
        {
            var request = new ValidatePolicyRequest(PolicyInputFile.EngineInput(loaded.Format, loaded.Documents[0]), type, resourceType);
            if (ValidateWithEngine(io, engine, runConfig, request, format, threshold) is { } exitCode)
            {
                return exitCode;
            }
        }

        var validator = OfflinePolicyValidator.CreateDefault();
        var model = PolicyModelBuilder.Build(loaded.Documents[0], OfflinePolicyValidator.KindOf(type, resourceType), resourceType);
        var issues = validator.Validate(model, runConfig.Rules);
        findings.AddRange(OfflinePolicyValidator.ToFindings(model, issues));
        Write(io, format, findings, reportPath);

        var levels = issues.Select(i => runConfig.Rules.LevelOf(i.Rule) ?? FindingLevel.Note)
            .Concat(findings.Where(f => f.IssueCode == "JSON_SYNTAX_ERROR").Select(_ => FindingLevel.Error));
        return ExitCodeFor(levels, threshold);
    }

    private static int ExitCodeFor(IEnumerable<FindingLevel> levels, string threshold) =>
        threshold != "never" && FindingLevels.TryParse(threshold, out var level) && levels.Any(l => l >= level) ? ExitCodes.Findings : ExitCodes.Success;

    /// <summary>
    /// ValidatePolicy through the engine <c>--engine</c> selects. Returns null when that is the local engine
    /// (<c>auto</c> without credentials): the offline path then runs exactly as without the option, and the
    /// reason goes to standard error. Access Analyzer's findings are placed in the file, filtered and levelled by
    /// the rules whose issue code they carry (the configuration and --ignore-finding apply), and unknown codes
    /// keep the level their finding type implies.
    /// </summary>
    private static int? ValidateWithEngine(CliOutput io, EngineRequest engine, PolicyGateConfig config, ValidatePolicyRequest request, string format, string threshold)
    {
        CheckSession session;
        try
        {
            session = CheckSession.StartAsync(io, engine, config.Aws, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (CheckFailures.TryReport(ex, io.Error, out var failed))
        {
            return failed;
        }

        using (session)
        {
            if (session.Engine is not AwsPolicyCheckEngine aws)
            {
                io.Error.WriteLine(session.Selection.Reason);
                return null;
            }

            ValidatePolicyResult result;
            try
            {
                result = aws.ValidatePolicyAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (CheckFailures.TryReport(ex, io.Error, out var failed))
            {
                return failed;
            }

            var root = request.Policy.Located!;
            var sentAsWritten = request.Policy.Json == root.File.Text;
            var kept = new List<(ValidationFinding Finding, FindingLevel Level)>();
            foreach (var finding in result.Findings)
            {
                var rule = RuleCatalog.BuiltIn.Find(finding.IssueCode);
                if (rule is not null && !config.Rules.IsEnabled(rule))
                {
                    continue;
                }

                var located = finding.Locations.IsEmpty ? finding : finding with { SourceLocation = PolicyTextLocations.Locate(finding.Locations[0], root, sentAsWritten) };
                kept.Add((located, rule is null ? LevelOf(finding.FindingType) : config.Rules.LevelOf(rule) ?? LevelOf(finding.FindingType)));
            }

            var summary = $"{session.Selection.Reason}\n{session.AwsStatistics?.ToSummaryText()}\n";
            Write(io, format, [.. kept.Select(k => k.Finding)], root.File.Path, aws.Name, format == "json" ? null : summary);
            if (format == "json")
            {
                io.Error.Write(summary);
            }

            return ExitCodeFor(kept.Select(k => k.Level), threshold);
        }
    }

    private static FindingLevel LevelOf(ValidationFindingType type) => type switch
    {
        ValidationFindingType.Error => FindingLevel.Error,
        ValidationFindingType.Suggestion => FindingLevel.Note,
        _ => FindingLevel.Warning,
    };

    /// <param name="trailer">Text output only: lines after the findings (which engine answered, its calls).</param>
    private static void Write(CliOutput io, string format, IReadOnlyList<ValidationFinding> findings, string path, string engine = LocalPolicyCheckEngine.EngineName, string? trailer = null)
    {
        io.Out.Flush();
        using var stdout = io.OpenStandardOutput();
        if (format == "json")
        {
            ValidationFindingsJson.Write(findings, stdout, engine);
            return;
        }

        var text = new StringBuilder();
        foreach (var f in findings)
        {
            var at = f.SourceLocation ?? new SourceLocation(path, SourceSpan.FileStart);
            var codes = string.Join(' ', new[] { f.RuleId, f.IssueCode }.OfType<string>().Distinct());
            text.Append($"{at.Path}:{at.Span.StartLine}:{at.Span.StartColumn}: {f.FindingType.Name()} {codes}: {f.Details}\n");
        }

        var counts = Enum.GetValues<ValidationFindingType>().Select(t => (Type: t, Count: findings.Count(f => f.FindingType == t))).Where(c => c.Count > 0);
        text.Append(findings.Count == 0
            ? $"{path}: no findings\n"
            : $"{path}: {findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")} ({string.Join(", ", counts.Select(c => $"{c.Count} {c.Type.Name()}"))})\n");
        text.Append(trailer);
        stdout.Write(new UTF8Encoding(false).GetBytes(text.ToString()));
    }
}
