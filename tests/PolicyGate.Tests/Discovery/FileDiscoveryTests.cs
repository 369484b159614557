using PolicyGate.Discovery;

namespace PolicyGate.Tests.Discovery;

public class FileDiscoveryTests
{
    private static IReadOnlyList<string> Discover(TestDirectory dir, IReadOnlyList<string>? paths = null, PathFilter? filter = null)
    {
        var result = FileDiscovery.Discover(new DiscoveryRequest
        {
            Paths = paths ?? [],
            WorkingDirectory = dir.Root,
            Filter = filter ?? PathFilter.None,
        });
        result.MissingPaths.ShouldBeEmpty();
        return result.Files.Select(f => f.Path).ToList();
    }

    [Fact]
    public void Walks_candidate_extensions_in_a_deterministic_order_and_skips_default_folders()
    {
        using var dir = new TestDirectory();
        foreach (var file in new[] { "b.json", "a.yaml", "sub/c.yml", "sub/d.template", "notes.md", "node_modules/x/p.json", "bin/out.json", "obj/o.json", "cdk.out/asset.123/inner.json", "cdk.out/Stack.template.json", "x/bin/nested.json" })
        {
            dir.Write(file, "{}");
        }

        Discover(dir).ShouldBe(["a.yaml", "b.json", "cdk.out/Stack.template.json", "sub/c.yml", "sub/d.template"]);
    }

    [Fact]
    public void Honours_gitignore_files_outside_a_work_tree()
    {
        using var dir = new TestDirectory();
        dir.Write(".gitignore", "generated/\n*.tmp.json\n");
        dir.Write("sub/.gitignore", "local.yaml\n");
        foreach (var file in new[] { "a.json", "x.tmp.json", "generated/g.json", "sub/local.yaml", "sub/kept.yaml", "other/local.yaml" })
        {
            dir.Write(file, "{}");
        }

        Discover(dir).ShouldBe(["a.json", "other/local.yaml", "sub/kept.yaml"]);
    }

    [Fact]
    public void Inside_a_work_tree_git_decides_what_is_ignored()
    {
        using var dir = new TestDirectory();
        dir.Git("init", "-q");
        dir.Write(".gitignore", "ignored.json\n");
        dir.Write(".git/info/exclude", "excluded-by-info.json\n");
        dir.Write("tracked.json", "{}");
        dir.Write("untracked.yaml", "a: 1");
        dir.Write("ignored.json", "{}");
        dir.Write("excluded-by-info.json", "{}");
        dir.Git("add", "tracked.json", ".gitignore");
        dir.Git("commit", "-qm", "init");

        // info/exclude is only known to git: this proves git answered, not the fallback walker.
        Discover(dir).ShouldBe(["tracked.json", "untracked.yaml"]);
    }

    [Fact]
    public void Report_paths_are_relative_to_the_repository_root_when_scanning_a_subdirectory()
    {
        using var dir = new TestDirectory();
        dir.Git("init", "-q");
        dir.Write("infra/iam/p.json", "{}");
        var result = FileDiscovery.Discover(new DiscoveryRequest { Paths = ["iam"], WorkingDirectory = dir.Path_("infra") });
        result.Files.Select(f => f.Path).ShouldBe(["infra/iam/p.json"]);
    }

    [Fact]
    public void Explicit_files_are_scanned_whatever_their_extension_but_config_excludes_still_apply()
    {
        using var dir = new TestDirectory();
        dir.Write("policy.txt", "{}");
        dir.Write("fixtures/skip.json", "{}");
        var files = FileDiscovery.Discover(new DiscoveryRequest
        {
            Paths = ["policy.txt", "fixtures/skip.json"],
            WorkingDirectory = dir.Root,
            Filter = new PathFilter([], ["fixtures/**"]),
        }).Files;
        files.ShouldHaveSingleItem().Path.ShouldBe("policy.txt");
        files[0].Explicit.ShouldBeTrue();
    }

    [Fact]
    public void Include_and_exclude_globs_filter_walked_files()
    {
        using var dir = new TestDirectory();
        foreach (var file in new[] { "infra/a.json", "infra/tests/t.json", "app/b.json" })
        {
            dir.Write(file, "{}");
        }

        Discover(dir, filter: new PathFilter(["infra/**"], ["**/tests/**"])).ShouldBe(["infra/a.json"]);
    }

    [Fact]
    public void Missing_paths_are_returned_not_thrown()
    {
        using var dir = new TestDirectory();
        var result = FileDiscovery.Discover(new DiscoveryRequest { Paths = ["nope", "."], WorkingDirectory = dir.Root });
        result.MissingPaths.ShouldBe(["nope"]);
    }

    [Fact]
    public void Symlink_loops_in_the_tree_end_quickly_and_looping_file_links_are_kept_for_reporting()
    {
        using var dir = new TestDirectory();
        dir.Write("real/p.json", "{}");
        Directory.CreateSymbolicLink(dir.Path_("real/loop"), dir.Path_("real"));
        Directory.CreateSymbolicLink(dir.Path_("up"), dir.Root);
        File.CreateSymbolicLink(dir.Path_("a.json"), dir.Path_("b.json"));
        File.CreateSymbolicLink(dir.Path_("b.json"), dir.Path_("a.json"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var files = Discover(dir);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        files.ShouldBe(["a.json", "b.json", "real/p.json"]);
    }

    [Fact]
    public void Symlink_loops_inside_a_work_tree_are_not_followed_either()
    {
        using var dir = new TestDirectory();
        dir.Git("init", "-q");
        dir.Write("real/p.json", "{}");
        Directory.CreateSymbolicLink(dir.Path_("real/loop"), dir.Path_("real"));
        File.CreateSymbolicLink(dir.Path_("self.json"), dir.Path_("self.json"));
        Discover(dir).ShouldBe(["real/p.json", "self.json"]);
    }

    [Fact]
    public void The_same_file_named_twice_is_scanned_once()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", "{}");
        Discover(dir, [".", "p.json", "./p.json"]).ShouldBe(["p.json"]);
    }
}
