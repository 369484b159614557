using System.CommandLine;
using PolicyGate.CloudFormation;
using PolicyGate.Discovery;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate parse TEMPLATE... [--parameter K=V]</c>: JSON of every policy and event rule extracted from
/// the templates, offline. Exit 0 when every template was read, 2 when a file is missing, unreadable or
/// not a CloudFormation template (template findings are part of the output, not errors).
/// </summary>
public static class ParseCommand
{
    public static Command Create(CliOutput io)
    {
        var templates = new Argument<string[]>("TEMPLATE") { Description = "CloudFormation or SAM templates (JSON or YAML).", Arity = ArgumentArity.OneOrMore };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: ./policygate.yaml when present).", HelpName = "FILE" };
        var command = new Command("parse", "Print every IAM policy and EventBridge rule extracted from CloudFormation templates, resolved offline, with spans and unknowns.")
        {
            templates, config,
        };
        var cloudFormation = new CloudFormationOptions();
        cloudFormation.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = ScanCommand.LoadConfig(io, parse.GetValue(config));
            var settings = loaded is null ? null : cloudFormation.Apply(parse, loaded, io);
            return settings is null ? ExitCodes.UsageError : Run(io, parse.GetValue(templates) ?? [], settings);
        });
        return command;
    }

    private static int Run(CliOutput io, string[] paths, Config.PolicyGateConfig config)
    {
        var reportBase = RepositoryRoot.ReportBase(io.WorkingDirectory);
        var loader = new DocumentLoader(LoadLimits.Default with { MaxFileBytes = config.MaxFileBytes });
        var results = new List<TemplateExtraction>();
        var failed = false;
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, io.WorkingDirectory);
            if (!File.Exists(full))
            {
                io.Error.WriteLine($"policygate: {path}: no such file");
                failed = true;
                continue;
            }

            var reportPath = RepositoryRoot.ReportPath(reportBase, full);
            var file = loader.Load(full, reportPath);
            foreach (var diagnostic in file.Diagnostics)
            {
                io.Error.WriteLine($"{reportPath}:{diagnostic.Span.StartLine}:{diagnostic.Span.StartColumn}: {diagnostic.Message}");
            }

            var templatesInFile = 0;
            for (var i = 0; i < file.Documents.Length; i++)
            {
                var document = new ClassifiedDocument(file, file.Documents[i], DocumentClassifier.Classify(file.Documents[i], reportPath), i);
                if (document.Kind == DocumentKind.CloudFormationTemplate)
                {
                    results.Add(TemplateExtractor.Default.Extract(document, config.CloudFormation));
                    templatesInFile++;
                }
            }

            if (templatesInFile == 0)
            {
                io.Error.WriteLine($"policygate: {path}: {(file.Diagnostics.IsEmpty ? "not a CloudFormation template" : "could not be parsed")}");
                failed = true;
            }
        }

        if (failed)
        {
            return ExitCodes.UsageError;
        }

        io.Out.Flush();
        using (var stdout = io.OpenStandardOutput())
        {
            ExtractionJsonWriter.Write(results, stdout);
        }

        return ExitCodes.Success;
    }
}
