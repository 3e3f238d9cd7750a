using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casefile.Data.Settings;

/// <summary>
/// A bank holiday an administrator imported from a gov.uk <c>bank-holidays.json</c> file. An import
/// replaces the shipped (or computed) days of every year it covers (issue 4).
/// </summary>
public sealed class ImportedBankHoliday
{
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public bool IsSubstituteDay { get; set; }
    public Guid ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>
/// A setting the council changes in Casefile itself (for example the plain-language list), with
/// who changed it and when. Every change is also in the audit trail.
/// </summary>
public sealed class CouncilSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class CouncilSettingKeys
{
    public const string PlainLanguageList = "plain-language-list";

    /// <summary>The council's closure letter to parents or carers (policy 6.4, Appendix 2).</summary>
    public const string ClosureLetterParents = "closure-letter-parents";

    /// <summary>The council's closure letter to professionals (policy 6.4, Appendix 2).</summary>
    public const string ClosureLetterProfessionals = "closure-letter-professionals";
}

internal sealed class ImportedBankHolidayConfiguration : IEntityTypeConfiguration<ImportedBankHoliday>
{
    public void Configure(EntityTypeBuilder<ImportedBankHoliday> builder)
    {
        builder.ToTable("ImportedBankHolidays");
        builder.HasKey(x => x.Date);
        builder.Property(x => x.Title).HasMaxLength(200);
    }
}

internal sealed class CouncilSettingConfiguration : IEntityTypeConfiguration<CouncilSetting>
{
    public void Configure(EntityTypeBuilder<CouncilSetting> builder)
    {
        builder.ToTable("CouncilSettings");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(100);
        builder.Property(x => x.Value).HasMaxLength(200_000);
    }
}
