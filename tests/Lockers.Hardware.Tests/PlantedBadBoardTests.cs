using System.Text.Json.Nodes;
using Lockers.BoardTool.Validation;

namespace Lockers.Hardware.Tests;

/// <summary>
/// Each test plants one mistake in a committed board and expects the rule that catches it to
/// name the right place. If a rule stops working, its test fails.
/// </summary>
public class PlantedBadBoardTests
{
    private const string DevKit = "devkit-4.json";
    private const string Reference = "lockers-ref-32.json";

    private static void AssertProblem(IReadOnlyList<Problem> problems, string path, string fragment) =>
        Assert.True(problems.Any(p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal)),
            $"expected '{path}: ...{fragment}...' among:\n{string.Join("\n", problems)}");

    private static JsonNode Compartment(JsonNode board, int index) => board["compartments"]![index]!;

    [Fact]
    public void PinUsedTwice_SecondUse_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 1)["lock"]!["gpio"] = 4);
        AssertProblem(problems, "compartments[1].lock.gpio", "GPIO4 is used twice: already compartments[0].lock.gpio");
    }

    [Fact]
    public void ExpanderBitUsedTwice_SecondUse_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => Compartment(b, 1)["lock"]!["bit"] = 4);
        AssertProblem(problems, "compartments[1].lock", "U2 GPA4 is used twice: already compartments[0].lock");
    }

    [Fact]
    public void TwoExpandersOnOneAddress_IsAnI2cClash()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["expanders"]![1]!["address"] = 32);
        AssertProblem(problems, "expanders[1].address", "I2C address 0x20 clashes with expanders[0]");
    }

    [Fact]
    public void DuplicateExpanderId_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["expanders"]![1]!["id"] = "U2");
        AssertProblem(problems, "expanders[1].id", "expander id 'U2' is used twice");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(11)]
    public void FlashPin_UsedForAnything_IsRefused(int pin)
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["statusLed"] = pin);
        AssertProblem(problems, "statusLed", $"GPIO{pin} is a flash pin");
    }

    [Fact]
    public void InputOnlyPin_AsLockOutput_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 0)["lock"]!["gpio"] = 37);
        AssertProblem(problems, "compartments[0].lock.gpio", "GPIO37 is input-only (34-39) and cannot drive a lock driver");
    }

    [Fact]
    public void InputOnlyPin_AsKeypadOutput_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["keypad"]!["outputs"]![0] = 36);
        AssertProblem(problems, "keypad.outputs[0]", "GPIO36 is input-only");
    }

    [Fact]
    public void InputOnlyPin_AsSensor_IsAllowed()
    {
        // devkit-4 reads its reed switches on 34, 35, 36 and 39 with external pull-ups.
        var problems = TestRepository.ValidateWith(DevKit, _ => { });
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(15)]
    public void StrappingPin_AsDoorSensor_IsRefused(int pin)
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 2)["sensor"]!["gpio"] = pin);
        AssertProblem(problems, "compartments[2].sensor.gpio", $"GPIO{pin} is a strapping pin");
    }

    [Fact]
    public void StrappingPin_AsLockDriver_IsRefused()
    {
        // The gate pull-down that keeps a lock off would hold GPIO0 low: the ESP32 boots into download mode.
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 0)["lock"]!["gpio"] = 0);
        AssertProblem(problems, "compartments[0].lock.gpio", "GPIO0 is a strapping pin");
    }

    [Fact]
    public void StrappingPin_AsKeypadInput_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["keypad"]!["inputs"]![2] = 12);
        AssertProblem(problems, "keypad.inputs[2]", "GPIO12 is a strapping pin");
    }

    [Fact]
    public void StrappingPin_AsBuzzer_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["buzzer"] = 15);
        AssertProblem(problems, "buzzer", "GPIO15 is a strapping pin (0, 2, 5, 12, 15) and the buzzer driver (gate pulled down) could hold it at boot");
    }

    [Fact]
    public void StrappingPin_AsScannerTx_IsRefused()
    {
        // The scanner's RX input is pulled up: on GPIO12 that selects 1.8 V flash at reset.
        var problems = TestRepository.ValidateWith(DevKit, b => b["scanner"]!["tx"] = 12);
        AssertProblem(problems, "scanner.tx", "GPIO12 is a strapping pin");
    }

    [Fact]
    public void StrappingPin_AsKeypadOutput_IsAllowed()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["keypad"]!["outputs"]![1] = 5);
        Assert.Empty(problems);
    }

    [Fact]
    public void StrappingPin_AsStatusLed_IsAllowed()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["statusLed"] = 2);
        Assert.Empty(problems);
    }

    [Fact]
    public void DebugUartPin_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["buzzer"] = 1);
        AssertProblem(problems, "buzzer", "GPIO1 belongs to COM1");
    }

    [Fact]
    public void PinTheChipDoesNotHave_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["buzzer"] = 24);
        AssertProblem(problems, "buzzer", "GPIO24 does not exist");
    }

    [Fact]
    public void CompartmentWithoutSensor_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => Compartment(b, 5).AsObject().Remove("sensor"));
        AssertProblem(problems, "compartments[5]", "'sensor' is required");
        AssertProblem(problems, "compartments[5].sensor", "the compartment has no sensor input");
    }

    [Fact]
    public void CompartmentWithoutLock_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 3).AsObject().Remove("lock"));
        AssertProblem(problems, "compartments[3].lock", "the compartment has no lock output");
    }

    [Fact]
    public void LineWithBothGpioAndExpander_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => Compartment(b, 0)["lock"]!["gpio"] = 19);
        AssertProblem(problems, "compartments[0].lock", "must be exactly one of");
    }

    [Fact]
    public void BadSize_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 0)["size"] = "XXL");
        AssertProblem(problems, "compartments[0].size", "must be one of \"S\", \"M\", \"L\", \"XL\"");
        AssertProblem(problems, "compartments[0].size", "size 'XXL' is not one of S, M, L, XL");
    }

    [Fact]
    public void DuplicateCompartmentNumber_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 3)["number"] = 1);
        AssertProblem(problems, "compartments[3].number", "compartment 1 is numbered twice");
    }

    [Fact]
    public void TwoCompartmentsInOnePlace_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => Compartment(b, 1)["row"] = 0);
        AssertProblem(problems, "compartments[1]", "column 0 row 0 is already taken by compartments[0]");
    }

    [Fact]
    public void UnknownExpander_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => Compartment(b, 0)["lock"]!["expander"] = "U9");
        AssertProblem(problems, "compartments[0].lock.expander", "names expander 'U9', which is not in expanders[]");
    }

    [Fact]
    public void ExpandersWithoutI2cBus_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b.AsObject().Remove("i2c"));
        AssertProblem(problems, "i2c", "no i2c bus");
    }

    [Fact]
    public void SensorOnMcp23017Bit7_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b =>
        {
            Compartment(b, 0)["sensor"]!["bit"] = 7;
            Compartment(b, 3)["lock"]!["bit"] = 3; // free GPA7 for the sensor so only the bit-7 rule fires
        });
        AssertProblem(problems, "compartments[0].sensor", "GPA7/GPB7 of an MCP23017 are output-only");
    }

    [Fact]
    public void KeypadKeysLengthMismatch_IsRefused()
    {
        var problems = TestRepository.ValidateWith(Reference, b => b["keypad"]!["keys"] = "123456789*0");
        AssertProblem(problems, "keypad.keys", "has 11 keys, but 4 outputs x 3 inputs make 12");
    }

    [Fact]
    public void ScannerOnCom1_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["scanner"]!["uart"] = "COM1");
        AssertProblem(problems, "scanner.uart", "COM1 is the debug UART");
        AssertProblem(problems, "scanner.uart", "must be one of \"COM2\", \"COM3\"");
    }

    [Fact]
    public void SolenoidPulseAboveTwoSeconds_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["solenoid"]!["ratedPulseMs"] = 5000);
        AssertProblem(problems, "solenoid.ratedPulseMs", "must be at most 2000, found 5000");
    }

    [Fact]
    public void UnknownField_IsRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["display"] = "SSD1306");
        AssertProblem(problems, "display", "is not a known field");
    }

    [Fact]
    public void WrongJsonType_IsReportedNotThrown()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["buzzer"] = "twenty-two");
        AssertProblem(problems, "buzzer", "must be an integer, found a string");
    }

    [Fact]
    public void BrokenJson_IsOneProblem()
    {
        var problems = TestRepository.Validator.Validate("{ \"format\": 1, ");
        Assert.Single(problems);
        Assert.StartsWith("not valid JSON", problems[0].Message);
    }

    [Fact]
    public void PsramPinsOnWroverModule_AreRefused()
    {
        var problems = TestRepository.ValidateWith(DevKit, b => b["mcu"] = "ESP32-WROVER-E");
        AssertProblem(problems, "scanner.rx", "GPIO16 is taken by PSRAM");
    }
}
