// Declaration-only stand-in for nanoFramework.System.Text 1.3.42 (the version in
// Lockers.Firmware/packages.config), which the package source does not serve. Checked against the published
// source: nanoframework/System.Text, tag v1.3.42 (commit a231e6e), folder nanoFramework.System.Text/Text/.
// Every public type and member of that assembly is declared here with its published signature, and nothing
// more; each type names its file. Bodies are placeholders: this assembly is compiled against, never run.
namespace System.Text
{
    /// <summary>v1.3.42 Decoder.cs.</summary>
    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed);
    }

    /// <summary>
    /// v1.3.42 Encoding.cs. GetString takes (bytes, index, count) only; no GetByteCount, GetMaxByteCount,
    /// ASCII, Unicode or Default. Note that <see cref="UTF8"/> returns a new UTF8Encoding on every call.
    /// </summary>
    [Serializable]
    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;

        public virtual byte[] GetBytes(string s) => throw null;

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;

        public virtual char[] GetChars(byte[] bytes) => throw null;

        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;

        public virtual string GetString(byte[] bytes, int index, int count) => throw null;

        public abstract Decoder GetDecoder();
    }

    /// <summary>v1.3.42 UTF8Encoding.cs (UTF8Decoder.cs is internal).</summary>
    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;

        public override byte[] GetBytes(string s) => throw null;

        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;

        public override char[] GetChars(byte[] bytes) => throw null;

        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;

        public override Decoder GetDecoder() => throw null;
    }

    /// <summary>
    /// v1.3.42 StringBuilder.cs. Insert only as (index, string, count) and (index, char[], start, count); no
    /// AppendFormat, AppendJoin or interpolated Append.
    /// </summary>
    public sealed class StringBuilder
    {
        public StringBuilder() => throw null;

        public StringBuilder(int capacity) => throw null;

        public StringBuilder(string value) => throw null;

        public StringBuilder(string value, int capacity) => throw null;

        public StringBuilder(int capacity, int maxCapacity) => throw null;

        // Declared `unsafe` in the source; the modifier does not change how callers bind to it.
        public StringBuilder(string value, int startIndex, int length, int capacity) => throw null;

        public int MaxCapacity => throw null;

        public char this[int index]
        {
            get => throw null;
            set => throw null;
        }

        public int Capacity
        {
            get => throw null;
            set => throw null;
        }

        public int Length
        {
            get => throw null;
            set => throw null;
        }

        public StringBuilder Append(bool value) => throw null;

        public StringBuilder Append(byte value) => throw null;

        public StringBuilder Append(char value) => throw null;

        public StringBuilder Append(double value) => throw null;

        public StringBuilder Append(short value) => throw null;

        public StringBuilder Append(char[] value) => throw null;

        public StringBuilder Append(int value) => throw null;

        public StringBuilder Append(long value) => throw null;

        public StringBuilder Append(object value) => throw null;

        public StringBuilder Append(string value) => throw null;

        public StringBuilder Append(sbyte value) => throw null;

        public StringBuilder Append(float value) => throw null;

        public StringBuilder Append(ushort value) => throw null;

        public StringBuilder Append(uint value) => throw null;

        public StringBuilder Append(ulong value) => throw null;

        public StringBuilder Append(string value, int startIndex, int count) => throw null;

        public StringBuilder Append(char[] value, int startIndex, int charCount) => throw null;

        public StringBuilder Append(char value, int repeatCount) => throw null;

        public StringBuilder AppendLine() => throw null;

        public StringBuilder AppendLine(string str) => throw null;

        public StringBuilder Remove(int startIndex, int length) => throw null;

        public StringBuilder Insert(int index, string value, int count) => throw null;

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount) => throw null;

        public StringBuilder Replace(char oldChar, char newChar) => throw null;

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count) => throw null;

        public StringBuilder Replace(string oldValue, string newValue) => throw null;

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) => throw null;

        public StringBuilder Clear() => throw null;

        public override string ToString() => throw null;

        public string ToString(int startIndex, int length) => throw null;
    }
}
