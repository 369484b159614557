using static PolicyGate.Tests.EventBridge.PatternKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>EventBridge's matching semantics, case by case from the reference (probes and AWS-validated cases).</summary>
public class MatchingSemanticsTests
{
    [Theory]
    [InlineData("""{"a":[5]}""", """{"a":5}""", true)]
    [InlineData("""{"a":[5]}""", """{"a":5.0}""", true)]
    [InlineData("""{"a":[5]}""", """{"a":5e0}""", true)]
    [InlineData("""{"a":[5]}""", """{"a":"5"}""", false)]
    [InlineData("""{"a":["5"]}""", """{"a":5}""", false)]
    [InlineData("""{"a":[300]}""", """{"a":3.0e2}""", true)]
    [InlineData("""{"a":[12345678901234567890]}""", """{"a":12345678901234567890}""", true)]
    [InlineData("""{"a":[12345678901234567890]}""", """{"a":12345678901234567000}""", false)]
    [InlineData("""{"a":[true]}""", """{"a":"true"}""", false)]
    [InlineData("""{"a":[true]}""", """{"a":true}""", true)]
    [InlineData("""{"a":[null]}""", """{"a":null}""", true)]
    [InlineData("""{"a":[null]}""", """{"a":"null"}""", false)]
    [InlineData("""{"a":[null]}""", """{}""", false)]
    [InlineData("""{"a":[""]}""", """{"a":null}""", false)]
    public void Exact_values_are_typed_and_numbers_compare_as_float64(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Theory]
    [InlineData("""{"ip":["2001:db8:0:0:0:0:0:1"]}""", """{"ip":"2001:db8::1"}""", true)]
    [InlineData("""{"ip":["10.0.0.1"]}""", """{"ip":"10.0.0.01"}""", true)]
    [InlineData("""{"ip":[{"cidr":"10.0.0.77/24"}]}""", """{"ip":"10.0.0.3"}""", true)]
    [InlineData("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"10.0.0.256"}""", false)]
    [InlineData("""{"ip":[{"cidr":"10.0.0.0/24"}]}""", """{"ip":"not an ip"}""", false)]
    [InlineData("""{"ip":[{"cidr":"2001:DB8::/64"}]}""", """{"ip":"2001:db8::abcd"}""", true)]
    [InlineData("""{"ip":[{"cidr":"10.0.0.0/8"}]}""", """{"ip":"::ffff:10.0.0.1"}""", false)]
    [InlineData("""{"ip":[{"cidr":"10.0.0.0/8"}]}""", """{"ip":"::ffff:a00:1"}""", true)]
    public void Addresses_compare_as_addresses(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Theory]
    [InlineData("""{"a":[{"equals-ignore-case":"ÉCOLE"}]}""", """{"a":"école"}""", true)]
    [InlineData("""{"a":[{"equals-ignore-case":"STRASSE"}]}""", """{"a":"straße"}""", false)]
    [InlineData("""{"a":[{"equals-ignore-case":"straße"}]}""", """{"a":"STRASSE"}""", true)]
    [InlineData("""{"a":[{"equals-ignore-case":""}]}""", """{"a":""}""", true)]
    [InlineData("""{"a":[{"equals-ignore-case":""}]}""", """{"a":"x"}""", false)]
    [InlineData("""{"a":[{"prefix":{"equals-ignore-case":"ARN:AWS"}}]}""", """{"a":"arn:aws:iam::1:role/x"}""", true)]
    [InlineData("""{"a":[{"suffix":{"equals-ignore-case":".PNG"}}]}""", """{"a":"cat.png"}""", true)]
    [InlineData("""{"a":[{"suffix":".PNG"}]}""", """{"a":"cat.png"}""", false)]
    [InlineData("""{"a":[{"prefix":""}]}""", """{"a":5}""", false)]
    [InlineData("""{"a":[{"prefix":""}]}""", """{"a":""}""", true)]
    public void String_operators_apply_to_strings_only(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Theory]
    [InlineData("Put*Policy", "PutRolePolicy", true)]
    [InlineData("Put*Policy", "PutRolePolicyX", false)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("a\\\\*c", "a*c", true)]
    [InlineData("a\\\\*c", "abc", false)]
    [InlineData("a\\\\\\\\*", "a\\zzz", true)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b*", "xxbxxaxx", false)]
    [InlineData("ab*ab", "ab", false)]
    [InlineData("ab*ab", "abab", true)]
    public void Wildcards_cover_runs_of_characters(string wildcard, string value, bool expected) =>
        Matches($$"""{"a":[{"wildcard":"{{wildcard}}"}]}""", $$"""{"a":"{{value.Replace("\\", "\\\\")}}"}""").ShouldBe(expected);

    [Fact]
    public void A_star_outside_the_wildcard_operator_is_an_exact_character()
    {
        Matches("""{"eventName":["Put*Policy"]}""", """{"eventName":"PutRolePolicy"}""").ShouldBeFalse();
        Matches("""{"eventName":["Put*Policy"]}""", """{"eventName":"Put*Policy"}""").ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":"y"}""", true)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":"x"}""", false)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{}""", false)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":null}""", true)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":5}""", true)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":["x","y"]}""", true)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":[]}""", false)]
    [InlineData("""{"a":[{"anything-but":"x"}]}""", """{"a":{"b":"c"}}""", false)]
    [InlineData("""{"a":[{"anything-but":[100]}]}""", """{"a":100.0}""", false)]
    [InlineData("""{"a":[{"anything-but":[100]}]}""", """{"a":"1"}""", true)]
    [InlineData("""{"a":[{"anything-but":{"prefix":"arn:aws:iam"}}]}""", """{"a":"arn:aws:s3:::b"}""", true)]
    [InlineData("""{"a":[{"anything-but":{"prefix":["arn:aws:iam","arn:aws:s3"]}}]}""", """{"a":"arn:aws:s3:::b"}""", false)]
    [InlineData("""{"a":[{"anything-but":{"suffix":".tmp"}}]}""", """{"a":"x.tmp"}""", false)]
    [InlineData("""{"a":[{"anything-but":{"equals-ignore-case":["ACTIVE"]}}]}""", """{"a":"active"}""", false)]
    [InlineData("""{"a":[{"anything-but":{"wildcard":"*.tmp"}}]}""", """{"a":"x.json"}""", true)]
    [InlineData("""{"a":[{"anything-but":{"wildcard":""}}]}""", """{"a":""}""", false)]
    public void Anything_but_needs_a_value_and_matches_what_it_does_not_exclude(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Theory]
    [InlineData("""{"a":[{"numeric":[">",100]}]}""", """{"a":101.0}""", true)]
    [InlineData("""{"a":[{"numeric":[">",100]}]}""", """{"a":"300"}""", false)]
    [InlineData("""{"a":[{"numeric":[">",100]}]}""", """{"a":null}""", false)]
    [InlineData("""{"a":[{"numeric":[">",0,"<=",5]}]}""", """{"a":[9,3]}""", true)]
    [InlineData("""{"a":[{"numeric":[">=",0,"<",5]}]}""", """{"a":5}""", false)]
    [InlineData("""{"a":[{"numeric":["=",3.018e2]}]}""", """{"a":301.8}""", true)]
    [InlineData("""{"a":[{"numeric":["<",1e20]}]}""", """{"a":12345678901234567890}""", false)]
    public void Numeric_ranges_compare_float64_numbers_only(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Theory]
    [InlineData("""{"a":[{"exists":true}]}""", """{"a":null}""", true)]
    [InlineData("""{"a":[{"exists":true}]}""", """{"a":[]}""", false)]
    [InlineData("""{"a":[{"exists":true}]}""", """{"a":{}}""", false)]
    [InlineData("""{"a":[{"exists":true}]}""", """{"a":{"b":1}}""", false)]
    [InlineData("""{"a":[{"exists":false}]}""", """{"a":{"b":1}}""", true)]
    [InlineData("""{"a":[{"exists":false}]}""", """{"a":[]}""", true)]
    [InlineData("""{"a":[{"exists":false}]}""", """{"a":null}""", false)]
    [InlineData("""{"a":[{"exists":false}]}""", """{}""", true)]
    [InlineData("""{"a":[{"exists":false},"x"]}""", """{"a":"x"}""", true)]
    [InlineData("""{"a":[{"exists":false},"x"]}""", """{"a":"y"}""", false)]
    public void Exists_is_about_leaf_values(string pattern, string e, bool expected) =>
        Matches(pattern, e).ShouldBe(expected);

    [Fact]
    public void Fields_from_different_elements_of_one_array_never_combine()
    {
        const string pattern = """{"r":{"n":["x"],"t":["y"]}}""";
        Matches(pattern, """{"r":[{"n":"x","t":"w"},{"n":"z","t":"y"}]}""").ShouldBeFalse();
        Matches(pattern, """{"r":[{"n":"x","t":"w"},{"n":"x","t":"y"}]}""").ShouldBeTrue();
    }

    [Fact]
    public void Exists_false_is_judged_within_the_array_element_already_chosen()
    {
        // firstName sorts before ids, so "ids absent" is judged within Anna's element.
        const string e = """{"employees":[[{"firstName":"John","ids":[1,2]},{"firstName":"Anna"}],[{"firstName":"Peter","ids":[]}]]}""";
        Matches("""{"employees":{"firstName":["Anna"],"ids":[{"exists":false}]}}""", e).ShouldBeTrue();
        Matches("""{"employees":{"firstName":["John"],"ids":[{"exists":false}]}}""", e).ShouldBeFalse();
    }

    [Fact]
    public void Dotted_keys_and_nested_keys_are_the_same_path()
    {
        Matches("""{"detail":{"state.status":["running"]}}""", """{"detail":{"state":{"status":"running"}}}""").ShouldBeTrue();
        Matches("""{"detail":{"state":{"status":["running"]}}}""", """{"detail":{"state.status":"running"}}""").ShouldBeTrue();
        Matches("""{"Detail-Type":["x"]}""", """{"detail-type":"x"}""").ShouldBeFalse();
    }

    [Fact]
    public void A_value_list_never_matches_an_object_or_a_json_encoded_string()
    {
        Matches("""{"detail":["x"]}""", """{"detail":{"a":"x"}}""").ShouldBeFalse();
        Matches("""{"detail":{"key":["v"]}}""", """{"detail":"{\"key\":\"v\"}"}""").ShouldBeFalse();
    }

    [Fact]
    public void Or_branches_never_mix_and_a_later_list_replaces_an_earlier_one_for_the_same_path()
    {
        const string pattern = """{"name":["a","b"],"$or":[{"name":[{"anything-but":"a"}]},{"condition1":["x"]}]}""";
        Matches(pattern, """{"name":"c"}""").ShouldBeTrue();
        Matches(pattern, """{"name":"a","condition1":"x"}""").ShouldBeTrue();
        Matches(pattern, """{"name":"a"}""").ShouldBeFalse();
        Matches("""{"$or":[{"a":["1"],"b":["2"]},{"c":["3"]}]}""", """{"a":"1","c":"9"}""").ShouldBeFalse();
    }

    [Fact]
    public void Repeated_object_keys_merge_while_repeated_value_lists_keep_the_last()
    {
        Matches("""{"d":{"a":["x"]},"d":{"b":["y"]}}""", """{"d":{"a":"x","b":"y"}}""").ShouldBeTrue();
        Matches("""{"d":{"a":["x"]},"d":{"b":["y"]}}""", """{"d":{"b":"y"}}""").ShouldBeFalse();
        Matches("""{"a":["x"],"a":["y"]}""", """{"a":"x"}""").ShouldBeFalse();
    }

    [Fact]
    public void Equal_pattern_numbers_match_the_exact_text_of_unrepresentable_event_numbers_only()
    {
        Matches("""{"a":[{"numeric":[">",1]}, 12345678901234567890]}""", """{"a":12345678901234567890}""").ShouldBeTrue();
        Matches("""{"a":[{"numeric":[">",1]}]}""", """{"a":12345678901234567890}""").ShouldBeFalse();
    }

    [Fact]
    public void A_hostile_event_with_many_arrays_is_decided_quickly()
    {
        var elements = string.Join(",", Enumerable.Range(0, 300).Select(i => $$"""{"x":"v{{i}}"}"""));
        var e = $$"""{"a":[{{elements}}],"b":[{{elements}}],"c":[{{elements}}],"d":[{"z":"no"}]}""";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Matches("""{"a":{"x":[{"prefix":"v"}]},"b":{"x":[{"prefix":"v"}]},"c":{"x":[{"prefix":"v"}]},"d":{"z":["yes"]}}""", e).ShouldBeFalse();
        Matches("""{"a":{"x":[{"prefix":"v"}]},"b":{"x":[{"prefix":"v"}]},"c":{"x":[{"prefix":"v"}]},"d":{"z":[{"exists":false}]}}""", e).ShouldBeFalse();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "array-consistent search must stay bounded on hostile input");
    }
}
