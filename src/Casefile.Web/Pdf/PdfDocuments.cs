using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Casefile.Web.Pdf;

/// <summary>What every PDF Casefile prints has in common: its protective marking, its ink colours, A4 pages, and saving to bytes.</summary>
public static class PdfDocuments
{
    /// <summary>The Government Security Classification every printed case record carries.</summary>
    public const string Marking = "OFFICIAL-SENSITIVE";

    /// <summary>GOV.UK's text colour.</summary>
    public static readonly XColor TextColour = XColor.FromArgb(0x0b, 0x0c, 0x0c);

    /// <summary>GOV.UK's secondary text colour.</summary>
    public static readonly XColor SecondaryColour = XColor.FromArgb(0x50, 0x5a, 0x5f);

    /// <summary>Adds an A4 portrait page.</summary>
    public static PdfPage AddA4Page(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return page;
    }

    public static byte[] ToBytes(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
