using System.ComponentModel.DataAnnotations;
using Casefile.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Casefile.Web.Features.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : CasefilePageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your username")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        if (user is { IsActive: false }) user = null;
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        ModelState.AddModelError("Input.UserName", result.IsLockedOut
            ? "Your account is locked after too many attempts. Try again in 15 minutes, or ask your system administrator to unlock it"
            : "Enter a correct username and password");
        Input.Password = null;
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
