namespace Lockers.Gateway.Tests.Architecture;

/// <summary>
/// Which feature folder of the gateway uses which, read from the compiled IL (<see cref="GatewayIl"/>): an edge
/// A -> B means some type written in folder A touches a type of folder B. Each edge keeps one example
/// ("Codes.LockerCodeVerifier uses Reservations.Reservation") so a failure says where to look.
/// </summary>
public sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <param name="outside">Folders left out of the graph (see <see cref="FolderDependencyTests"/> for why).</param>
    public static FolderGraph Build(IReadOnlyCollection<string> outside)
    {
        var graph = new FolderGraph();
        foreach (var (type, source) in GatewayIl.Types().Where(t => t.Type == t.Source))
        {
            var from = GatewayIl.FolderOf(source);
            if (from is null || outside.Contains(from))
            {
                continue;
            }

            foreach (var used in GatewayIl.DependenciesOf(type))
            {
                var to = GatewayIl.FolderOf(used);
                if (to is null || to == from || outside.Contains(to))
                {
                    continue;
                }

                var targets = graph.Targets(from);
                targets.TryAdd(to, $"{Short(source.FullName)} uses {Short(used.FullName)}");
            }
        }

        return graph;
    }

    public IEnumerable<string> Folders => _edges.Keys;

    public IReadOnlyDictionary<string, string> EdgesFrom(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets : new SortedDictionary<string, string>();

    /// <summary>Every group of folders that reach each other (strongly connected, more than one folder), each as one cycle through all edges found.</summary>
    public IReadOnlyList<string> DescribeCycles()
    {
        var descriptions = new List<string>();
        foreach (var component in StronglyConnectedComponents().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet();
            var lines = component.SelectMany(from => EdgesFrom(from)
                    .Where(edge => members.Contains(edge.Key))
                    .Select(edge => $"    {from} -> {edge.Key}: {edge.Value}"));
            descriptions.Add($"{string.Join(" <-> ", component)}:\n{string.Join("\n", lines)}");
        }

        return descriptions;
    }

    private SortedDictionary<string, string> Targets(string from)
    {
        if (!_edges.TryGetValue(from, out var targets))
        {
            targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
            _edges[from] = targets;
        }

        return targets;
    }

    /// <summary>Tarjan's algorithm; each component's folders sorted by name.</summary>
    private List<List<string>> StronglyConnectedComponents()
    {
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in EdgesFrom(node).Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                component.Sort(StringComparer.Ordinal);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }

    private static string Short(string fullName) =>
        fullName.StartsWith(GatewayIl.RootNamespace + ".", StringComparison.Ordinal) ? fullName[(GatewayIl.RootNamespace.Length + 1)..] : fullName;
}
