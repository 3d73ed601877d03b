Console.WriteLine("Lockers simulator");
