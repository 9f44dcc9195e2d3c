using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>Real HTTP to the orchestrator's API on 127.0.0.1, with the key sent the way a test chooses.</summary>
internal sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => baseAddress;

    public Task<HttpResponseMessage> GetAsync(string path, string? key = null, KeyScheme scheme = KeyScheme.Header) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), key, scheme);

    public Task<HttpResponseMessage> PostAsync(string path, string? key, string? json = null, KeyScheme scheme = KeyScheme.Header) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        }, key, scheme);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? key) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), key, KeyScheme.Header);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? key, KeyScheme scheme)
    {
        if (key is not null)
        {
            if (scheme == KeyScheme.Bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                request.Headers.Add("X-Api-Key", key);
            }
        }

        return _http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path, string key)
    {
        using var response = await GetAsync(path, key);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => _http.Dispose();
}
