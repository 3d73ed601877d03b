using Lockers.Demo.Processes;
using Lockers.Demo.Setup;
using Lockers.Demo.Site;
using Lockers.Simulator.Locker;

namespace Lockers.Demo;

/// <summary>
/// The whole demo while it runs: Mosquitto and the gateway as child processes, the webhook receiver, the carrier's
/// API client, and the two simulated lockers in this process. <see cref="StartAsync"/> sets up on the first run and
/// resumes on later ones; <see cref="DisposeAsync"/> stops everything in order (lockers, gateway, broker).
/// </summary>
public sealed class DemoSession : IAsyncDisposable
{
    private static readonly TimeSpan BrokerStartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan GatewayStartTimeout = TimeSpan.FromSeconds(120);
    private static readonly (string Size, string Email)[] FirstBookings =
        [("S", "hana@example.jp"), ("M", "lena@example.de"), ("L", "sam@example.org"), ("M", "noor@example.com")];

    private readonly object _stateGate = new();
    private readonly List<IAsyncDisposable> _stopInOrder = [];
    private FileStream? _lock;

    private DemoSession(DemoPaths paths, DemoState state)
    {
        Paths = paths;
        State = state;
    }

    public DemoPaths Paths { get; }

    /// <summary>What the demo remembers; read it under <see cref="Read{T}"/> when the webhook receiver may be writing.</summary>
    public DemoState State { get; }

    /// <summary>The lockers by letter: A = demo-a, B = demo-b.</summary>
    public IReadOnlyDictionary<char, SimulatedLocker> Lockers { get; private set; } = new Dictionary<char, SimulatedLocker>();

    public string GatewayUrl { get; private set; } = "";

    /// <summary>True on the run that did the first-time setup and booking.</summary>
    public bool FirstRun { get; private set; }

    /// <summary>Raised for things the person should know (webhooks with codes, problems), on any thread.</summary>
    public event Action<string>? Notice;

    /// <summary>Raised after a parcel changed (webhook), on any thread.</summary>
    public event Action<DemoParcel>? ParcelChanged;

    /// <summary>
    /// Raised once when Mosquitto or the gateway exits on its own while the demo runs (on any thread), with what to tell
    /// the person: nothing works without them, so the demo stops rather than carry on with a dead part.
    /// </summary>
    public event Action<string>? PartFailed;

    private readonly CancellationTokenSource _stopping = new();

    public ReservationClient Reservations { get; private set; } = null!;

    public static char LetterOf(string lockerId) => char.ToUpperInvariant(lockerId[^1]);

    /// <summary>Sets up (first run) or resumes, starts every part and books the first parcels; stops what it started if any step fails.</summary>
    public static async Task<DemoSession> StartAsync(DemoOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var paths = new DemoPaths(options.Root, options.DataDirectory);
        Directory.CreateDirectory(paths.RunDirectory);
        Directory.CreateDirectory(paths.LogDirectory);
        var session = new DemoSession(paths, DemoState.LoadOrNew(paths.StateFile));
        try
        {
            await session.StartPartsAsync(options, log, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the state under its lock.</summary>
    public T Read<T>(Func<DemoState, T> read)
    {
        lock (_stateGate)
        {
            return read(State);
        }
    }

    /// <summary>Books one more parcel of <paramref name="size"/> (the <c>book</c> command).</summary>
    public async Task<DemoParcel> BookAsync(string size, string email)
    {
        var number = Read(s => s.Parcels.Count) + 1;
        var parcel = await Reservations.BookAsync(DemoPaths.SiteId, size, $"DEMO-{number:D4}", email);
        lock (_stateGate)
        {
            State.Parcels.RemoveAll(p => p.ReservationId == parcel.ReservationId);
            State.Parcels.Add(parcel);
            State.Save(Paths.StateFile);
        }

        return parcel;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the parcel; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<DemoParcel> WaitForParcelAsync(string reservationId, Func<DemoParcel, bool> condition, TimeSpan timeout)
    {
        using var changed = new SemaphoreSlim(0);
        void OnChanged(DemoParcel _) => changed.Release();
        ParcelChanged += OnChanged;
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var parcel = Read(s => s.Parcels.FirstOrDefault(p => p.ReservationId == reservationId && condition(p)));
                if (parcel is not null)
                {
                    return parcel;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await changed.WaitAsync(left))
                {
                    throw new TimeoutException($"parcel {reservationId} did not reach the expected state within {timeout.TotalSeconds:0} s");
                }
            }
        }
        finally
        {
            ParcelChanged -= OnChanged;
        }
    }

    /// <summary>Stops the lockers (they say "offline"), then the gateway, then the broker; each step runs even if one before failed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync(); // exits from here on are ours
        for (var i = _stopInOrder.Count - 1; i >= 0; i--)
        {
            try
            {
                await _stopInOrder[i].DisposeAsync();
            }
            catch (Exception ex)
            {
                Notice?.Invoke($"while stopping: {ex.Message}");
            }
        }

        _stopInOrder.Clear();
        Reservations?.Dispose();
        _lock?.Dispose();
        _lock = null;
    }

    private async Task StartPartsAsync(DemoOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        _lock = TakeLock(Paths);
        FirstRun = !State.Booked;
        State.BrokerPort = options.BrokerPort ?? (State.BrokerPort > 0 ? State.BrokerPort : DemoOptions.DefaultBrokerPort);
        State.HttpPort = options.HttpPort ?? (State.HttpPort > 0 ? State.HttpPort : DemoOptions.DefaultHttpPort);
        State.WebhookPort = State.WebhookPort > 0 ? State.WebhookPort : options.WebhookPort ?? DemoOptions.DefaultWebhookPort;
        State.Save(Paths.StateFile);
        var dll = options.GatewayDll ?? Gateway.FindDll(Paths.Root);
        var gateway = new Gateway(Paths, dll, State.BrokerPort, State.HttpPort);
        GatewayUrl = gateway.BaseUrl;

        // Port checks come after a leftover broker or gateway of a killed demo is gone (ChildProcess does that on start).
        BrokerSetup.WriteConfig(Paths, State.BrokerPort);
        await SiteSetup.RunAsync(Paths, State, gateway, log);
        cancellationToken.ThrowIfCancellationRequested();

        log.WriteLine($"starting Mosquitto on 127.0.0.1:{State.BrokerPort} (log {Paths.BrokerLog})");
        var broker = await Broker.StartAsync(Paths, State.BrokerPort, BrokerStartTimeout);
        _stopInOrder.Add(broker);
        Watch(broker);
        cancellationToken.ThrowIfCancellationRequested();

        log.WriteLine($"starting the gateway on {gateway.BaseUrl} (log {Paths.GatewayLog})");
        var server = await gateway.StartServerAsync();
        _stopInOrder.Add(server);
        await gateway.WaitHealthyAsync(server, GatewayStartTimeout);
        Watch(server);
        cancellationToken.ThrowIfCancellationRequested();

        var receiver = WebhookReceiver.Start(State.WebhookPort, State.WebhookSecret!);
        receiver.Received += OnWebhook;
        receiver.Refused += message => Notice?.Invoke(message);
        // Stopped after the gateway, so a delivery in flight is answered.
        _stopInOrder.Insert(0, receiver);
        Reservations = new ReservationClient(gateway.BaseUrl, State.ApiKey!);

        if (State.CourierBadge is null || State.CourierPin is null)
        {
            var (badge, pin) = await Reservations.IssueCourierAsync("Demo courier");
            lock (_stateGate)
            {
                (State.CourierBadge, State.CourierPin) = (badge, pin);
                State.Save(Paths.StateFile);
            }

            log.WriteLine("issued the site's courier (badge and PIN) over the API");
        }

        if (!State.Booked)
        {
            await BookFirstParcelsAsync(log);
        }
        else
        {
            await RefreshStatusesAsync();
        }

        await StartLockersAsync(log, cancellationToken);
    }

    private async Task BookFirstParcelsAsync(TextWriter log)
    {
        foreach (var (size, email) in FirstBookings.Skip(State.Parcels.Count))
        {
            var parcel = await BookAsync(size, email);
            log.WriteLine($"booked {parcel.ParcelReference} ({parcel.Size}) for {email}: locker {LetterOf(parcel.LockerId!)} door {parcel.Compartment}");
        }

        lock (_stateGate)
        {
            State.Booked = true;
            State.Save(Paths.StateFile);
        }
    }

    private async Task RefreshStatusesAsync()
    {
        foreach (var parcel in Read(s => s.Parcels.ToList()))
        {
            if (await Reservations.StatusAsync(parcel.ReservationId) is { } status)
            {
                lock (_stateGate)
                {
                    parcel.Status = status;
                }
            }
        }

        lock (_stateGate)
        {
            State.Save(Paths.StateFile);
        }
    }

    private async Task StartLockersAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var lockers = SiteLockers.Create(Paths, State.BrokerPort);
        foreach (var locker in lockers.Values)
        {
            _stopInOrder.Add(locker);
        }

        Lockers = lockers;
        await SiteLockers.StartAsync(lockers, Paths, log, cancellationToken);
    }

    private void OnWebhook(WebhookDelivery delivery)
    {
        DemoParcel? parcel;
        lock (_stateGate)
        {
            parcel = State.Parcels.FirstOrDefault(p => p.ReservationId == delivery.ReservationId);
            if (parcel is null || !ParcelUpdates.Apply(parcel, delivery))
            {
                return; // not ours, a redelivery, or an event that changes nothing here
            }

            State.Save(Paths.StateFile);
        }

        ParcelChanged?.Invoke(parcel);
        Notice?.Invoke(ParcelUpdates.Describe(parcel, delivery.Type));
    }

    /// <summary>Tells <see cref="PartFailed"/> when <paramref name="child"/> exits before the demo stops it.</summary>
    private void Watch(ChildProcess child) => _ = Task.Run(async () =>
    {
        try
        {
            var code = await child.ExitedAsync(_stopping.Token);
            PartFailed?.Invoke($"{child.Name} stopped unexpectedly (exit code {code}); the demo cannot go on without it. The end of {child.LogFile}:\n{child.LogTail(10)}");
        }
        catch (OperationCanceledException)
        {
            // The demo is stopping it.
        }
    });

    private static FileStream TakeLock(DemoPaths paths)
    {
        try
        {
            return new FileStream(paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new DemoException($"another demo is running with {paths.Data}; stop it first (Ctrl+C or quit)");
        }
    }
}
