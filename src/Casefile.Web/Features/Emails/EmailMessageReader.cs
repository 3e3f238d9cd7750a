using System.Security.Cryptography;
using System.Text;
using Casefile.Domain.Emails;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Casefile.Web.Features.Emails;

/// <summary>
/// Reads an uploaded <c>.eml</c> file (policy 4.1: an email that documents a case decision is a
/// case record) into a <see cref="ParsedEmail"/>: its transmission data (policy 4.5), its text,
/// and every attachment (policy 4.6), including images shown inside the body and whole emails
/// attached to it (a forwarded email is kept as its own <c>.eml</c>). The file itself is returned
/// untouched with its SHA-256, for the caller to store as the original.
/// <para>
/// What a file needs to be accepted as an email: it is not empty, it begins with email headers,
/// it has a sender (<c>From</c>) and a date (<c>Date</c>, or failing that the date a server
/// received it, from the topmost <c>Received</c> line), and no part of it is cut short. Anything
/// else is refused with <see cref="EmailNotReadableException"/> and a plain reason. An email with
/// no recipients, no subject or no message id is accepted: the worker may have nothing better, and
/// <see cref="ParsedEmail.IsIncomplete"/> flags it (policy 4.5).
/// </para>
/// Stateless and thread-safe; register it as a singleton.
/// </summary>
public sealed class EmailMessageReader(long maxBytes = EmailMessageReader.DefaultMaxBytes)
{
    /// <summary>50 MB: more than any mail server the council uses will carry.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Reads the whole stream, then the email in it.</summary>
    /// <exception cref="EmailNotReadableException">The file is not an email that can be read.</exception>
    public async Task<ParsedEmail> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new EmailNotReadableException($"The file is too large: an email can be at most {maxBytes / (1024 * 1024)} MB.");
            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray());
    }

    /// <summary>Reads the email in <paramref name="raw"/>, the whole file as uploaded.</summary>
    /// <exception cref="EmailNotReadableException">The file is not an email that can be read.</exception>
    public ParsedEmail Read(byte[] raw)
    {
        if (raw.Length > maxBytes)
            throw new EmailNotReadableException($"The file is too large: an email can be at most {maxBytes / (1024 * 1024)} MB.");
        var skip = HeadersStart(raw);

        var attachedMessages = new Dictionary<MessagePart, (long Begin, long End)>(ReferenceEqualityComparer.Instance);
        var multipartStarts = new Dictionary<Multipart, long>(ReferenceEqualityComparer.Instance);
        MimeMessage message;
        using (var input = new MemoryStream(raw, skip, raw.Length - skip, writable: false))
        {
            var parser = new MimeParser(input, MimeFormat.Entity);
            parser.MimeMessageEnd += (_, e) =>
            {
                if (e.Parent is { } part)
                    attachedMessages[part] = (e.BeginOffset + skip, e.EndOffset + skip);
            };
            parser.MimeEntityEnd += (_, e) =>
            {
                if (e.Entity is Multipart multipart)
                    multipartStarts[multipart] = e.BeginOffset + skip;
            };
            try
            {
                message = parser.ParseMessage();
            }
            catch (FormatException ex)
            {
                throw new EmailNotReadableException("This is not an email message: its headers cannot be read.", ex);
            }
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null || string.IsNullOrWhiteSpace(from.Address))
            throw new EmailNotReadableException("This is not an email message: it has no sender (no From line).");

        var sentAt = DateOf(message.Headers[HeaderId.Date]);
        var receivedAt = ReceivedDate(message);
        if (sentAt is null && receivedAt is null)
            throw new EmailNotReadableException(
                "This is not an email message: it has no date it was sent or received (no readable Date or Received line).");

        CheckNotCutShort(message.Body, raw, multipartStarts);

        var walk = new PartWalk(raw, attachedMessages);
        if (message.Body is not null)
            walk.Visit(message.Body, parent: null);

        return new ParsedEmail(
            Address(from),
            message.To.Mailboxes.Select(Address).ToList(),
            message.Cc.Mailboxes.Select(Address).ToList(),
            sentAt,
            receivedAt,
            message.Subject,
            NullIfBlank(message.MessageId),
            NullIfBlank(message.InReplyTo),
            message.References.ToList(),
            walk.BodyText(out var source),
            source,
            walk.Attachments,
            raw,
            Convert.ToHexStringLower(SHA256.HashData(raw)),
            raw.LongLength);
    }

    /// <summary>
    /// Checks the file looks like an email at all, and returns where its headers start: after a
    /// UTF-8 byte order mark some programs add when saving, and after the "From " line of a
    /// message saved from an mbox mailbox.
    /// </summary>
    private static int HeadersStart(byte[] raw)
    {
        if (raw.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            throw new EmailNotReadableException("The file is empty.");

        // The header section ends at the first blank line; binary data there means this is some
        // other kind of file (a PDF, an image, a Word document) given the wrong name.
        var start = raw.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var headerEnd = HeaderSectionEnd(raw);
        for (var i = start; i < headerEnd; i++)
        {
            if (raw[i] == 0 || (raw[i] < 0x20 && raw[i] is not ((byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C or 0x1B)))
                throw new EmailNotReadableException("This is not an email message: it contains binary data, not text.");
        }

        // An email begins with a header line ("Name: value"), or an mbox "From " line.
        var searchLength = Math.Min(raw.Length - start, 1000);
        var firstLineEnd = Array.IndexOf(raw, (byte)'\n', start, searchLength);
        var firstLine = Encoding.Latin1.GetString(raw, start, firstLineEnd < 0 ? searchLength : firstLineEnd - start);
        var colon = firstLine.IndexOf(':', StringComparison.Ordinal);
        var isHeader = colon > 0 && firstLine[..colon].TrimEnd().All(c => c > ' ' && c < 127 && c != ':');
        if (isHeader)
            return start;
        if (firstLine.StartsWith("From ", StringComparison.Ordinal) && firstLineEnd >= 0)
            return firstLineEnd + 1;
        throw new EmailNotReadableException(
            "This is not an email message: it does not begin with email headers (such as From, To, Date and Subject).");
    }

    private static int HeaderSectionEnd(byte[] raw)
    {
        var limit = Math.Min(raw.Length, 256 * 1024);
        for (var i = 0; i + 1 < limit; i++)
        {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n')))
                return i;
        }

        return limit;
    }

    private static void CheckNotCutShort(MimeEntity? entity, byte[] raw, Dictionary<Multipart, long> multipartStarts)
    {
        switch (entity)
        {
            case Multipart multipart:
                // A multipart ends with its closing delimiter "--boundary--"; a file cut short has none.
                var start = (int)Math.Clamp(multipartStarts.GetValueOrDefault(multipart), 0, raw.Length);
                var closing = Encoding.ASCII.GetBytes("--" + multipart.Boundary + "--");
                if (raw.AsSpan(start).IndexOf(closing) < 0)
                    throw new EmailNotReadableException(
                        "The message is cut short: it ends before its last part is complete, so part of it (perhaps an attachment) is missing.");
                foreach (var child in multipart)
                    CheckNotCutShort(child, raw, multipartStarts);
                break;
            case MessagePart { Message: { } inner }:
                CheckNotCutShort(inner.Body, raw, multipartStarts);
                break;
            case MimePart { ContentTransferEncoding: ContentEncoding.Base64, Content: { } content } part:
                if (Base64Length(content) % 4 != 0)
                    throw new EmailNotReadableException(
                        $"The message is cut short: the attachment {part.FileName ?? part.ContentType.MimeType} is incomplete.");
                break;
        }
    }

    private static long Base64Length(IMimeContent content)
    {
        var stream = content.Stream;
        if (stream is null || !stream.CanSeek)
            return 0;
        stream.Position = 0;
        long count = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                    or (byte)'+' or (byte)'/' or (byte)'=')
                    count++;
            }
        }

        stream.Position = 0;
        return count;
    }

    private static DateTimeOffset? ReceivedDate(MimeMessage message)
    {
        // Policy 4.5 "sent and/or received": the topmost Received line is the last server's, the
        // time the message reached the council.
        var received = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Received);
        if (received is null)
            return null;
        var semicolon = received.Value.LastIndexOf(';');
        return semicolon < 0 ? null : DateOf(received.Value[(semicolon + 1)..]);
    }

    private static DateTimeOffset? DateOf(string? value) =>
        !string.IsNullOrWhiteSpace(value) && DateUtils.TryParse(value.Trim(), out var date) ? date : null;

    private static EmailAddress Address(MailboxAddress mailbox) => new(mailbox.Name?.Trim() ?? "", mailbox.Address.Trim());

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Walks the parts of a message once, collecting the body text parts and the attachments.</summary>
    private sealed class PartWalk(byte[] raw, Dictionary<MessagePart, (long Begin, long End)> attachedMessages)
    {
        private readonly List<(TextPart Part, Multipart? Parent)> _bodyParts = [];
        private int _forwarded;

        public List<EmailAttachment> Attachments { get; } = [];

        public void Visit(MimeEntity entity, Multipart? parent)
        {
            switch (entity)
            {
                case Multipart multipart:
                    foreach (var child in multipart)
                        Visit(child, multipart);
                    break;
                case MessagePart message:
                    AddAttachedMessage(message);
                    break;
                case TextPart text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                    _bodyParts.Add((text, parent));
                    break;
                case MimePart part:
                    AddPart(part, parent);
                    break;
            }
        }

        /// <summary>
        /// The text/plain part, or text made from the text/html part when there is none. Any
        /// further text part outside a multipart/alternative (some clients split the body around an
        /// attachment) is kept as an attachment, so nothing of the email is lost.
        /// </summary>
        public string BodyText(out EmailBodySource source)
        {
            var chosen = _bodyParts.FirstOrDefault(p => p.Part.IsPlain);
            if (chosen.Part is null)
                chosen = _bodyParts.FirstOrDefault(p => p.Part.IsHtml);

            foreach (var other in _bodyParts)
            {
                if (other.Part == chosen.Part || IsAlternative(other.Parent))
                    continue;
                AddPart(other.Part, other.Parent);
            }

            if (chosen.Part is null)
            {
                source = EmailBodySource.None;
                return "";
            }

            source = chosen.Part.IsPlain ? EmailBodySource.PlainText : EmailBodySource.Html;
            var text = chosen.Part.Text ?? "";
            if (chosen.Part.IsPlain && chosen.Part.IsFlowed)
            {
                var deleteSpace = chosen.Part.ContentType.Parameters.TryGetValue("delsp", out string? delsp)
                    && delsp.Equals("yes", StringComparison.OrdinalIgnoreCase);
                text = new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
            }
            else if (chosen.Part.IsHtml)
            {
                text = HtmlBodyText.From(text);
            }

            return text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        }

        private static bool IsAlternative(Multipart? parent) =>
            parent is not null && parent.ContentType.IsMimeType("multipart", "alternative");

        private void AddPart(MimePart part, Multipart? parent)
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var disposition = part.ContentDisposition?.Disposition;
            var inRelated = parent is not null && parent.ContentType.IsMimeType("multipart", "related");
            var isInline = string.Equals(disposition, ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
                || (disposition is null && inRelated && part.ContentId is not null);
            var kind = isInline && part.ContentId is not null && part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)
                ? EmailAttachmentKind.InlineImage
                : EmailAttachmentKind.File;
            var mimeType = part.ContentType.MimeType.ToLowerInvariant();
            var fileName = SafeFileName(part.FileName) ?? GeneratedName(mimeType);
            Attachments.Add(EmailAttachment.Of(fileName, mimeType, kind, isInline, part.ContentId, content.ToArray()));
        }

        private void AddAttachedMessage(MessagePart part)
        {
            byte[] bytes;
            if (attachedMessages.TryGetValue(part, out var span) && span.End > span.Begin && span.End <= raw.LongLength)
            {
                // The attached email exactly as it stands in the file. MimeKit's end offset includes
                // the line break before the next boundary, which RFC 2046 counts as the boundary's.
                var end = (int)span.End;
                if (end < raw.Length && raw[end] == '-' && end > span.Begin && raw[end - 1] == '\n')
                    end -= end - 1 > span.Begin && raw[end - 2] == '\r' ? 2 : 1;
                bytes = raw.AsSpan((int)span.Begin, end - (int)span.Begin).ToArray();
            }
            else
            {
                using var content = new MemoryStream();
                var options = FormatOptions.Default.Clone();
                options.NewLineFormat = NewLineFormat.Dos;
                part.Message?.WriteTo(options, content);
                bytes = content.ToArray();
            }

            _forwarded++;
            var fileName = SafeFileName(part.ContentDisposition?.FileName ?? part.ContentType.Name)
                ?? (_forwarded == 1 ? "forwarded-message.eml" : $"forwarded-message-{_forwarded}.eml");
            var isInline = string.Equals(part.ContentDisposition?.Disposition, ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase);
            Attachments.Add(EmailAttachment.Of(fileName, "message/rfc822", EmailAttachmentKind.AttachedMessage, isInline, part.ContentId, bytes));
        }

        private string GeneratedName(string mimeType)
        {
            var extension = MimeTypes.TryGetExtension(mimeType, out var ext) ? ext : ".bin";
            if (!extension.StartsWith('.'))
                extension = "." + extension;
            return $"attachment-{Attachments.Count + 1}{extension}";
        }

        private static string? SafeFileName(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            // A file name is a name, never a path ("..\..\evil.exe", "/etc/passwd").
            var last = name.Replace('\\', '/').Split('/').Last();
            var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimEnd('.');
            return clean.Length == 0 ? null : clean;
        }
    }
}
