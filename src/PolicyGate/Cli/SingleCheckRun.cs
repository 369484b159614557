using System.Collections.Immutable;
using System.Text;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary>What a single check answered, and where its reference policy came from when that was AWS.</summary>
internal sealed record SingleCheckAnswer(PolicyCheckResult Result, string? ExistingPolicySource = null);

/// <summary>
/// The part the single-check commands share once their inputs are read: select the engine, run the check,
/// turn engine failures into exit codes (<see cref="CheckFailures"/>), write the answer, and exit 0 on PASS and
/// 1 on FAIL ("could not prove" included).
/// </summary>
internal static class SingleCheckRun
{
    /// <summary>The configuration for <c>--config</c> (or ./policygate.yaml), or null after reporting why it is unusable.</summary>
    public static PolicyGateConfig? LoadConfig(CliOutput io, SingleCheckArguments arguments) => ScanCommand.LoadConfig(io, arguments.ConfigPath);

    /// <param name="subject">The policy whose statements the reasons name (the new policy for CheckNoNewAccess).</param>
    public static int Execute(
        CliOutput io,
        SingleCheckArguments arguments,
        PolicyGateConfig config,
        PolicyInputFile subject,
        CheckPolicyType subjectType,
        Func<CheckSession, CancellationToken, Task<SingleCheckAnswer>> check) =>
        ExecuteAsync(io, arguments, config, subject, subjectType, check, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<int> ExecuteAsync(
        CliOutput io,
        SingleCheckArguments arguments,
        PolicyGateConfig config,
        PolicyInputFile subject,
        CheckPolicyType subjectType,
        Func<CheckSession, CancellationToken, Task<SingleCheckAnswer>> check,
        CancellationToken cancellationToken)
    {
        CheckSession session;
        try
        {
            session = await CheckSession.StartAsync(io, arguments.Engine, config.Aws, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CheckFailures.TryReport(ex, io.Error, out var failed))
        {
            return failed;
        }

        using (session)
        {
            SingleCheckAnswer answer;
            try
            {
                answer = await check(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (CheckFailures.TryReport(ex, io.Error, out var failed))
            {
                if (session.AwsStatistics is { } statistics)
                {
                    io.Error.WriteLine(statistics.ToSummaryText());
                }

                return failed;
            }

            var report = new PolicyCheckReport(answer.Result, StatementLocations(subject, subjectType, answer.Result.Reasons), session.Selection.Reason)
            {
                AwsStatistics = session.AwsStatistics,
                ExistingPolicySource = answer.ExistingPolicySource,
            };
            Write(io, arguments.Format, report, subject.ReportPath);
            return answer.Result.Result == CheckVerdict.Pass ? ExitCodes.Success : ExitCodes.Findings;
        }
    }

    /// <summary>Each reason's statement in the file (its whole span), by the statement index the engine gave.</summary>
    private static ImmutableArray<SourceLocation?> StatementLocations(PolicyInputFile subject, CheckPolicyType type, ImmutableArray<CheckReason> reasons)
    {
        var statements = PolicyModelBuilder.Build(subject.Root, type == CheckPolicyType.Identity ? PolicyKind.Identity : PolicyKind.Resource).Statements;
        return [.. reasons.Select(r => r.StatementIndex is { } index && statements.FirstOrDefault(s => s.Index == index) is { } statement
            ? statement.Location
            : (SourceLocation?)null)];
    }

    private static void Write(CliOutput io, string format, PolicyCheckReport report, string subjectPath)
    {
        io.Out.Flush();
        using (var stdout = io.OpenStandardOutput())
        {
            if (format == "json")
            {
                PolicyCheckJson.Write(report, stdout);
            }
            else
            {
                stdout.Write(new UTF8Encoding(false).GetBytes(PolicyCheckText.Render(report, subjectPath)));
            }
        }

        if (format == "json" && report.AwsStatistics is { } statistics)
        {
            io.Error.WriteLine(statistics.ToSummaryText());
        }
    }
}
