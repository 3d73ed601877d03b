namespace Lockers.Testing;
