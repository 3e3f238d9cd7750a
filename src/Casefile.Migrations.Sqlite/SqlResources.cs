using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Casefile.Migrations.Sqlite;

/// <summary>
/// Hand-written SQL that EF's model cannot express (triggers, text-search indexes), kept in
/// <c>Sql/&lt;Name&gt;.sql</c> as embedded resources so that it survives squashing the generated
/// migrations (ADR 0023). A migration runs a file with <c>migrationBuilder.SqlResource("Name")</c>.
/// </summary>
public static class SqlResources
{
    public static OperationBuilder<SqlOperation> SqlResource(this MigrationBuilder migrationBuilder, string name)
        => migrationBuilder.Sql(Read(name));

    public static string Read(string name)
    {
        var assembly = typeof(SqlResources).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Sql.{name}.sql")
            ?? throw new InvalidOperationException($"There is no SQL resource Sql/{name}.sql in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
