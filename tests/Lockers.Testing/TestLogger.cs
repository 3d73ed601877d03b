using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Lockers.Testing;

/// <summary>
/// An <see cref="ILogger"/> that keeps every line (for assertions) and echoes it to the test output when given one.
/// </summary>
public sealed class TestLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ITestOutputHelper? _output;
    private readonly string _name;

    /// <summary>Creates a logger named <paramref name="name"/>, echoing to <paramref name="output"/> if given.</summary>
    public TestLogger(ITestOutputHelper? output = null, string name = "")
    {
        _output = output;
        _name = name;
    }

    /// <summary>Every line logged so far, as "Level: message".</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string line = $"{logLevel}: {(_name.Length > 0 ? "[" + _name + "] " : "")}{formatter(state, exception)}";
        _lines.Enqueue(line);
        try
        {
            _output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; xunit refuses late output.
        }
    }
}
