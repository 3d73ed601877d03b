// Declaration-only stand-in for nanoFramework.System.Collections 1.5.75 (the version in
// Lockers.Firmware/packages.config), which the package source does not serve. Checked against the published
// source: nanoframework/System.Collections, tag v1.5.75 (commit c334f95), folder
// nanoFramework.System.Collections/Collections/. Every public type and member of that assembly is declared
// here with its published signature, and nothing more; each type names its file. Bodies are placeholders:
// this assembly is compiled against, never run. (ArrayList, ICollection, IList are in the real mscorlib.)
namespace System.Collections
{
    /// <summary>v1.5.75 DictionaryEntry.cs: a class (not a struct) with public fields.</summary>
    [Serializable]
    public class DictionaryEntry
    {
        public object Key;
        public object Value;

        public DictionaryEntry(object key, object value) => throw null;
    }

    /// <summary>v1.5.75 IDictionary.cs. No ContainsKey/TryGetValue; GetEnumerator comes from IEnumerable.</summary>
    public interface IDictionary : ICollection
    {
        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        ICollection Keys { get; }

        ICollection Values { get; }

        object this[object key] { get; set; }

        void Add(object key, object value);

        void Clear();

        bool Contains(object key);

        void Remove(object key);
    }

    /// <summary>v1.5.75 IDictionaryEnumerator.cs.</summary>
    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }

        object Value { get; }

        DictionaryEntry Entry { get; }
    }

    /// <summary>
    /// v1.5.75 Hashtable.cs. Object keys only; the indexer returns null for a missing key; no ContainsKey,
    /// ContainsValue or TryGetValue, no virtual members.
    /// </summary>
    [Serializable]
    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() => throw null;

        public Hashtable(int capacity) => throw null;

        public Hashtable(int capacity, float loadFactor) => throw null;

        public int Count => throw null;

        public bool IsSynchronized => throw null;

        public object SyncRoot => throw null;

        public bool IsReadOnly => throw null;

        public bool IsFixedSize => throw null;

        public ICollection Keys => throw null;

        public ICollection Values => throw null;

        public object this[object key]
        {
            get => throw null;
            set => throw null;
        }

        public object Clone() => throw null;

        public IEnumerator GetEnumerator() => throw null;

        public void CopyTo(Array array, int arrayIndex) => throw null;

        public void Add(object key, object value) => throw null;

        public void Clear() => throw null;

        public bool Contains(object key) => throw null;

        public void Remove(object key) => throw null;
    }

    /// <summary>v1.5.75 Queue.cs (every member virtual).</summary>
    [Serializable]
    public class Queue : ICollection, ICloneable
    {
        public Queue() => throw null;

        public virtual int Count => throw null;

        public virtual bool IsSynchronized => throw null;

        public virtual object SyncRoot => throw null;

        public virtual object Clone() => throw null;

        public virtual void Clear() => throw null;

        public virtual void CopyTo(Array array, int index) => throw null;

        public virtual void Enqueue(object obj) => throw null;

        public virtual IEnumerator GetEnumerator() => throw null;

        public virtual object Dequeue() => throw null;

        public virtual object Peek() => throw null;

        public virtual bool Contains(object obj) => throw null;

        public virtual object[] ToArray() => throw null;
    }

    /// <summary>v1.5.75 Stack.cs (every member virtual).</summary>
    [Serializable]
    public class Stack : ICollection, ICloneable
    {
        public Stack() => throw null;

        public virtual int Count => throw null;

        public virtual bool IsSynchronized => throw null;

        public virtual object SyncRoot => throw null;

        public virtual void Clear() => throw null;

        public virtual object Clone() => throw null;

        public virtual bool Contains(object obj) => throw null;

        public virtual void CopyTo(Array array, int index) => throw null;

        public virtual IEnumerator GetEnumerator() => throw null;

        public virtual object Peek() => throw null;

        public virtual object Pop() => throw null;

        public virtual void Push(object obj) => throw null;

        public virtual object[] ToArray() => throw null;
    }
}
