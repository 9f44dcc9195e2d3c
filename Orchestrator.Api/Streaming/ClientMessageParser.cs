using System.Text.Json;

namespace Orchestrator.Api.Streaming;

/// <summary>Reads a client's text message into a <see cref="ClientCommand"/>, or says in one sentence what is wrong with it.</summary>
internal static class ClientMessageParser
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ClientCommand? command, out string? error)
    {
        command = null;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "A message must be a JSON object with an \"action\".";
                return false;
            }

            if (!TryGetString(root, "action", required: true, out var action, out error)
                || !TryGetString(root, "resource", required: true, out var resource, out error)
                || !TryGetString(root, "replica", required: false, out var replica, out error))
            {
                return false;
            }

            if (action is not (ClientCommand.SubscribeLogs or ClientCommand.UnsubscribeLogs))
            {
                error = $"Unknown action '{action}'. Known actions: {ClientCommand.SubscribeLogs}, {ClientCommand.UnsubscribeLogs}.";
                return false;
            }

            command = new ClientCommand(action, resource!, replica);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"The message is not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryGetString(JsonElement root, string name, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        var found = false;
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = true;
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } text)
                {
                    value = text;
                }
                else if (property.Value.ValueKind != JsonValueKind.Null || required)
                {
                    error = $"\"{name}\" must be a non-empty string.";
                    return false;
                }
            }
        }

        if (required && !found)
        {
            error = $"\"{name}\" is required.";
            return false;
        }

        return true;
    }
}
