using Lockers.Core.Journal;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.App
{
    /// <summary>Publishes the health figures (QoS 0, not journaled) right after each connect and then every interval.</summary>
    internal sealed class TelemetryReporter
    {
        private readonly string _topic;
        private readonly long _intervalMs;
        private readonly string _firmware;
        private readonly JsonWriter _json = new JsonWriter();
        private long _dueMs = -1;

        public TelemetryReporter(string topic, int intervalS, string firmware)
        {
            _topic = topic;
            _intervalMs = intervalS * 1000L;
            _firmware = firmware;
        }

        /// <summary>Makes the next <see cref="PublishIfDue"/> send at once (after a connect).</summary>
        public void DueNow() => _dueMs = -1;

        public void PublishIfDue(IMqttLink link, ISystemPort system, EventJournal journal, long nowMs)
        {
            if (_dueMs >= 0 && nowMs < _dueMs)
            {
                return;
            }

            if (link.Publish(_topic, Build(system, journal, nowMs).ToJson(_json), Channels.QosOf(Channels.Telemetry), false) >= 0)
            {
                _dueMs = nowMs + _intervalMs;
            }
        }

        public TelemetryPayload Build(ISystemPort system, EventJournal journal, long nowMs)
        {
            int temperature = system.TemperatureDeciC;
            return new TelemetryPayload
            {
                UptimeMs = nowMs,
                FreeMemoryBytes = system.FreeMemoryBytes,
                SignalDbm = system.SignalDbm,
                SupplyMv = system.SupplyMillivolts,
                TemperatureC = temperature == int.MinValue ? double.NaN : temperature / 10.0,
                Firmware = _firmware,
                JournalDepth = journal.Depth,
                DroppedEvents = journal.Dropped,
            };
        }
    }
}
