namespace Lockers.Demo;

/// <summary>Something the person running the demo can fix; the message says what and how.</summary>
public sealed class DemoException(string message) : Exception(message);
