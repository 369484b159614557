using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyGate.Documents;

namespace PolicyGate.Benchmarks;

/// <summary>Load throughput: bytes of template text turned into located trees per second.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private byte[] _json = [];
    private byte[] _yaml = [];
    private readonly DocumentLoader _loader = new(LoadLimits.Default);

    [GlobalSetup]
    public void Setup()
    {
        // About 1 MB each: the size of CloudFormation's largest accepted template.
        _json = Encoding.UTF8.GetBytes(BenchmarkInputs.JsonTemplate(800));
        _yaml = Encoding.UTF8.GetBytes(BenchmarkInputs.YamlTemplate(1000));
        Console.WriteLine($"// json input {_json.Length:N0} bytes, yaml input {_yaml.Length:N0} bytes");
    }

    [Benchmark]
    public int LoadJson() => _loader.Load(new SourceFile("t.json", "/t.json"), _json).Documents.Length;

    [Benchmark]
    public int LoadYaml() => _loader.Load(new SourceFile("t.yaml", "/t.yaml"), _yaml).Documents.Length;
}
