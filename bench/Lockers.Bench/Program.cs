Console.WriteLine("Lockers bench");
