using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Casefile.Web.Pdf;

/// <summary>
/// The fonts of every PDF Casefile prints: Liberation Sans (SIL OFL 1.1, see Fonts/LICENSE.txt),
/// served from this assembly to PDFsharp. PDFsharp's platform-neutral build finds no fonts by
/// itself on Linux, and the app must print on a server that has no fonts installed, so the fonts
/// travel inside the assembly. Every family name resolves to Liberation Sans (metric-compatible
/// with Arial); italic is simulated.
/// </summary>
public static class PdfFonts
{
    /// <summary>The family name the PDFs ask for.</summary>
    public const string FamilyName = "Liberation Sans";

    private static readonly Lock RegistrationLock = new();
    private static volatile bool registered;

    /// <summary>Liberation Sans at <paramref name="size"/> points, Unicode-encoded so any character it has prints and copies out.</summary>
    public static XFont Font(double size, bool bold = false)
    {
        EnsureRegistered();
        return new(FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    /// <summary>
    /// Makes sure PDFsharp can find the fonts. Installs the resolver once if no resolver is set
    /// yet; if another part of the app already installed its own, this one becomes the fallback
    /// (when that slot is free) rather than replacing it. Safe to call from many threads at once.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (registered) return;
        lock (RegistrationLock)
        {
            if (registered) return;
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            else if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver && GlobalFontSettings.FallbackFontResolver is null)
                GlobalFontSettings.FallbackFontResolver = new EmbeddedFontResolver();
            registered = true;
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string RegularFace = "LiberationSans-Regular";
        private const string BoldFace = "LiberationSans-Bold";

        private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
        private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic);

        public byte[]? GetFont(string faceName) => faceName switch
        {
            RegularFace => Regular.Value,
            BoldFace => Bold.Value,
            _ => null,
        };

        private static byte[] Load(string face)
        {
            var name = $"Casefile.Web.Pdf.Fonts.{face}.ttf";
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
