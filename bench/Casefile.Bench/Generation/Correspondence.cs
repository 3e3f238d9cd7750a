using System.Security.Cryptography;
using System.Text;
using Casefile.Domain.Documents;

namespace Casefile.Bench.Generation;

/// <summary>One distinct file in the generated content store: its bytes, address and real type.</summary>
public sealed record PooledContent(string Sha256, byte[] Bytes, string Extension, string ContentType, FileKind Kind);

/// <summary>
/// The bytes behind the generated documents and emails. A real authority's store holds a file per
/// upload; the generator keeps a few hundred distinct small files (letters and reports as PDFs,
/// photographs and scans as JPEG and PNG, notes as text, and raw email messages) and the generated
/// rows share them by hash, as the content-addressed store allows (ADR 0013), so a tier's store stays
/// a few megabytes while every document and email still opens, hash-checked, in the application.
/// Every file's type is what <see cref="FileTypeDetector"/> reads from its bytes.
/// </summary>
public sealed class ContentPool
{
    private readonly List<PooledContent> _pdf = [];
    private readonly List<PooledContent> _images = [];
    private readonly List<PooledContent> _text = [];
    private readonly List<PooledContent> _emails = [];

    public ContentPool(Random random, int documents = 300, int emails = 200)
    {
        for (var i = 0; i < documents; i++)
        {
            var roll = random.Next(100);
            if (roll < 60) _pdf.Add(Make(SmallPdf(random, i), "pdf"));
            else if (roll < 80) _images.Add(Make(Jpeg(random), "jpg"));
            else if (roll < 90) _images.Add(Make(Png(random), "png"));
            else _text.Add(Make(Encoding.UTF8.GetBytes(Note(random, i)), "txt"));
        }
        for (var i = 0; i < emails; i++) _emails.Add(Make(Encoding.UTF8.GetBytes(RawEmail(random, i)), "eml"));
    }

    /// <summary>Every distinct file, for loading into the store.</summary>
    public IEnumerable<PooledContent> All => _pdf.Concat(_images).Concat(_text).Concat(_emails);

    public PooledContent Pdf(Random random) => _pdf[random.Next(_pdf.Count)];

    public PooledContent Image(Random random) => _images[random.Next(_images.Count)];

    public PooledContent Any(Random random) => random.Next(100) switch
    {
        < 65 => Pdf(random),
        < 90 => Image(random),
        _ => _text[random.Next(_text.Count)],
    };

    public PooledContent Email(Random random) => _emails[random.Next(_emails.Count)];

    private static PooledContent Make(byte[] bytes, string extension)
    {
        var type = FileTypeDetector.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, FileTypeDetector.SniffLength)), isWholeFile: bytes.Length <= FileTypeDetector.SniffLength);
        if (!type.IsKnown) throw new InvalidOperationException($"A generated .{extension} file is not recognised by FileTypeDetector.");
        return new PooledContent(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes, extension, type.ContentType, type.Kind);
    }

    /// <summary>A one-page PDF of a few kilobytes to a few tens: a text page and, for some, an embedded image.</summary>
    private static byte[] SmallPdf(Random random, int n)
    {
        var text = new StringBuilder("BT /F1 11 Tf 56 780 Td 14 TL\n");
        var lines = 20 + random.Next(40);
        for (var l = 0; l < lines; l++) text.Append($"({Sentences[random.Next(Sentences.Length)].Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)}) '\n");
        text.Append("ET\n");
        var image = new byte[random.Next(100) < 40 ? 2_000 + random.Next(40_000) : 0];
        random.NextBytes(image);
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin1($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> % document {n}"),
            Join(Latin1($"<< /Length {text.Length} >>\nstream\n"), Latin1(text.ToString()), Latin1("endstream")),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Join(Latin1($"<< /Type /XObject /Subtype /Image /Width {Math.Max(1, image.Length)} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {image.Length} >>\nstream\n"), image, Latin1("\nendstream")),
        };
        using var pdf = new MemoryStream();
        pdf.Write(Latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin1($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin1("\nendobj\n"));
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) table.Append($"{o:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Latin1(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A JPEG's start (SOI, JFIF APP0), a body of random bytes like entropy-coded data, and its end (EOI).</summary>
    private static byte[] Jpeg(Random random)
    {
        var body = new byte[20_000 + random.Next(120_000)];
        random.NextBytes(body);
        return [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00, .. body, 0xFF, 0xD9];
    }

    private static byte[] Png(Random random)
    {
        var body = new byte[10_000 + random.Next(60_000)];
        random.NextBytes(body);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. body];
    }

    private static string Note(Random random, int n)
    {
        var text = new StringBuilder($"Note {n + 1}\n\n");
        for (var i = 0; i < 5 + random.Next(20); i++) text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
        return text.Append('\n').ToString();
    }

    /// <summary>An RFC 5322 message as a mail client saves it (.eml), of one to a few kilobytes.</summary>
    private static string RawEmail(Random random, int n)
    {
        var sent = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(600_000));
        var body = new StringBuilder();
        for (var i = 0; i < 3 + random.Next(12); i++) body.Append(Sentences[random.Next(Sentences.Length)]).Append(i % 3 == 2 ? "\r\n\r\n" : " ");
        return $"Received: from mail.council.example.gov.uk by mx.council.example.gov.uk; {sent:R}\r\n" +
            $"Message-ID: <pool-{n}.{random.Next():x8}@council.example.gov.uk>\r\n" +
            $"Date: {sent:R}\r\nFrom: Children's Services <childrens.services@council.example.gov.uk>\r\n" +
            "To: Safeguarding Lead <safeguarding@harrowden-primary.example.sch.uk>\r\n" +
            $"Subject: Update {n + 1}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";
    }

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Plain sentences for letters, notes and email bodies (never the chronology's searched word).</summary>
    public static readonly string[] Sentences =
    [
        "Thank you for meeting with me on Tuesday to talk about the plan.",
        "Attendance has improved this half term and the class teacher is pleased with progress.",
        "Please find attached the minutes of the core group meeting.",
        "The family support worker will visit weekly until the review.",
        "Mum has agreed to attend the parenting course starting next month.",
        "The health visitor has completed the developmental check and has no concerns about growth.",
        "We discussed contact arrangements and agreed they will stay as they are for now.",
        "Could you confirm the date of the next review so I can let the school know?",
        "The police have shared the details of the incident reported at the weekend.",
        "The child said they enjoy football club and would like to go on Saturdays as well.",
        "The GP has referred the family to the community mental health team.",
        "Housing have confirmed the repairs to the flat will be completed this week.",
        "I will update the chronology and share the plan with the family.",
        "The independent reviewing officer has asked for the care plan before the meeting.",
        "School nurse reports the child has been seen about headaches and eyesight.",
        "The foster carers report a settled week with good sleep and no incidents.",
    ];
}
