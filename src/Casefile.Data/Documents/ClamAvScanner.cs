using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Casefile.Data.Documents;

/// <summary>
/// A client for ClamAV's daemon (clamd) over TCP, using the INSTREAM command: the content is
/// sent in chunks each preceded by its length as a 4-byte big-endian number, ended by a zero
/// length, and clamd answers <c>stream: OK</c>, <c>stream: &lt;name&gt; FOUND</c> or an
/// <c>... ERROR</c>. The <c>z</c> form of the command makes replies NUL-terminated.
/// clamd refuses streams longer than its <c>StreamMaxLength</c> (25 MB by default), so that must
/// be at least <see cref="DocumentStorageOptions.MaxUploadBytes"/>.
/// </summary>
public sealed class ClamAvScanner(string host, int port, TimeSpan? timeout = null) : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(2);

    public bool IsConfigured => true;

    public string Host { get; } = host;

    public int Port { get; } = port;

    public async Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(_timeout);
        var token = timeoutSource.Token;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, token);
            await using var network = client.GetStream();

            try
            {
                await network.WriteAsync("zINSTREAM\0"u8.ToArray(), token);
                var buffer = new byte[4 + ChunkSize];
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(4, ChunkSize), token)) > 0)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                    await network.WriteAsync(buffer.AsMemory(0, 4 + read), token);
                }
                await network.WriteAsync(new byte[4], token);
            }
            catch (IOException)
            {
                // clamd closes the connection early when a limit is passed; its reply says why.
            }

            var reply = await ReadReplyAsync(network, token);
            return Interpret(reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new VirusScanResult.Failed($"The virus scanner at {Host}:{Port} did not answer within {_timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return new VirusScanResult.Failed($"Could not reach the virus scanner at {Host}:{Port}: {e.Message}");
        }
    }

    /// <summary>Asks clamd whether it is up; true when it answers PONG.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, cancellationToken);
            await using var network = client.GetStream();
            await network.WriteAsync("zPING\0"u8.ToArray(), cancellationToken);
            return await ReadReplyAsync(network, cancellationToken) == "PONG";
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    private static async Task<string> ReadReplyAsync(Stream network, CancellationToken token)
    {
        var reply = new MemoryStream();
        var buffer = new byte[256];
        int read;
        while (reply.Length < 4096 && (read = await network.ReadAsync(buffer, token)) > 0)
        {
            var nul = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, nul >= 0 ? nul : read);
            if (nul >= 0) break;
        }
        return Encoding.UTF8.GetString(reply.ToArray()).Trim();
    }

    /// <summary>Reads clamd's one-line answer.</summary>
    public static VirusScanResult Interpret(string reply)
    {
        if (reply.Length == 0) return new VirusScanResult.Failed("The virus scanner closed the connection without an answer.");
        // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
        var body = reply.StartsWith("stream:", StringComparison.Ordinal) ? reply["stream:".Length..].Trim() : reply;
        if (body == "OK") return new VirusScanResult.Clean();
        if (body.EndsWith(" FOUND", StringComparison.Ordinal)) return new VirusScanResult.Infected(body[..^" FOUND".Length].Trim());
        return new VirusScanResult.Failed($"The virus scanner answered: {reply}");
    }
}
