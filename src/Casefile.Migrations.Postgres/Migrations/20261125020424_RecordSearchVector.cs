using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Word search over case records (ADR 0011), second form: the text-search vector is kept in a
    /// stored generated column, "SearchVector", with the GIN index on it. With the vector only in
    /// an expression index, a search within a worker's caseload (found through the case files'
    /// index) made PostgreSQL compute to_tsvector over every one of those records' narratives on
    /// each search, ten times slower than the service-wide search (docs/performance.md). Stored,
    /// the vector is computed once per write. Not in EF's model: only the search's raw SQL reads it.
    /// </summary>
    public partial class RecordSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseRecords_Search";""");
            migrationBuilder.Sql("""
                ALTER TABLE "CaseRecords" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('english'::regconfig, coalesce("Purpose", '') || ' ' || coalesce("Outcome", '') || ' ' || coalesce("Narrative", '') || ' ' || coalesce("ChildViews", '') || ' ' || coalesce("FamilyViews", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_CaseRecords_Search" ON "CaseRecords" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseRecords_Search";""");
            migrationBuilder.Sql("""ALTER TABLE "CaseRecords" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_CaseRecords_Search" ON "CaseRecords" USING GIN (
                    to_tsvector('english'::regconfig, coalesce("Purpose", '') || ' ' || coalesce("Outcome", '') || ' ' || coalesce("Narrative", '') || ' ' || coalesce("ChildViews", '') || ' ' || coalesce("FamilyViews", '')));
                """);
        }
    }
}
