// Declaration-only stand-in for nanoFramework.System.Threading 1.1.52 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/System.Threading, tag v1.1.52 (commit 866134e),
// folder nanoFramework.System.Threading/Threading/: CancellationTokenSource.cs and CancellationToken.cs, every public
// member except CancellationToken.Register (it returns CancellationTokenRegistration, unused here). Thread, Timer
// and the wait handles are in the real mscorlib. Bodies are placeholders: compiled against, never run.
namespace System.Threading
{
    /// <summary>CancellationToken.cs.</summary>
    public struct CancellationToken
    {
        public CancellationToken(bool canceled) => throw null;

        public static CancellationToken None => throw null;

        public bool IsCancellationRequested => throw null;

        public bool CanBeCanceled => throw null;

        public WaitHandle WaitHandle => throw null;

        public bool Equals(CancellationToken other) => throw null;

        public override bool Equals(object other) => throw null;

        public override int GetHashCode() => throw null;

        public void ThrowIfCancellationRequested() => throw null;
    }

    /// <summary>CancellationTokenSource.cs: IDisposable (it holds a timer when given a delay).</summary>
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() => throw null;

        public CancellationTokenSource(int millisecondsDelay) => throw null;

        public CancellationTokenSource(TimeSpan delay) => throw null;

        public bool IsCancellationRequested => throw null;

        public CancellationToken Token => throw null;

        public void Cancel() => throw null;

        public void Cancel(bool throwOnFirstException) => throw null;

        public void CancelAfter(TimeSpan delay) => throw null;

        public void CancelAfter(int millisecondsDelay) => throw null;

        public void Dispose() => throw null;

        protected virtual void Dispose(bool disposing) => throw null;
    }
}
