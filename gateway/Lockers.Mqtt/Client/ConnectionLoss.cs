namespace Lockers.Mqtt.Client;

/// <summary>Why a connection ended: a sentence for logs and state events, and the error if there was one.</summary>
internal sealed record ConnectionLoss(string Reason, Exception? Error = null);
