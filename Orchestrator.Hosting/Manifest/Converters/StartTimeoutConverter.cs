using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"startTimeout": "00:02:00"</c> (.NET's invariant <c>c</c> format, exact to the tick).</summary>
internal sealed class StartTimeoutConverter : IManifestAnnotationConverter
{
    public string PropertyName => "startTimeout";

    public JsonNode? Write(IResource resource, ManifestWriteContext context) =>
        resource.Annotations.LastOfType<StartTimeoutAnnotation>() is { } timeout
            ? JsonValue.Create(timeout.Timeout.ToString("c", CultureInfo.InvariantCulture))
            : null;

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var text = ManifestJson.AsString(value, value.GetPath());
        if (!TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var timeout))
        {
            throw new InvalidManifestException($"{value.GetPath()} is '{text}', which is not a duration like \"00:02:00\".");
        }

        resource.Annotations.Add(new StartTimeoutAnnotation(timeout));
    }
}
