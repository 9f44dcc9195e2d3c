using Orchestrator.Api.Monitoring;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>/proc as the test writes it: a path has the text last set for it, or does not exist.</summary>
internal sealed class FakeProcFiles : IProcFileReader
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Set(string path, string text)
    {
        lock (_gate)
        {
            _files[path] = text;
        }
    }

    public string? ReadText(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path);
        }
    }
}
