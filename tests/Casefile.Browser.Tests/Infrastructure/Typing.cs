using Microsoft.Playwright;

namespace Casefile.Browser.Tests.Infrastructure;

/// <summary>What a person at a keyboard does: slips of the finger, and moving focus with Tab.</summary>
public static class Typing
{
    /// <summary>
    /// The name with two neighbouring letters swapped near its middle ("Delaney" becomes "Delnaey"):
    /// the commonest typing slip. The first three letters are left alone where the name is long
    /// enough, so the slip is in the part of the name a search has to forgive.
    /// </summary>
    public static string SwapMiddleLetters(string name)
    {
        var letters = name.ToCharArray();
        var from = Math.Max(3, letters.Length / 2 - 1);
        var candidates = Enumerable.Range(from, Math.Max(0, letters.Length - 1 - from)).Concat(Enumerable.Range(1, Math.Max(0, from - 1)));
        foreach (var i in candidates)
        {
            if (i + 1 >= letters.Length || !char.IsLetter(letters[i]) || !char.IsLetter(letters[i + 1])
                || char.ToLowerInvariant(letters[i]) == char.ToLowerInvariant(letters[i + 1]))
            {
                continue;
            }
            (letters[i], letters[i + 1]) = (letters[i + 1], letters[i]);
            return new string(letters);
        }
        throw new ArgumentException($"'{name}' has no two different neighbouring letters to swap.", nameof(name));
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has focus, as a keyboard user would, and fails
    /// if it is not reached within <paramref name="maxPresses"/> (it is not focusable, or the
    /// focus order skips it).
    /// </summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 15)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var press = 1; press <= maxPresses; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement")) return;
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{maxPresses} presses of Tab did not reach {target}; focus is on {focused}");
    }
}
