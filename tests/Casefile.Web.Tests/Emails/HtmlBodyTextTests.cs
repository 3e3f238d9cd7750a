using Casefile.Web.Features.Emails;

namespace Casefile.Web.Tests.Emails;

public sealed class HtmlBodyTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<div>One</div><div><br></div><div>Two</div>", "One\n\nTwo")]
    [InlineData("<div>One</div><div>Two</div>", "One\nTwo")]
    [InlineData("One<br>Two<br/>Three", "One\nTwo\nThree")]
    [InlineData("<ul><li>A</li><li>B</li></ul><p>C</p>", "A\nB\n\nC")]
    [InlineData("<table><tr><td>Name</td><td>Amy</td></tr><tr><td>Age</td><td>7</td></tr></table>", "Name Amy\nAge 7")]
    [InlineData("Fish &amp; chips &pound;5 &#8211; &quot;ok&quot; &lt;b&gt;", "Fish & chips £5 – \"ok\" <b>")]
    [InlineData("<p>Spaced\r\n   out    text</p>", "Spaced out text")]
    [InlineData("<head><title>T</title><style>p{}</style></head><body><script>x()</script>Body</body>", "Body")]
    [InlineData("<a href=\"https://example.org\">the link</a> text", "the link text")]
    [InlineData("<pre>line 1\nline 2</pre>", "line 1\nline 2")]
    [InlineData("", "")]
    public void From_WhenHtml_GivesReadableTextWithParagraphs(string html, string text) =>
        HtmlBodyText.From(html).ShouldBe(text);
}
