using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Word search over case records (ADR 0011): a GIN index on the 'english' text-search vector of
    /// the record's text columns. The expression must stay exactly as <c>SearchRecords.PostgresDocument</c>
    /// writes it, or the planner cannot use the index. Not in EF's model, so the model is unchanged.
    /// </summary>
    public partial class RecordSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_CaseRecords_Search" ON "CaseRecords" USING GIN (
                    to_tsvector('english'::regconfig, coalesce("Purpose", '') || ' ' || coalesce("Outcome", '') || ' ' || coalesce("Narrative", '') || ' ' || coalesce("ChildViews", '') || ' ' || coalesce("FamilyViews", '')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseRecords_Search";""");
        }
    }
}
