namespace PolicyGate.Checks;

/// <summary>How serious a finding is; the order matters (Error is the most severe).</summary>
public enum FindingLevel
{
    Note = 0,
    Warning = 1,
    Error = 2,
}

public static class FindingLevels
{
    public static string Name(this FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };

    public static bool TryParse(string text, out FindingLevel level)
    {
        switch (text.ToLowerInvariant())
        {
            case "error":
                level = FindingLevel.Error;
                return true;
            case "warning":
                level = FindingLevel.Warning;
                return true;
            case "note":
                level = FindingLevel.Note;
                return true;
            default:
                level = FindingLevel.Note;
                return false;
        }
    }
}
