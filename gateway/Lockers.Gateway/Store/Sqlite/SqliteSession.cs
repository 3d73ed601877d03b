using System.Data;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>One open connection and transaction with small helpers for parameterised SQL.</summary>
/// <remarks>
/// With <c>reuseCommands</c> the helpers keep one command per SQL text for the session's life, so a statement run
/// again (the audit insert of every message of a group commit) reuses SQLite's prepared statement instead of
/// preparing it anew; dispose the session before its transaction to release them.
/// </remarks>
public sealed class SqliteSession(SqliteConnection connection, SqliteTransaction? transaction, bool reuseCommands = false) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand>? _commands = reuseCommands ? new(StringComparer.Ordinal) : null;

    public SqliteConnection Connection { get; } = connection;

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, params (string, object?)[] parameters)
    {
        var command = Rent(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await ReturnAsync(command);
        }
    }

    public async Task<object?> ScalarAsync(string sql, params (string, object?)[] parameters)
    {
        var command = Rent(sql, parameters);
        try
        {
            var value = await command.ExecuteScalarAsync();
            return value is DBNull ? null : value;
        }
        finally
        {
            await ReturnAsync(command);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        var command = Rent(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(map(reader));
            }
            return rows;
        }
        finally
        {
            await ReturnAsync(command);
        }
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
        where T : class
    {
        var rows = await QueryAsync(sql, map, parameters);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask DisposeAsync()
    {
        if (_commands is null)
        {
            return;
        }

        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }

    private SqliteCommand Rent(string sql, (string Name, object? Value)[] parameters)
    {
        if (_commands is null)
        {
            return Command(sql, parameters);
        }

        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Command(sql, parameters);
            _commands[sql] = command;
            return command;
        }

        command.Parameters.Clear();
        Bind(command, parameters);
        return command;
    }

    private ValueTask ReturnAsync(SqliteCommand command) => _commands is null ? command.DisposeAsync() : ValueTask.CompletedTask;

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}

/// <summary>Column readers and the time/bool encodings used by every SQLite repository; times through <see cref="StoreTime"/>.</summary>
public static class SqliteValues
{
    public static long Time(DateTimeOffset value) => StoreTime.ToStored(value);

    public static long? Time(DateTimeOffset? value) => value is { } time ? StoreTime.ToStored(time) : null;

    public static DateTimeOffset ReadTime(this IDataRecord reader, string column) =>
        StoreTime.FromStored(reader.GetInt64(reader.GetOrdinal(column)));

    public static DateTimeOffset? ReadNullableTime(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : StoreTime.FromStored(reader.GetInt64(ordinal));
    }

    public static string ReadString(this IDataRecord reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? ReadNullableString(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long ReadLong(this IDataRecord reader, string column) => reader.GetInt64(reader.GetOrdinal(column));

    public static int? ReadNullableInt(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    public static long? ReadNullableLong(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    public static bool ReadBool(this IDataRecord reader, string column) => reader.GetInt64(reader.GetOrdinal(column)) != 0;

    public static byte[]? ReadNullableBytes(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);
    }

    public static byte[] ReadBytes(this IDataRecord reader, string column) =>
        ReadNullableBytes(reader, column) ?? throw new InvalidOperationException($"column {column} is null");
}
