namespace Lockers.Journeys.Tests.Support;

/// <summary>
/// What a courier does at a locker, counted: keys pressed, badges scanned, codes read off labels, doors handled, trips
/// back to the keypad. <see cref="SimulatedSeconds"/> prices them with a fixed model (below), so two ways of doing the same
/// round compare without timing a busy machine.
/// </summary>
public sealed class DoorWork
{
    /// <summary>Seconds per key typed from a label or from memory.</summary>
    public const double KeySeconds = 0.5;

    /// <summary>Seconds to hold a badge (or a label) to the scanner.</summary>
    public const double ScanSeconds = 2;

    /// <summary>Seconds to find a parcel's label and read its code.</summary>
    public const double ReadLabelSeconds = 3;

    /// <summary>Seconds to step back to the keypad from a door.</summary>
    public const double BackToKeypadSeconds = 3;

    /// <summary>Seconds at an open door: put the parcel in (or take it out) and close it. The same either way.</summary>
    public const double DoorSeconds = 8;

    /// <summary>Seconds the courier waits for the gateway's answer to a typed code or a badge.</summary>
    public const double AnswerSeconds = 1;

    public int Keys { get; set; }
    public int Scans { get; set; }
    public int LabelsRead { get; set; }
    public int Doors { get; set; }
    public int TripsToKeypad { get; set; }
    public int Answers { get; set; }

    public double SimulatedSeconds =>
        Keys * KeySeconds + Scans * ScanSeconds + LabelsRead * ReadLabelSeconds + Doors * DoorSeconds + TripsToKeypad * BackToKeypadSeconds
        + Answers * AnswerSeconds;

    public override string ToString() =>
        $"{Keys} keys, {Scans} scans, {LabelsRead} labels read, {Doors} doors, {TripsToKeypad} trips to the keypad, {Answers} answers waited for: " +
        $"{SimulatedSeconds:0} simulated seconds";
}
