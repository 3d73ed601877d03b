using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.Protocol;

public class CachedCodesTests
{
    private static readonly byte[] Verifier = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void FormatEntry_IsTheDocumentedText_AndReadsBack()
    {
        string text = CachedCodes.FormatEntry(1042, 3, 'p', 1767312000, Verifier);
        Assert.Equal("1042,3,p,1767312000,AAECAwQFBgcICQoLDA0ODw==", text);

        var codes = new CachedCodes(4);
        Assert.Equal("", codes.Append(text + ";" + CachedCodes.FormatEntry(7, 32, 'c', 5, Verifier)));

        Assert.Equal(2, codes.Count);
        Assert.Equal((1042L, 3, 'p', 1767312000L), (codes.RefAt(0), codes.CompartmentAt(0), codes.KindAt(0), codes.ExpiresAt(0)));
        Assert.True(codes.VerifierMatches(1, Verifier));
        Assert.Equal(text + ";7,32,c,5,AAECAwQFBgcICQoLDA0ODw==", codes.ToText(0, 2));
    }

    [Theory]
    [InlineData("1,3,p,5", "entry 1: expected ref,compartment,kind,expires,verifier")]
    [InlineData("0,3,p,5,AAECAwQFBgcICQoLDA0ODw==", "entry 1: ref must be a number of at least 1")]
    [InlineData("1,0,p,5,AAECAwQFBgcICQoLDA0ODw==", "entry 1: compartment must be 1..255")]
    [InlineData("1,3,x,5,AAECAwQFBgcICQoLDA0ODw==", "entry 1: kind must be p, q, d or c")]
    [InlineData("1,3,p,-5,AAECAwQFBgcICQoLDA0ODw==", "entry 1: expires must be a number")]
    [InlineData("1,3,p,5,AAECAwQFBgcICQoLDA0O", "entry 1: verifier must be base64 of 16 bytes")]
    [InlineData("1,3,p,5,AAECAwQFBgcICQoLDA0ODw==;", "entry 2: expected ref,compartment,kind,expires,verifier")]
    [InlineData("1,3,p,5,!!ECAwQFBgcICQoLDA0ODw==", "entry 1: verifier must be base64 of 16 bytes")]
    public void Problem_NamesTheEntryAndWhatIsWrong(string text, string problem)
    {
        Assert.Equal(problem, CachedCodes.Problem(text));
    }

    [Fact]
    public void Problem_MorePerPartThanAllowed_IsRefused()
    {
        string tooMany = string.Join(";", Enumerable.Range(1, CachedCodes.MaxPerPart + 1).Select(i => CachedCodes.FormatEntry(i, 1, 'p', 5, Verifier)));

        Assert.Equal("more than 16 entries", CachedCodes.Problem(tooMany));
        Assert.Equal("", CachedCodes.Problem(""));
    }

    [Fact]
    public void RemoveAt_ClosesTheGap()
    {
        var codes = new CachedCodes(4);
        for (int i = 1; i <= 3; i++) codes.Add(i, i, 'd', 5, Verifier);

        codes.RemoveAt(0);

        Assert.Equal(new long[] { 2, 3 }, new[] { codes.RefAt(0), codes.RefAt(1) });
        Assert.Equal(1, codes.IndexOfRef(3));
        Assert.Equal(-1, codes.IndexOfRef(1));
    }
}
