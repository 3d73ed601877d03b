namespace Lockers.BoardTool.Model;

/// <summary>
/// A board file (docs/board-file.md) as the tool reads it. Every member is nullable because the
/// tool must describe broken files too: the schema says what is missing, the rules skip it.
/// </summary>
public sealed class BoardFile
{
    public int? Format { get; set; }
    public string? Board { get; set; }
    public string? Description { get; set; }
    public string? Mcu { get; set; }
    public SolenoidSpec? Solenoid { get; set; }
    public DoorSpec? Door { get; set; }
    public I2cBus? I2c { get; set; }
    public List<Expander>? Expanders { get; set; }
    public Keypad? Keypad { get; set; }
    public Scanner? Scanner { get; set; }
    public int? StatusLed { get; set; }
    public int? Buzzer { get; set; }
    public int? Tamper { get; set; }
    public List<Compartment>? Compartments { get; set; }
}

/// <summary>The lock's rated pulse and the rest between two pulses, in milliseconds.</summary>
public sealed class SolenoidSpec
{
    public int? RatedPulseMs { get; set; }
    public int? MinGapMs { get; set; }
}

public sealed class DoorSpec
{
    public int? OpenConfirmMs { get; set; }
    public int? LeftOpenS { get; set; }
    public int? DebounceMs { get; set; }
}

public sealed class I2cBus
{
    public int? Bus { get; set; }
    public int? Sda { get; set; }
    public int? Scl { get; set; }
    public int? SpeedHz { get; set; }
}

public sealed class Expander
{
    public string? Id { get; set; }
    public string? Chip { get; set; }
    /// <summary>7-bit I2C address; an MCP23017 answers on 0x20..0x27 (32..39).</summary>
    public int? Address { get; set; }
    public string? Role { get; set; }
}

/// <summary>KeyMatrix wiring: outputs are driven high one at a time, inputs need external pull-downs.</summary>
public sealed class Keypad
{
    public List<int>? Outputs { get; set; }
    public List<int>? Inputs { get; set; }
    /// <summary>The key at each (output, input) pair, output by output.</summary>
    public string? Keys { get; set; }
}

public sealed class Scanner
{
    public string? Uart { get; set; }
    public int? Rx { get; set; }
    public int? Tx { get; set; }
    public int? Baud { get; set; }
}

public sealed class Compartment
{
    public int? Number { get; set; }
    public string? Size { get; set; }
    public int? Column { get; set; }
    /// <summary>Position in the column, 0 at the bottom.</summary>
    public int? Row { get; set; }
    public bool? Accessible { get; set; }
    public Line? Lock { get; set; }
    public Line? Sensor { get; set; }
}

/// <summary>One signal: either an ESP32 GPIO or an expander port/bit.</summary>
public sealed class Line
{
    public int? Gpio { get; set; }
    public string? Expander { get; set; }
    public string? Port { get; set; }
    public int? Bit { get; set; }
    /// <summary>Sensors only: the level read while the door is open ("high" or "low").</summary>
    public string? OpenLevel { get; set; }

    public bool IsExpanderLine => Expander is not null;

    /// <summary>How the line is printed in messages and on the diagram: "GPIO19" or "U2 GPA4".</summary>
    public override string ToString() =>
        Gpio is int pin ? $"GPIO{pin}" : $"{Expander} GP{Port}{Bit}";
}
