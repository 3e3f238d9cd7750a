using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordDocumentLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkedDocuments",
                table: "CaseRecords",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Not DropColumn: EF rebuilds the table for that on SQLite, which would lose the record
            // search triggers (RecordSearch). SQLite drops a column in place since 3.35.
            migrationBuilder.Sql("""ALTER TABLE "CaseRecords" DROP COLUMN "LinkedDocuments";""");
        }
    }
}
