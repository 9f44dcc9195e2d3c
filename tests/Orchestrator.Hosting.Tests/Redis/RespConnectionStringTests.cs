using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Redis;

public sealed class RespConnectionStringTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("a,b")]
    [InlineData("key=value")]
    [InlineData("say \"hi\"")]
    [InlineData("\"")]
    [InlineData(" padded ")]
    [InlineData("a,\"b\"=c,")]
    [InlineData("")]
    public void A_password_comes_back_as_it_was(string password)
    {
        var text = new RespConnectionString("127.0.0.1", 6380, password).Format();

        var parsed = RespConnectionString.Parse(text);

        Assert.Equal(("127.0.0.1", 6380, password), (parsed.Host, parsed.Port, parsed.Password));
    }

    [Fact]
    public void A_password_without_separators_is_written_as_it_is()
    {
        Assert.Equal("127.0.0.1:6379,password=Abc123", new RespConnectionString("127.0.0.1", 6379, "Abc123").Format());
    }

    [Fact]
    public void A_password_with_a_comma_is_quoted_and_its_quotes_doubled()
    {
        Assert.Equal("127.0.0.1:6379,password=\"a,\"\"b\"\"\"", new RespConnectionString("127.0.0.1", 6379, "a,\"b\"").Format());
    }

    [Theory]
    [InlineData("localhost", "localhost", 6379, null)]
    [InlineData("[::1]:7000,password=x", "::1", 7000, "x")]
    [InlineData("cache:6380, ssl=true, password = \"a,b\" ,abortConnect=false", "cache", 6380, "a,b")]
    public void Reads_what_other_tools_write(string text, string host, int port, string? password)
    {
        var parsed = RespConnectionString.Parse(text);

        Assert.Equal((host, port, password), (parsed.Host, parsed.Port, parsed.Password));
    }

    [Theory]
    [InlineData("cache:port")]
    [InlineData("cache:6379,password=\"open")]
    public void A_malformed_string_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => RespConnectionString.Parse(text));
    }

    [Fact]
    public void Its_text_form_never_shows_the_password()
    {
        Assert.DoesNotContain("secret", new RespConnectionString("cache", 6379, "secret").ToString(), StringComparison.Ordinal);
    }
}
