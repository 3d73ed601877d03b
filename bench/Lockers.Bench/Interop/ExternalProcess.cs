using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Lockers.Bench.Interop;

/// <summary>
/// A child process whose stdout is read line by line (for scripts that print one JSON object a line) and whose
/// stderr is kept for error messages. Every wait has a timeout; disposing kills the process tree if it still runs.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StringBuilder _transcript = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExternalProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
    }

    /// <summary>The command as started, for messages.</summary>
    public string CommandLine { get; }

    /// <summary>Everything the process printed so far, stdout and stderr interleaved, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; stdin stays open for <see cref="WriteInputAsync"/>.</summary>
    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var started = new ExternalProcess(process, fileName + " " + string.Join(' ', start.ArgumentList));
        process.OutputDataReceived += (_, line) => started.OnStdout(line.Data);
        process.ErrorDataReceived += (_, line) => started.Record("stderr: ", line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The next stdout line, or null once stdout closed. Throws <see cref="TimeoutException"/> with the transcript.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.WaitToReadAsync(expiry.Token).ConfigureAwait(false) && _lines.Reader.TryRead(out var line) ? line : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No output from `{CommandLine}` within {timeout.TotalSeconds:0.#} s. Output so far:\n{Transcript}");
        }
    }

    /// <summary>Reads stdout lines until one satisfies <paramref name="match"/>; throws if stdout closes or time runs out first.</summary>
    public async Task<string> ReadLineUntilAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"`{CommandLine}` did not print {what} within {timeout.TotalSeconds:0.#} s. Output so far:\n{Transcript}");
            }

            string? line;
            try
            {
                line = await ReadLineAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"`{CommandLine}` did not print {what} within {timeout.TotalSeconds:0.#} s. Output so far:\n{Transcript}");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"`{CommandLine}` ended without printing {what}. Output:\n{Transcript}");
            }

            if (match(line))
            {
                return line;
            }
        }
    }

    /// <summary>Writes to the process's stdin; <paramref name="close"/> then closes it (end of input).</summary>
    public async Task WriteInputAsync(ReadOnlyMemory<byte> bytes, bool close)
    {
        var stdin = _process.StandardInput.BaseStream;
        await stdin.WriteAsync(bytes).ConfigureAwait(false);
        await stdin.FlushAsync().ConfigureAwait(false);
        if (close)
        {
            _process.StandardInput.Close();
        }
    }

    /// <summary>Waits for the process to exit and its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            await _stdoutClosed.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"`{CommandLine}` did not exit within {timeout.TotalSeconds:0.#} s. Output so far:\n{Transcript}");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            _stdoutClosed.TrySetResult();
            return;
        }

        Record("", line);
        _lines.Writer.TryWrite(line);
    }

    private void Record(string prefix, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_transcript)
        {
            _transcript.Append(prefix).AppendLine(line);
        }
    }
}
