using System.Text;
using System.Text.RegularExpressions;

namespace PolicyGate.Discovery;

/// <summary>
/// A path glob in the gitignore dialect: <c>*</c> and <c>?</c> stay within a path segment, <c>**</c> spans
/// segments, <c>[a-z]</c> is a character class. A pattern with no slash except a trailing one matches a name
/// at any depth; otherwise it is anchored to the base directory. A trailing slash matches directories only.
/// Paths are relative, with forward slashes.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(string text, Regex regex, bool directoryOnly, bool negated)
    {
        Text = text;
        _regex = regex;
        DirectoryOnly = directoryOnly;
        Negated = negated;
    }

    public string Text { get; }

    public bool DirectoryOnly { get; }

    /// <summary>A leading <c>!</c> (gitignore): re-includes what an earlier pattern excluded.</summary>
    public bool Negated { get; }

    public static GlobPattern Parse(string pattern, bool allowNegation = false)
    {
        var text = pattern;
        var negated = false;
        if (allowNegation && pattern.StartsWith('!'))
        {
            negated = true;
            pattern = pattern[1..];
        }

        if (pattern.StartsWith("./", StringComparison.Ordinal))
        {
            pattern = pattern[2..];
        }

        var directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        var anchored = pattern.Contains('/');
        pattern = pattern.TrimStart('/');

        var regex = new StringBuilder("^");
        if (!anchored)
        {
            regex.Append("(?:.*/)?");
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                {
                    var slashBefore = i == 0 || pattern[i - 1] == '/';
                    var slashAfter = i + 2 >= pattern.Length || pattern[i + 2] == '/';
                    if (slashBefore && slashAfter)
                    {
                        if (i + 2 >= pattern.Length)
                        {
                            regex.Append(".*");
                        }
                        else
                        {
                            // "a/**/b" also matches "a/b".
                            regex.Append("(?:.*/)?");
                            i++;
                        }
                    }
                    else
                    {
                        regex.Append("[^/]*");
                    }

                    i++;
                    break;
                }
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                {
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var body = pattern[(i + 1)..close];
                    var negate = body.StartsWith('!') || body.StartsWith('^');
                    if (negate)
                    {
                        body = body[1..];
                    }

                    regex.Append('[').Append(negate ? "^" : string.Empty).Append(body.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                }
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i++;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        // Interpreted, not compiled: compiling emits IL at startup, costlier than matching a few hundred paths.
        return new GlobPattern(text, new Regex(regex.ToString(), RegexOptions.CultureInvariant), directoryOnly, negated);
    }

    /// <summary>Whether the pattern matches this path itself.</summary>
    public bool Matches(string relativePath, bool isDirectory) =>
        (!DirectoryOnly || isDirectory) && _regex.IsMatch(relativePath);

    /// <summary>Whether the pattern matches this file or one of the directories it lies in.</summary>
    public bool MatchesFileOrAncestor(string relativeFilePath)
    {
        if (Matches(relativeFilePath, isDirectory: false))
        {
            return true;
        }

        for (var slash = relativeFilePath.IndexOf('/'); slash > 0; slash = relativeFilePath.IndexOf('/', slash + 1))
        {
            if (Matches(relativeFilePath[..slash], isDirectory: true))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;
}

/// <summary>Include and exclude globs from the configuration, applied to report paths.</summary>
public sealed class PathFilter
{
    private readonly IReadOnlyList<GlobPattern> _include;
    private readonly IReadOnlyList<GlobPattern> _exclude;

    public PathFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Select(p => GlobPattern.Parse(p)).ToList();
        _exclude = exclude.Select(p => GlobPattern.Parse(p)).ToList();
    }

    public static PathFilter None { get; } = new([], []);

    public bool Accepts(string relativePath) =>
        (_include.Count == 0 || _include.Any(g => g.MatchesFileOrAncestor(relativePath)))
        && !_exclude.Any(g => g.MatchesFileOrAncestor(relativePath));
}
