using PolicyGate.Documents;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>How a statement grants a sensitive action (iam:PassRole, iam:CreateServiceLinkedRole) on many resources.</summary>
public enum SensitiveActionGrant
{
    None,
    StarInResource,
    NotResource,
    StarInActionAndResource,
    StarInActionAndNotResource,
    StarInResourceAndNotAction,
    NotActionAndNotResource,
}

/// <summary>Classifies the six ways Access Analyzer distinguishes for broad grants of a sensitive action.</summary>
public static class SensitiveActionGrants
{
    public static SensitiveActionGrant Classify(PolicyStatement statement, string action)
    {
        var explicitly = statement.Action?.Items.Any(a => a.Value.IsFullyKnown && !a.HasWildcard && a.Text.Equals(action, StringComparison.OrdinalIgnoreCase)) ?? false;
        var byWildcard = !explicitly && (statement.Action?.Items.Any(a => a.Value.IsFullyKnown && a.HasWildcard && a.Matches(action)) ?? false);
        var byNotAction = statement.NotAction is { } notAction && notAction.Items.All(a => a.Value.IsFullyKnown && !a.Matches(action));
        var starResource = statement.Resource?.Items.Any(IsBroad) ?? false;
        var notResource = statement.NotResource is not null;
        return (explicitly, byWildcard, byNotAction, starResource, notResource) switch
        {
            (true, _, _, true, _) => SensitiveActionGrant.StarInResource,
            (true, _, _, _, true) => SensitiveActionGrant.NotResource,
            (_, true, _, true, _) => SensitiveActionGrant.StarInActionAndResource,
            (_, true, _, _, true) => SensitiveActionGrant.StarInActionAndNotResource,
            (_, _, true, true, _) => SensitiveActionGrant.StarInResourceAndNotAction,
            (_, _, true, _, true) => SensitiveActionGrant.NotActionAndNotResource,
            _ => SensitiveActionGrant.None,
        };
    }

    /// <summary>Where to report: the action entry that grants it, else the NotAction element.</summary>
    public static SourceLocation Where(PolicyStatement statement, SensitiveActionGrant how, string action)
    {
        if (how is SensitiveActionGrant.StarInResourceAndNotAction or SensitiveActionGrant.NotActionAndNotResource)
        {
            return statement.NotAction!.KeyLocation;
        }

        var byName = how is SensitiveActionGrant.StarInResource or SensitiveActionGrant.NotResource;
        var item = statement.Action?.Items.FirstOrDefault(a => a.Value.IsFullyKnown && a.HasWildcard != byName && a.Matches(action));
        return item?.Value.Location ?? statement.Location;
    }

    /// <summary>A resource that names every role: <c>*</c>, or an ARN whose resource part is <c>*</c> or <c>role/*</c>.</summary>
    private static bool IsBroad(ResourceItem item) =>
        item.Value.IsFullyKnown && (item.IsAll || item.Arn is { Resource: "*" or "role/*" or "role*" });
}
