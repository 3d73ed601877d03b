using System.Data;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>One open connection and transaction with small helpers for parameterised SQL.</summary>
public sealed class SqliteSession(SqliteConnection connection, SqliteTransaction? transaction)
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] parameters)
        where T : class
    {
        var rows = await QueryAsync(sql, map, parameters);
        return rows.Count == 0 ? null : rows[0];
    }
}

/// <summary>Column readers and the time/bool encodings used by every SQLite repository.</summary>
public static class SqliteValues
{
    public static long Time(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? Time(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset ReadTime(this IDataRecord reader, string column) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal(column)));

    public static DateTimeOffset? ReadNullableTime(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
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

    public static bool ReadBool(this IDataRecord reader, string column) => reader.GetInt64(reader.GetOrdinal(column)) != 0;

    public static byte[]? ReadNullableBytes(this IDataRecord reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);
    }

    public static byte[] ReadBytes(this IDataRecord reader, string column) =>
        ReadNullableBytes(reader, column) ?? throw new InvalidOperationException($"column {column} is null");
}
