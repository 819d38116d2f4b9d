using System.Globalization;
using System.Text;

namespace Dovetail.Api.Json;

/// <summary>
/// Tracks where a forward-only JSON reader is, so errors can name a path such as <c>place.name</c> or
/// <c>items[2]['odd key']</c>, the same form as the fields of validation errors. One frame per open object or array.
/// </summary>
internal sealed class JsonPath
{
    private readonly List<Frame> frames = [];

    public int Depth => frames.Count;

    public void PushObject() => frames.Add(new Frame(new HashSet<string>(StringComparer.Ordinal)));

    public void PushArray() => frames.Add(new Frame(null));

    public void Pop() => frames.RemoveAt(frames.Count - 1);

    /// <summary>Forgets the previous property of the current object, so the path names the object itself.</summary>
    public void ResetProperty() => frames[^1].Property = null;

    /// <summary>Records the property about to be read; returns false when the object already has it.</summary>
    public bool TryEnterProperty(string name)
    {
        var frame = frames[^1];
        frame.Property = name;
        return frame.Names!.Add(name);
    }

    /// <summary>Moves to the next element when the current container is an array.</summary>
    public void BeginValue()
    {
        if (frames.Count > 0 && frames[^1].Names is null)
        {
            frames[^1].Index++;
        }
    }

    /// <summary>Returns the path of the value being read, or an empty string for the top-level object.</summary>
    public override string ToString()
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.Names is null)
            {
                if (frame.Index >= 0)
                {
                    path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (frame.Property is { } name)
            {
                AppendProperty(path, name);
            }
        }

        return path.ToString();
    }

    private static void AppendProperty(StringBuilder path, string name)
    {
        var plain = name.Length > 0
            && !char.IsAsciiDigit(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        if (plain)
        {
            // A top-level member has no separator before it.
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(name);
            return;
        }

        path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
    }

    private sealed class Frame(HashSet<string>? names)
    {
        /// <summary>Property names seen so far; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public string? Property { get; set; }

        /// <summary>The index of the current array element; -1 before the first.</summary>
        public int Index { get; set; } = -1;
    }
}
