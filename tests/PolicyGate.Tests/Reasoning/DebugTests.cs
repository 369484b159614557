using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

public class DebugTests
{
    [Fact]
    public void Debug()
    {
        var n = File.ReadAllText("/tmp/pgdebug/new.json");
        var p = Read(n);
        foreach (var s in p.Statements)
        {
            Console.WriteLine($"{s.Effect} res {string.Join(",", s.Resource.Patterns.Select(x => x.Key + "/" + x.HasVariables))}");
        }
        var table = new AtomTable(_ => false);
        var f = new FormulaBuilder(table);
        Console.WriteLine(f.Statement(p.Statements[0]));
        foreach (var a in table.Atoms) Console.WriteLine(a);
    }
}
