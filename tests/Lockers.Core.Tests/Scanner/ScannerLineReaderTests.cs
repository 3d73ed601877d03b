using System.Text;
using Lockers.Core.Scanner;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Scanner;

public class ScannerLineReaderTests
{
    private readonly FakeClock _clock = new();
    private readonly FakeScannerPort _port = new();
    private readonly List<string> _lines = new();
    private readonly List<ScanRejectReason> _rejections = new();

    private ScannerLineReader Create(int maxLength = ScannerLineReader.DefaultMaxLength, long repeatWindowMs = ScannerLineReader.DefaultRepeatWindowMs)
    {
        var reader = new ScannerLineReader(_clock, maxLength, repeatWindowMs);
        reader.LineRead += _lines.Add;
        reader.Rejected += _rejections.Add;
        _port.BytesReceived += reader.OnBytes;
        return reader;
    }

    [Theory]
    [InlineData("QR-ABC123\r")]
    [InlineData("QR-ABC123\n")]
    [InlineData("QR-ABC123\r\n")]
    public void EachTerminator_EndsTheLine(string input)
    {
        Create();
        _port.Send(input);

        Assert.Equal(new[] { "QR-ABC123" }, _lines);
        Assert.Empty(_rejections);
    }

    [Fact]
    public void LineSplitAcrossChunks_IsReassembled()
    {
        Create();
        _port.Send("abcdefghijklmnop\r\n", chunk: 3);

        Assert.Equal(new[] { "abcdefghijklmnop" }, _lines);
    }

    [Fact]
    public void CrLfSplitBetweenChunks_CountsAsOneTerminator()
    {
        Create();
        _port.Send("code1\r");
        _port.Send("\ncode2\r\n");

        Assert.Equal(new[] { "code1", "code2" }, _lines);
        Assert.Empty(_rejections);
    }

    [Fact]
    public void OverLongLine_IsDiscardedUpToNextTerminator()
    {
        var reader = Create(maxLength: 8);
        _port.Send("123456789ABC\r\nok\r\n");

        Assert.Equal(new[] { "ok" }, _lines);
        Assert.Equal(new[] { ScanRejectReason.TooLong }, _rejections);
        Assert.Equal(1, reader.TooLongCount);
    }

    [Fact]
    public void LineOfExactlyMaxLength_IsAccepted()
    {
        Create(maxLength: 8);
        _port.Send("12345678\n");

        Assert.Equal(new[] { "12345678" }, _lines);
    }

    [Fact]
    public void DefaultMaxLength_Is256()
    {
        Create();
        _port.Send(new string('a', 256) + "\n" + new string('b', 257) + "\n");

        Assert.Single(_lines);
        Assert.Equal(new[] { ScanRejectReason.TooLong }, _rejections);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x0D })]
    [InlineData(new byte[] { 0x41, 0x1B, 0x42, 0x0D })]
    [InlineData(new byte[] { 0x41, 0x7F, 0x42, 0x0D })]
    [InlineData(new byte[] { 0x41, 0xC3, 0xA9, 0x0D })]
    [InlineData(new byte[] { 0x41, 0x09, 0x42, 0x0D })]
    public void BinaryOrNonAsciiByte_SpoilsTheLine(byte[] input)
    {
        var reader = Create();
        _port.Send(input);
        _port.Send("next\r");

        Assert.Equal(new[] { "next" }, _lines);
        Assert.Equal(new[] { ScanRejectReason.BadByte }, _rejections);
        Assert.Equal(1, reader.BadByteCount);
    }

    [Fact]
    public void LineNoise_ManyBadBytes_OneRejectionPerLine()
    {
        Create();
        var noise = new byte[200];
        new Random(7).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++) if (noise[i] == 0x0D || noise[i] == 0x0A) noise[i] = 0xFF;
        noise[0] = 0xFF;
        _port.Send(noise);
        _port.Send("\rgood\r");

        Assert.Equal(new[] { "good" }, _lines);
        Assert.Equal(new[] { ScanRejectReason.BadByte }, _rejections);
    }

    [Fact]
    public void EmptyLines_AreRejectedAndCounted()
    {
        var reader = Create();
        _port.Send("\n\r\r\n");

        Assert.Empty(_lines);
        Assert.Equal(3, reader.EmptyCount);
    }

    [Fact]
    public void SameCodeWithinWindow_IsIgnored()
    {
        var reader = Create(repeatWindowMs: 3000);
        _port.Send("CODE\r");
        _clock.Advance(2999);
        _port.Send("CODE\r");

        Assert.Equal(new[] { "CODE" }, _lines);
        Assert.Equal(new[] { ScanRejectReason.Repeated }, _rejections);
        Assert.Equal(1, reader.RepeatedCount);
    }

    [Fact]
    public void SameCodeAfterWindow_IsReadAgain()
    {
        Create(repeatWindowMs: 3000);
        _port.Send("CODE\r");
        _clock.Advance(3000);
        _port.Send("CODE\r");

        Assert.Equal(new[] { "CODE", "CODE" }, _lines);
    }

    [Fact]
    public void CodeHeldInFrontOfScanner_StaysSuppressedWhileRepeating()
    {
        Create(repeatWindowMs: 3000);
        for (int i = 0; i < 10; i++)
        {
            _port.Send("HELD\r");
            _clock.Advance(1000);
        }

        Assert.Equal(new[] { "HELD" }, _lines);
    }

    [Fact]
    public void DifferentCode_IsNotSuppressed()
    {
        var reader = Create();
        _port.Send("ONE\rTWO\rONE\r");

        Assert.Equal(new[] { "ONE", "TWO", "ONE" }, _lines);
        Assert.Equal(3, reader.AcceptedCount);
    }

    [Fact]
    public void ZeroWindow_DisablesRepeatSuppression()
    {
        Create(repeatWindowMs: 0);
        _port.Send("X\rX\r");

        Assert.Equal(new[] { "X", "X" }, _lines);
    }

    [Fact]
    public void Reset_DropsPartialLine()
    {
        var reader = Create();
        _port.Send("partial");
        reader.Reset();
        _port.Send("whole\r");

        Assert.Equal(new[] { "whole" }, _lines);
    }

    [Fact]
    public void BufferReusedByDriver_LineKeepsItsOwnCopy()
    {
        Create();
        _port.Send(Encoding.ASCII.GetBytes("abc"));   // the fake scribbles over its buffer after each call
        _port.Send(Encoding.ASCII.GetBytes("def\r"));

        Assert.Equal(new[] { "abcdef" }, _lines);
    }

    [Fact]
    public void OffsetAndCount_AreHonoured()
    {
        var reader = Create();
        var buffer = Encoding.ASCII.GetBytes("xxHELLO\ryy");
        reader.OnBytes(buffer, 2, 6);

        Assert.Equal(new[] { "HELLO" }, _lines);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.OnBytes(buffer, 5, 10));
    }
}
