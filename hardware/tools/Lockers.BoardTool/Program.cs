Console.WriteLine("Lockers board tool");
