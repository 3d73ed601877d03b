using System;
using System.Device.Gpio;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;
using Lockers.Firmware.Input;
using Lockers.Firmware.Net;
using Lockers.Firmware.Platform;
using nanoFramework.Runtime.Native;

namespace Lockers.Firmware
{
    /// <summary>Start-up as a list of steps, then the main loop. Every decision lives in Lockers.Core.</summary>
    public static class Program
    {
        /// <summary>Reported in the birth message and telemetry.</summary>
        public const string FirmwareVersion = "0.1.0";

        private const string FlashRoot = "I:\\";
        private const string ConfigPath = FlashRoot + "locker.json";
        // Before locker.json named its CA file (broker.caFile), the CA was looked for here.
        private const string LegacyCaCertPath = FlashRoot + "ca.pem";
        private const string StorageFolder = "I:\\lockers";
        private const int WifiTimeoutMs = 60000;
        private const int HaltMs = 60000;

        // Static, not a local: a Timer nothing references may be collected.
        private static Timer WatchdogTimer { get; set; }

        /// <summary>Entry point; never returns.</summary>
        public static void Main()
        {
            // 1. Config and board file from flash (milliseconds), then every lock output released before anything slow.
            DeviceConfig config = null;
            BoardDefinition board = null;
            BoardHardware hardware = null;
            try
            {
                config = DeviceConfigLoader.Load(File.ReadAllText(ConfigPath));
                board = BoardLoader.Load(File.ReadAllText(FlashRoot + config.BoardFile));
                hardware = new BoardHardware(board, new GpioController());
            }
            catch (Exception e)
            {
                // No board, no LED pin: the outputs stay in their reset state (inputs), so every lock stays locked.
                string file = config == null ? ConfigPath : FlashRoot + config.BoardFile;
                if (config != null)
                {
                    // The device configuration is sound, so the gateway can be told why this locker cannot run.
                    ReportFault(config, file + ": " + e.Message);
                }

                Halt(file, e, null);
            }

            IFeedbackPort feedback = hardware.Feedback;
            try
            {
                // 2. Wi-Fi with DHCP and SNTP; without it the locker runs offline and the link keeps retrying.
                feedback.SetLed(LedState.SlowBlink);
                WifiConnector.Connect(config.Wifi?.Ssid, config.Wifi?.Password, WifiTimeoutMs);

                // 3. The ports and the controller; the link connects in the background.
                M2MqttLink link = CreateLink(config);
                AbsentInputPort absent = new AbsentInputPort();
                LockerPorts ports = new LockerPorts(
                    new NativeClock(),
                    new FlashStorage(StorageFolder),
                    link,
                    hardware.Solenoids,
                    new NativePulseTimer(),
                    hardware.Doors,
                    hardware.Keypad != null ? hardware.Keypad : absent,
                    hardware.Scanner != null ? hardware.Scanner : absent,
                    feedback,
                    new Esp32SystemPort(hardware.Solenoids));
                LockerController controller = new LockerController(config, board, ports, FirmwareVersion);
                controller.Start();
                hardware.Keypad?.Start();
                link.Start();

                // 4. The software watchdog (nanoFramework has no managed hardware watchdog), then the main loop.
                WatchdogTimer = new Timer(CheckWatchdog, controller, 1000, 1000);
                RunLoop(controller, hardware);
            }
            catch (Exception e)
            {
                Halt("start-up", e, feedback);
            }
        }

        // Poll feeds the controller's watchdog; a loop that keeps failing stops feeding it and the timer reboots.
        private static void RunLoop(LockerController controller, BoardHardware hardware)
        {
            while (true)
            {
                try
                {
                    controller.Poll();
                }
                catch (Exception e)
                {
                    Console.WriteLine("poll failed: " + e.Message);
                    try
                    {
                        hardware.Solenoids.AllOff();
                    }
                    catch (Exception)
                    {
                        // Nothing more to do here; the watchdog reboots if Poll keeps failing.
                    }
                }

                Thread.Sleep(10);
            }
        }

        // Best effort, before the halt: Wi-Fi, the broker, the retained {"state":"offline","fault":...} (also the last will).
        private static void ReportFault(DeviceConfig config, string fault)
        {
            try
            {
                WifiConnector.Connect(config.Wifi?.Ssid, config.Wifi?.Password, WifiTimeoutMs);
                M2MqttLink link = CreateLink(config, StatusPayload.Faulted(fault));
                link.Start();
                for (int waited = 0; waited < WifiTimeoutMs && !link.IsConnected; waited += 100)
                {
                    Thread.Sleep(100);
                }

                link.Publish(Topics.Status(config.LockerId), StatusPayload.Faulted(fault).ToJson(), 1, true);
                Thread.Sleep(1000); // M2Mqtt sends from its own thread: let the PUBLISH leave before the halt
            }
            catch (Exception e)
            {
                Console.WriteLine("fault not reported: " + e.Message);
            }
        }

        // The TLS files lie beside locker.json on I:\ (the config names them; provisioning writes ca.crt, locker.crt and
        // locker.key). nanoFramework's certificate constructors take PEM text, not file names.
        private static M2MqttLink CreateLink(DeviceConfig config) => CreateLink(config, StatusPayload.Offline());

        private static M2MqttLink CreateLink(DeviceConfig config, StatusPayload will)
        {
            BrokerSettings broker = config.Broker;
            byte[] offline = will.ToJson();
            string caPath = broker.CaFile.Length > 0 ? FlashRoot + broker.CaFile : LegacyCaCertPath;
            X509Certificate caCert = File.Exists(caPath) ? new X509Certificate(File.ReadAllText(caPath)) : null;
            X509Certificate2 clientCert = broker.HasClientCertificate
                ? new X509Certificate2(File.ReadAllText(FlashRoot + broker.CertFile), File.ReadAllText(FlashRoot + broker.KeyFile), null)
                : null;
            return new M2MqttLink(
                broker.Host, broker.Port, broker.Tls, caCert, clientCert, config.LockerId, broker.Username,
                broker.Password.Length > 0 ? broker.Password : null, config.HeartbeatS,
                Topics.Status(config.LockerId), Encoding.UTF8.GetString(offline, 0, offline.Length), null);
        }

        private static void CheckWatchdog(object controller)
        {
            ((LockerController)controller).CheckWatchdog();
        }

        // Blinks fast (when the LED is known) for a minute, so the log can be read or the file fixed, then reboots: the
        // files are read again at every boot, so a fixed file is picked up without anyone at the locker.
        private static void Halt(string step, Exception e, IFeedbackPort feedback)
        {
            Console.WriteLine("boot failed at " + step + ": " + e.Message);
            if (feedback != null)
            {
                feedback.SetLed(LedState.FastBlink);
            }

            Thread.Sleep(HaltMs);
            Power.RebootDevice();
        }
    }
}
