namespace Casefile.Domain.Calendar;

/// <summary>
/// One bank holiday in England and Wales. <see cref="IsSubstituteDay"/> marks a weekday given
/// in place of a holiday that fell at a weekend (gov.uk notes these as "Substitute day"); the
/// <see cref="Title"/> is still that of the holiday it stands for, as gov.uk writes it.
/// </summary>
public sealed record BankHoliday(DateOnly Date, string Title, bool IsSubstituteDay = false);
