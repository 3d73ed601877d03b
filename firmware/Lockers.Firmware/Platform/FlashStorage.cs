using System.Collections;
using System.IO;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Platform
{
    /// <summary>
    /// <see cref="IStorage"/> as one file per key in a flash folder (the firmware uses <c>I:\lockers</c>).
    /// A write goes to <c>key~tmp</c>, which is renamed <c>key~new</c> once complete; then the old file is deleted
    /// and <c>key~new</c> renamed to <c>key</c>. nanoFramework's File.Move refuses an existing target, hence the
    /// delete. After a power cut a <c>~new</c> file is always complete and newest, and a <c>~tmp</c> file is junk:
    /// <see cref="Read"/> and <see cref="List"/> finish the interrupted rename first. (File.WriteAllBytes is not
    /// used: in System.IO.FileSystem it leaves the stream of its File.Create call undisposed.)
    /// </summary>
    public sealed class FlashStorage : IStorage
    {
        private const string TempSuffix = "~tmp";
        private const string NewSuffix = "~new";

        private readonly object _sync = new object();
        private readonly string _folder;
        private readonly string _prefix;

        /// <summary>Uses <paramref name="folder"/> (no trailing backslash), creating it when missing.</summary>
        public FlashStorage(string folder)
        {
            _folder = folder;
            _prefix = folder + "\\";
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        /// <inheritdoc/>
        public byte[] Read(string key)
        {
            lock (_sync)
            {
                string path = _prefix + key;
                Recover(path);
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
        }

        /// <inheritdoc/>
        public void Write(string key, byte[] data)
        {
            lock (_sync)
            {
                string path = _prefix + key;
                string temp = path + TempSuffix;
                File.Delete(temp);
                using (FileStream stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(data, 0, data.Length);
                    stream.Flush();
                }

                File.Delete(path + NewSuffix);
                File.Move(temp, path + NewSuffix);
                Recover(path);
            }
        }

        /// <inheritdoc/>
        public void Delete(string key)
        {
            lock (_sync)
            {
                string path = _prefix + key;
                File.Delete(path + NewSuffix);
                File.Delete(path);
            }
        }

        /// <inheritdoc/>
        public string[] List(string prefix)
        {
            lock (_sync)
            {
                string[] files = Directory.GetFiles(_folder);
                ArrayList keys = new ArrayList();
                for (int i = 0; i < files.Length; i++)
                {
                    string name = Path.GetFileName(files[i]);
                    if (name.EndsWith(NewSuffix))
                    {
                        name = name.Substring(0, name.Length - NewSuffix.Length);
                        Recover(_prefix + name);
                    }

                    if (name.IndexOf('~') < 0 && name.StartsWith(prefix) && keys.IndexOf(name) < 0)
                    {
                        keys.Add(name);
                    }
                }

                string[] result = new string[keys.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (string)keys[i];
                }

                return result;
            }
        }

        // Completes an interrupted write: a "~new" file replaces the key's file.
        private static void Recover(string path)
        {
            string fresh = path + NewSuffix;
            if (File.Exists(fresh))
            {
                File.Delete(path);
                File.Move(fresh, path);
            }
        }
    }
}
