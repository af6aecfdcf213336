using System.Buffers;
using System.Text.Json;
using ChatBot.Core.Protocol;
using Microsoft.Net.Http.Headers;

namespace ChatBot.Web.Messages;

/// <summary>
/// Reads an activity from a request body with the protocol's checks in order: JSON content type (415), size limit
/// with or without Content-Length (413), then well-formed JSON that is an activity (400).
/// </summary>
public static class ActivityRequestReader
{
    /// <summary>The body as an activity, or the problem to answer with.</summary>
    public sealed record ReadResult(Activity? Activity, IResult? Problem);

    public static async Task<ReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "The body must be an activity sent as application/json.");
        }
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }
        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            // The client went away or sent a broken body (e.g. a load tool stopping mid-request): not a server fault.
            return Fail(StatusCodes.Status400BadRequest, "Incomplete body", "The request body ended before it was complete.");
        }
        if (body is null)
        {
            return TooLarge(maxBytes);
        }
        try
        {
            if (body.Length == 0)
            {
                return Fail(StatusCodes.Status400BadRequest, "Empty body", "The body must be a JSON activity.");
            }
            var activity = JsonSerializer.Deserialize(body.AsSpan(), ProtocolJson.Default.Activity);
            return activity is null
                ? Fail(StatusCodes.Status400BadRequest, "Not an activity", "The body must be a JSON object with a 'type'.")
                : new ReadResult(activity, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            // The message names the JSON position but never echoes the body.
            var where = ex is JsonException { LineNumber: { } line, BytePositionInLine: { } position } ? $" (line {line + 1}, byte {position + 1})" : "";
            return Fail(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a valid activity{where}.");
        }
    }

    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 64 * 1024));
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        return null;
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, maxBytes + 1) - total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, total).ToArray();
                }
                total += read;
                if (total > maxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadResult TooLarge(int maxBytes) =>
        Fail(StatusCodes.Status413PayloadTooLarge, "Body too large", $"An activity may be at most {maxBytes} bytes.");

    private static ReadResult Fail(int status, string title, string detail) =>
        new(null, Results.Problem(statusCode: status, title: title, detail: detail));
}
