using PolicyGate.AccessAnalyzer;
using PolicyGate.Config;

namespace PolicyGate.Cli;

/// <summary>
/// The engines one single-check command uses: the one <c>--engine</c> selected and, when a reference policy is
/// read from IAM, an AWS engine for those reads (the selected one when it is the AWS engine). Disposing it
/// disposes both.
/// </summary>
internal sealed class CheckSession : IDisposable
{
    private readonly EngineRequest _request;
    private readonly AwsSettings _settings;
    private readonly Func<string, string?> _environment;
    private AwsPolicyCheckEngine? _forIam;

    private CheckSession(EngineSelection selection, EngineRequest request, AwsSettings settings, Func<string, string?> environment)
    {
        Selection = selection;
        _request = request;
        _settings = settings;
        _environment = environment;
    }

    public EngineSelection Selection { get; }

    public IPolicyCheckEngine Engine => Selection.Engine;

    /// <summary>The AWS calls of every AWS engine of the run, or null when none was built.</summary>
    public AwsCallStatistics? AwsStatistics
    {
        get
        {
            var all = new[] { Selection.AwsStatistics, _forIam is null || ReferenceEquals(_forIam, Selection.Engine) ? null : _forIam.Statistics }.OfType<AwsCallStatistics>().ToList();
            return all.Count == 0 ? null : all.Aggregate((a, b) => new AwsCallStatistics(a.CallsMade + b.CallsMade, a.CustomCheckCalls + b.CustomCheckCalls, a.CacheHits + b.CacheHits, a.Retries + b.Retries));
        }
    }

    /// <summary>
    /// Selects the engine; throws like <see cref="EngineOptions.SelectAsync(EngineRequest, AwsSettings, CancellationToken)"/>.
    /// A relative cache directory is taken relative to the command's working directory.
    /// </summary>
    public static async Task<CheckSession> StartAsync(CliOutput io, EngineRequest request, AwsSettings settings, CancellationToken cancellationToken)
    {
        var environment = io.Environment;
        if (settings.CacheDirectory is { } cache)
        {
            settings = settings with { CacheDirectory = Path.GetFullPath(cache, io.WorkingDirectory) };
        }

        var selection = await EngineOptions.SelectAsync(request, settings, environment, cancellationToken).ConfigureAwait(false);
        return new CheckSession(selection, request, settings, environment);
    }

    /// <summary>
    /// An AWS engine for IAM reads. Reading a deployed policy needs AWS credentials whichever engine answers the
    /// check, so with <c>--engine local</c> or <c>auto</c> without credentials this throws
    /// <see cref="PolicyCheckUnavailableException"/>.
    /// </summary>
    public async Task<AwsPolicyCheckEngine> AwsEngineAsync(CancellationToken cancellationToken)
    {
        if (_forIam is not null)
        {
            return _forIam;
        }

        if (Selection.Engine is AwsPolicyCheckEngine selected)
        {
            return _forIam = selected;
        }

        var aws = await EngineOptions.SelectAsync(_request with { Choice = EngineChoice.Aws }, _settings, _environment, cancellationToken).ConfigureAwait(false);
        return _forIam = (AwsPolicyCheckEngine)aws.Engine;
    }

    public void Dispose()
    {
        (Selection.Engine as IDisposable)?.Dispose();
        if (!ReferenceEquals(_forIam, Selection.Engine))
        {
            _forIam?.Dispose();
        }
    }
}
