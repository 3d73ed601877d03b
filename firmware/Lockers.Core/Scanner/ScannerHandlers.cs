namespace Lockers.Core.Scanner
{
    /// <summary>Called with each accepted scanned line, without its terminator.</summary>
    public delegate void LineReadHandler(string line);

    /// <summary>Called each time input is dropped, once per rejected line.</summary>
    public delegate void ScanRejectedHandler(ScanRejectReason reason);
}
