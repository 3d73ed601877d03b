namespace Lockers.Core.Acks
{
    /// <summary>What <see cref="AckVerifier"/> decided about one message on the ack channel.</summary>
    public enum AckVerdict
    {
        /// <summary>Well formed, for the journal's current epoch, signed with this locker's key.</summary>
        Accepted = 0,

        /// <summary>Not an ack: unreadable JSON, a field missing or of the wrong type.</summary>
        Malformed = 1,

        /// <summary>For another epoch than the journal's (an old ack delivered late): nothing to delete.</summary>
        OtherEpoch = 2,

        /// <summary>The signature does not match: not from the gateway. Nothing is deleted.</summary>
        BadSignature = 3,
    }
}
