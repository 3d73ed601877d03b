Console.WriteLine("Lockers demo: not built yet");
