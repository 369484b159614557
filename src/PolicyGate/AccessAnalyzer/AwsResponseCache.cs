using System.Security.Cryptography;
using System.Text;

namespace PolicyGate.AccessAnalyzer;

/// <summary>Answers already received, by a key derived from the operation and its canonical request.</summary>
public interface IAwsResponseCache
{
    bool TryRead(string key, out byte[] body);

    void Write(string key, ReadOnlySpan<byte> body);

    /// <summary>Drops an entry that turned out unusable (for example a truncated file).</summary>
    void Forget(string key);
}

/// <summary>The cache key: a SHA-256 over a format version, the operation and the request body. Headers (and so credentials) never enter it.</summary>
public static class AwsCacheKey
{
    private const string Format = "policygate-aws-cache-1";

    public static string For(string service, string operation, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Format}\n{service}\n{operation}\n{pathAndQuery}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>No cache (<c>--no-cache</c>).</summary>
public sealed class NoAwsResponseCache : IAwsResponseCache
{
    public static NoAwsResponseCache Instance { get; } = new();

    public bool TryRead(string key, out byte[] body)
    {
        body = [];
        return false;
    }

    public void Write(string key, ReadOnlySpan<byte> body)
    {
    }

    public void Forget(string key)
    {
    }
}

/// <summary>
/// A directory of response bodies, one file per key (fanned out by the first two hex digits). Writes go through a
/// temporary file and a rename, so concurrent runs never read half an entry; an unreadable cache is a miss, not an error.
/// </summary>
public sealed class FileAwsResponseCache(string directory) : IAwsResponseCache
{
    private const int MaxEntryBytes = 4 * 1024 * 1024;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The user's cache directory: %LOCALAPPDATA%, ~/Library/Caches or $XDG_CACHE_HOME (~/.cache), then policygate/aws.</summary>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        string root;
        if (OperatingSystem.IsWindows())
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        else if (OperatingSystem.IsMacOS())
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches");
        }
        else
        {
            root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        // Without a home directory the folder comes back empty; a relative path would litter the working directory.
        if (!Path.IsPathRooted(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "policygate", "aws");
    }

    public bool TryRead(string key, out byte[] body)
    {
        body = [];
        try
        {
            var path = PathOf(key);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxEntryBytes)
            {
                return false;
            }

            body = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Write(string key, ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxEntryBytes)
        {
            return;
        }

        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(body);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a call next time.
            TryDelete(temporary);
        }
    }

    public void Forget(string key) => TryDelete(PathOf(key));

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
