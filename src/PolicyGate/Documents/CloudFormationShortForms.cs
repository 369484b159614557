using System.Collections.Frozen;

namespace PolicyGate.Documents;

/// <summary>
/// CloudFormation's YAML short-form tags and the long-form keys they stand for. The YAML loader rewrites
/// <c>!Ref X</c> as <c>{"Ref": "X"}</c> so that every later stage sees one form.
/// </summary>
public static class CloudFormationShortForms
{
    private static readonly FrozenDictionary<string, string> LongForms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Sub"] = "Fn::Sub",
        ["!If"] = "Fn::If",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
        ["!Equals"] = "Fn::Equals",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!Transform"] = "Fn::Transform",
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
        ["!ForEach"] = "Fn::ForEach",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The long-form key for a short-form tag such as <c>!GetAtt</c>, or null.</summary>
    public static string? LongFormOf(string tag) => LongForms.GetValueOrDefault(tag);
}
