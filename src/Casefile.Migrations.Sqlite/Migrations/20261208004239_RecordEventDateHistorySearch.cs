using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordEventDateHistorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0023: RecordEventDateHistory rebuilt CaseRecords, which drops its full-text
            // triggers; put them back and rebuild the index (a migration of its own, because SQL in
            // the same migration would run before the rebuild).
            migrationBuilder.SqlResource("RecordSearch.Down");
            migrationBuilder.SqlResource("RecordSearch");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the triggers are the ones Initial made.
        }
    }
}
