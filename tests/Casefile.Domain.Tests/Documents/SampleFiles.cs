using System.IO.Compression;
using System.Text;

namespace Casefile.Domain.Tests.Documents;

/// <summary>The opening bytes of real files of each kind, as their formats define them.</summary>
public static class SampleFiles
{
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public static byte[] Bytes(params int[] values) => [.. values.Select(v => (byte)v)];

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Pdf => Ascii("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    public static byte[] Png => Concat(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D), Ascii("IHDR"), new byte[17]);
    public static byte[] Jpeg => Concat(Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10), Ascii("JFIF\0"), new byte[20]);
    public static byte[] Gif => Concat(Ascii("GIF89a"), Bytes(1, 0, 1, 0, 0x80, 0, 0));
    public static byte[] TiffLittleEndian => Concat(Bytes(0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0), new byte[16]);
    public static byte[] TiffBigEndian => Concat(Bytes(0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8), new byte[16]);
    public static byte[] Bmp => Concat(Ascii("BM"), Bytes(0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0), new byte[40]);
    public static byte[] WebP => Concat(Ascii("RIFF"), Bytes(0x24, 0, 0, 0), Ascii("WEBPVP8 "), new byte[20]);
    public static byte[] Heic => Concat(Bytes(0, 0, 0, 0x18), Ascii("ftypheic"), Bytes(0, 0, 0, 0), Ascii("mif1heic"));
    public static byte[] Ole => Concat(Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[504]);
    public static byte[] Rtf => Ascii("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Visit notes\\par }");
    public static byte[] WindowsProgram => Concat(Ascii("MZ"), Bytes(0x90, 0, 3, 0, 0, 0, 4, 0), new byte[50], Ascii("This program cannot be run in DOS mode."));
    public static byte[] LinuxProgram => Concat(Bytes(0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0), new byte[56]);
    public static byte[] MacProgram => Concat(Bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1), new byte[24]);
    public static byte[] ShellScript => Ascii("#!/bin/sh\nrm -rf /\n");
    public static byte[] PlainText => Encoding.UTF8.GetBytes("Home visit 3 March: Amélie was at school; spoke with mum about the plan.\r\n");
    public static byte[] PlainTextWithBom => Concat(Bytes(0xEF, 0xBB, 0xBF), PlainText);
    public static byte[] BinaryJunk => Bytes(0x00, 0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00, 0x01);
    public static byte[] InvalidUtf8 => Bytes(0x48, 0x69, 0xC3, 0x28, 0x20, 0x74, 0x68, 0x65, 0x72, 0x65);

    public static byte[] Eml => Encoding.UTF8.GetBytes(
        "Received: from mail.council.gov.uk by mx.council.gov.uk; Tue, 3 Mar 2026 09:14:00 +0000\r\n" +
        "From: Sam Worker <sam.worker@council.gov.uk>\r\n" +
        "To: Legal <legal@council.gov.uk>\r\n" +
        "Subject: Court date\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "\r\n" +
        "The hearing is listed for 12 March.\r\n");

    public static byte[] EmlFoldedHeaders => Encoding.UTF8.GetBytes(
        "From: Sam Worker <sam.worker@council.gov.uk>\n" +
        "Date: Tue, 3 Mar 2026 09:14:00 +0000\n" +
        "Subject: A long subject\n that folds onto a second line\n" +
        "\n" +
        "Body.\n");

    /// <summary>A note that happens to start with a colon-separated line: text, not email.</summary>
    public static byte[] NoteWithColon => Encoding.UTF8.GetBytes("Note: spoke to mum.\nPlan agreed.\n");

    public static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>"));
    public static byte[] Xlsx => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("xl/workbook.xml", "<workbook/>"));
    public static byte[] Pptx => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("ppt/presentation.xml", "<p:presentation/>"));
    public static byte[] Odt => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
    public static byte[] Ods => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));
    public static byte[] PlainZip => Zip(("notes.txt", "hello"), ("photo.jpg", "not really"));
    public static byte[] ZipWithDataDescriptors => Zip(streamed: true, ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    private static byte[] Zip(params (string Name, string Text)[] entries) => Zip(false, entries);

    private static byte[] Zip(bool streamed, params (string Name, string Text)[] entries)
    {
        var output = new MemoryStream();
        // A stream that cannot seek makes ZipArchive write sizes after the data (data descriptors),
        // as streaming zip writers do.
        Stream target = streamed ? new ForwardOnlyStream(output) : output;
        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var level = name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
