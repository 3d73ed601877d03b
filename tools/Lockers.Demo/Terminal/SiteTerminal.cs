using Lockers.Simulator.Hardware;

namespace Lockers.Demo.Terminal;

/// <summary>
/// The demo's prompt. On a terminal the screen (doors, what to do, the last messages) is redrawn after every change,
/// by a loop of its own: door, display and webhook events arrive on the lockers' and receiver's threads and only mark
/// the screen stale (drawing from there would read a controller from inside its own callback and deadlock);
/// when output is redirected (scripts, tests) each message is one line and the screen is printed on <c>show</c>.
/// Runs until <c>quit</c>, the end of input, or <paramref name="stop"/>.
/// </summary>
public sealed class SiteTerminal
{
    private const int KeptMessages = 8;
    private readonly DemoSession _session;
    private readonly TextWriter _output;
    private readonly bool _redraw;
    private readonly object _gate = new();
    private readonly List<string> _messages = [];
    private readonly Dictionary<(char, int), bool> _doorOpen = [];
    private string _lastScreen = "";
    private int _stale = 1;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(150);

    public SiteTerminal(DemoSession session, TextWriter output, bool redraw)
    {
        _session = session;
        _output = output;
        _redraw = redraw;
        session.Notice += Say;
        foreach (var (letter, locker) in session.Lockers)
        {
            foreach (var door in locker.Cabinet.Doors)
            {
                _doorOpen[(letter, door.Compartment)] = door.IsOpen;
            }

            locker.Cabinet.Changed += door => OnDoor(letter, door);
            var display = locker.Feedback;
            var shown = display.Text;
            display.Changed += () =>
            {
                // Redirected output has no screen: a changed display text is a line of its own.
                var text = display.Text;
                if (!_redraw && Interlocked.Exchange(ref shown, text) != text && text.Trim('*').Length > 0)
                {
                    Say($"locker {letter} display: {text.Replace("\n", " / ", StringComparison.Ordinal)}"); // a display of several lines on one
                }

                MarkStale();
            };
        }
    }

    public async Task RunAsync(TextReader input, CancellationToken stop)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var redrawLoop = _redraw ? Task.Run(() => RedrawLoopAsync(done.Token), CancellationToken.None) : Task.CompletedTask;
        if (!_redraw)
        {
            Draw(force: true);
        }

        var cancelled = Task.Delay(Timeout.Infinite, stop);
        while (!stop.IsCancellationRequested)
        {
            // Console.In reads synchronously even through ReadLineAsync: read on the pool, so Ctrl+C is not stuck behind it.
            var read = Task.Run(input.ReadLine, CancellationToken.None);
            if (await Task.WhenAny(read, cancelled) != read || await read is not { } line)
            {
                break;
            }

            if (!_redraw)
            {
                lock (_gate)
                {
                    _output.WriteLine("> " + line);
                }
            }

            SiteCommands.Outcome outcome;
            try
            {
                outcome = await SiteCommands.ApplyAsync(_session, line);
            }
            catch (DemoException ex)
            {
                outcome = new SiteCommands.Outcome(ex.Message);
            }

            if (outcome.Message.Length > 0)
            {
                Say(outcome.Message);
            }

            if (line.Trim() == "show")
            {
                if (_redraw)
                {
                    _lastScreen = "";
                }
                else
                {
                    Draw(force: true);
                }
            }

            MarkStale();

            if (outcome.Quit)
            {
                break;
            }
        }

        _session.Notice -= Say;
        await done.CancelAsync();
        await redrawLoop;
    }

    /// <summary>Adds a message: a line of its own when redirected, else the bottom of the screen.</summary>
    public void Say(string message)
    {
        lock (_gate)
        {
            _messages.AddRange(message.Split('\n'));
            if (_messages.Count > KeptMessages)
            {
                _messages.RemoveRange(0, _messages.Count - KeptMessages);
            }

            if (!_redraw)
            {
                _output.WriteLine(message);
                _output.Flush();
            }
        }

        MarkStale();
    }

    private void OnDoor(char letter, SimulatedDoor door)
    {
        var open = door.IsOpen;
        bool changed;
        lock (_gate)
        {
            changed = !_doorOpen.TryGetValue((letter, door.Compartment), out var was) || was != open;
            _doorOpen[(letter, door.Compartment)] = open;
        }

        if (changed)
        {
            Say($"locker {letter} door {door.Compartment} {(open ? "opened" : "closed")}");
        }
        else
        {
            MarkStale();
        }
    }

    private void MarkStale() => Interlocked.Exchange(ref _stale, 1);

    private async Task RedrawLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(RedrawEvery);
        try
        {
            do
            {
                if (Interlocked.Exchange(ref _stale, 0) == 1)
                {
                    Draw(force: false);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // The prompt ended.
        }
    }

    /// <summary>Renders outside the lock (it reads the controllers), then writes the screen if it changed.</summary>
    private void Draw(bool force)
    {
        List<string> messages;
        lock (_gate)
        {
            messages = _redraw ? [.. _messages] : [];
        }

        var screen = SiteRenderer.Render(_session, messages);
        lock (_gate)
        {
            if (screen == _lastScreen && !force)
            {
                return;
            }

            _lastScreen = screen;
            _output.Write(_redraw ? "\u001b[2J\u001b[H" + screen + "> " : screen);
            _output.Flush();
        }
    }
}
