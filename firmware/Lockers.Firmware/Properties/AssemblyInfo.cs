using System.Reflection;

// Keep AssemblyVersion in step with Program.FirmwareVersion (reported in the birth message and telemetry).
[assembly: AssemblyTitle("Lockers.Firmware")]
[assembly: AssemblyProduct("Lockers")]
[assembly: AssemblyVersion("0.1.0.0")]
