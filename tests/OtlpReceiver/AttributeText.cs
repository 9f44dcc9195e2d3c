using System.Globalization;

namespace OtlpTesting;

/// <summary>Formats an attribute value for comparison in tests: <c>200</c> reads the same whether it came as an int or a string.</summary>
internal static class AttributeText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
