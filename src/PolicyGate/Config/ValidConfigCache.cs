using System.Security.Cryptography;
using System.Text;

namespace PolicyGate.Config;

/// <summary>
/// Remembers configuration texts that passed schema validation, as empty marker files named by a hash of the
/// tool version, the schema and the configuration text, so an unchanged policygate.yaml is not validated again.
/// NJsonSchema's start-up (reflection-based schema loading through Newtonsoft.Json) costs about 200 ms of CPU,
/// more than the rest of a pre-commit run on five files. Only successes are remembered, so every mistake is
/// still reported; the binding after validation always runs. Any I/O problem means "not known" and is otherwise
/// ignored. The directory is <c>$POLICYGATE_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/policygate</c>, else
/// <c>~/.cache/policygate</c>; <c>POLICYGATE_CACHE_DIR=off</c> turns the cache off.
/// </summary>
public sealed class ValidConfigCache(string? directory)
{
    public static ValidConfigCache Default { get; } = new(DefaultDirectory());

    /// <summary>Null when the cache is off.</summary>
    public string? Directory { get; } = directory;

    /// <summary>Whether the document at <paramref name="span"/> of this text passed validation before.</summary>
    public bool IsKnownValid(string configText, Documents.SourceSpan span) =>
        Directory is not null && Try(() => File.Exists(MarkerPath(configText, span)));

    public void RememberValid(string configText, Documents.SourceSpan span)
    {
        if (Directory is null)
        {
            return;
        }

        Try(() =>
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (File.Create(MarkerPath(configText, span)))
            {
            }

            return true;
        });
    }

    private string MarkerPath(string configText, Documents.SourceSpan span)
    {
        // The span tells the documents of a multi-document file apart.
        var key = $"{Pipeline.ToolInfo.Current.Version}\0{ConfigSchema.SchemaHash}\0{span}\0{configText}";
        return Path.Combine(Directory!, "valid-config-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
    }

    private static bool Try(Func<bool> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static string? DefaultDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("POLICYGATE_CACHE_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured == "off" ? null : configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return !string.IsNullOrEmpty(xdg) ? Path.Combine(xdg, "policygate")
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache", "policygate")
            : null;
    }
}
