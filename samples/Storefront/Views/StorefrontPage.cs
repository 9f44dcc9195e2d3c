using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Storefront.Views;

/// <summary>Renders the storefront as one small HTML page; a few lines of script post to the storefront's own API.</summary>
public static class StorefrontPage
{
    public static string Render(StorefrontView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Orchestrator demo store</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; color: #222; }
              table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
              th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
              td.num, th.num { text-align: right; }
              .problem { background: #fff3cd; border: 1px solid #e0c36a; padding: .5rem .8rem; margin-bottom: 1rem; }
              .meta { color: #666; font-size: .85rem; }
              button { cursor: pointer; }
            </style>
            </head>
            <body data-user="{{Encode(view.User)}}">
            <h1>Orchestrator demo store</h1>
            <p class="meta">Shopping as <strong>{{Encode(view.User)}}</strong> (change with <code>?user=name</code>).
            Products served by catalog replica <strong>{{Encode(view.CatalogServedBy ?? "unknown")}}</strong>.</p>

            """);
        foreach (var problem in view.Problems)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="problem">{Encode(problem)}</div>""").Append('\n');
        }

        html.Append("<h2>Products</h2>\n<table><tr><th>Name</th><th>Description</th><th class=\"num\">Price</th><th></th></tr>\n");
        foreach (var product in view.Products)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Encode(product.Name)}</td><td>{Encode(product.Description)}</td><td class="num">{Money(product.Price)}</td>
                <td><button onclick="addToBasket({product.Id})">Add to basket</button></td></tr>
                """).Append('\n');
        }

        html.Append("</table>\n<h2>Basket</h2>\n");
        if (view.Basket is null)
        {
            html.Append("<p>The basket is unavailable right now.</p>\n");
        }
        else if (view.Basket.Lines.Count == 0)
        {
            html.Append("<p>Your basket is empty.</p>\n");
        }
        else
        {
            html.Append("<table><tr><th>Product</th><th class=\"num\">Quantity</th><th class=\"num\">Line total</th></tr>\n");
            foreach (var line in view.Basket.Lines)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td>{Encode(line.Name)}</td><td class="num">{line.Quantity}</td><td class="num">{(line.LineTotal is { } total ? Money(total) : "?")}</td></tr>
                    """).Append('\n');
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><th>Total</th><th></th><th class="num">{Money(view.Basket.Total)}</th></tr></table>
                <button onclick="placeOrder()">Place order</button>
                """).Append('\n');
        }

        html.Append("""
            <p id="status" class="meta"></p>
            <script>
            const user = document.body.dataset.user;
            const status = text => document.getElementById('status').textContent = text;
            async function post(url, body) {
              const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
              const json = await response.json().catch(() => ({}));
              if (!response.ok) throw new Error(json.detail || json.title || response.statusText);
              return json;
            }
            async function addToBasket(productId) {
              try { await post('/api/basket/' + encodeURIComponent(user) + '/items', { productId, quantity: 1 }); location.reload(); }
              catch (e) { status('Could not add to the basket: ' + e.message); }
            }
            async function placeOrder() {
              try { const order = await post('/api/orders', { user }); status('Order ' + order.id + ' placed; the worker will process it.'); setTimeout(() => location.reload(), 1500); }
              catch (e) { status('Could not place the order: ' + e.message); }
            }
            </script>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
