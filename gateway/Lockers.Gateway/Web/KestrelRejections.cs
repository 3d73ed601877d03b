using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;

namespace Lockers.Gateway.Web;

/// <summary>
/// Kestrel refuses some requests before any middleware runs (a percent-encoded NUL in the path, a malformed request line or
/// header) and answers them itself with an empty 4xx and <c>Connection: close</c>. This connection middleware gives those
/// answers a problem document too (ADR 0111), so every error of the gateway reads the same. It looks only at the first
/// bytes committed after a flush, before they are committed: a complete header block that starts like Kestrel's refusal
/// (<c>HTTP/1.1 4xx ...</c>, then <c>Content-Length: 0</c> and <c>Connection: close</c>, which no response of the
/// application has) is replaced in place by the same answer with a problem document; everything else passes through
/// untouched. Hand-written because no Kestrel option or hook reaches these responses (aspnetcore has none in .NET 10). It
/// sits in front of Kestrel's HTTP layer, so on an HTTPS endpoint (TLS inside it) it sees only ciphertext and does nothing:
/// the gateway is meant to serve plain HTTP behind a TLS-terminating proxy.
/// </summary>
public static class KestrelRejections
{
    public static async Task RewriteAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        connection.Transport = new Pipe(transport.Input, new RejectionWriter(transport.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    /// <summary>The problem document for a refusal with <paramref name="status"/> and <paramref name="reason"/> (the status line's).</summary>
    public static byte[] ProblemBody(int status, string reason) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = status == 400 ? "https://tools.ietf.org/html/rfc9110#section-15.5.1" : "about:blank",
        ["title"] = reason,
        ["status"] = status,
        ["detail"] = "The server could not read the request: its request line, target (a NUL or an invalid escape in the path), " +
                     "headers or framing are malformed, or too large.",
    });

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    private sealed class RejectionWriter(PipeWriter inner) : PipeWriter
    {
        // A refusal's header block (status line, Content-Length, Connection, Date, Server) is about 120 bytes.
        private const int BoundaryMemory = 512;
        private static readonly byte[] StatusStart = "HTTP/1.1 "u8.ToArray();
        private static readonly byte[] Marks = "\r\nContent-Length: 0\r\nConnection: close\r\n"u8.ToArray();
        private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

        // True from a flush until the next Advance: the first bytes written after a flush start a new response (or body part).
        private bool _atBoundary = true;
        private Memory<byte> _lent;

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            // At a boundary, ask for enough room that a refusal's whole header block comes in one Advance (Kestrel writes it
            // through one buffer writer and commits once, unless the memory it is given is smaller).
            _lent = inner.GetMemory(_atBoundary ? Math.Max(sizeHint, BoundaryMemory) : sizeHint);
            return _lent;
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (_atBoundary && bytes > 0)
            {
                _atBoundary = false;
                var written = _lent.Span[..Math.Min(bytes, _lent.Length)];
                if (IsRefusal(written))
                {
                    // Not committed yet: the refusal is replaced in place by the same answer with a problem document.
                    var rewrite = Rewrite(written);
                    rewrite.CopyTo(inner.GetSpan(rewrite.Length));
                    inner.Advance(rewrite.Length);
                    return;
                }
            }
            inner.Advance(bytes);
        }

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.FlushAsync(cancellationToken);
            _atBoundary = true;
            return result;
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        // Kestrel and System.Text.Json ask how much is buffered.
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        /// <summary>A whole header block of Kestrel's own refusal: a 4xx or 5xx status line, then Content-Length: 0 and Connection: close.</summary>
        private static bool IsRefusal(ReadOnlySpan<byte> written)
        {
            if (written.Length <= StatusStart.Length + 3 || !written.StartsWith(StatusStart)
                || written[StatusStart.Length] is not ((byte)'4' or (byte)'5') || !written.EndsWith(HeaderEnd))
            {
                return false;
            }
            var lineEnd = written.IndexOf("\r\n"u8);
            return written[lineEnd..].StartsWith(Marks);
        }

        private static byte[] Rewrite(ReadOnlySpan<byte> refusal)
        {
            var text = Encoding.ASCII.GetString(refusal);
            var lines = text[..^4].Split("\r\n");
            var status = int.Parse(lines[0].AsSpan(StatusStart.Length, 3), System.Globalization.CultureInfo.InvariantCulture);
            var reason = lines[0].Length > StatusStart.Length + 4 ? lines[0][(StatusStart.Length + 4)..] : "Bad Request";
            var body = ProblemBody(status, reason);
            var headers = new StringBuilder()
                .Append(lines[0]).Append("\r\n")
                .Append("Content-Type: application/problem+json\r\n")
                .Append("Content-Length: ").Append(body.Length).Append("\r\n")
                .Append("Connection: close\r\n");
            foreach (var line in lines.Skip(3)) // after the status line, Content-Length and Connection: Date, Server
            {
                headers.Append(line).Append("\r\n");
            }
            headers.Append("\r\n");
            return [.. Encoding.ASCII.GetBytes(headers.ToString()), .. body];
        }
    }
}
