using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Casefile.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Word search over case records (ADR 0011): an external-content FTS5 index of the record's text
    /// columns, kept in step by triggers. Nothing here is in EF's model, so the model is unchanged.
    /// A later migration that rebuilds "CaseRecords" drops these triggers and may renumber its rowids:
    /// it must create them again and end with the 'rebuild' below.
    /// </summary>
    public partial class RecordSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Porter stemming over unicode61, so "visits" finds "visited" as PostgreSQL's 'english' does.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CaseRecordSearch" USING fts5(
                    "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews",
                    content='CaseRecords', tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseRecords_SearchInsert" AFTER INSERT ON "CaseRecords" BEGIN
                    INSERT INTO "CaseRecordSearch"(rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
                    VALUES (new.rowid, new."Purpose", new."Outcome", new."Narrative", new."ChildViews", new."FamilyViews");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseRecords_SearchDelete" AFTER DELETE ON "CaseRecords" BEGIN
                    INSERT INTO "CaseRecordSearch"("CaseRecordSearch", rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
                    VALUES ('delete', old.rowid, old."Purpose", old."Outcome", old."Narrative", old."ChildViews", old."FamilyViews");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseRecords_SearchUpdate" AFTER UPDATE OF "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews" ON "CaseRecords" BEGIN
                    INSERT INTO "CaseRecordSearch"("CaseRecordSearch", rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
                    VALUES ('delete', old.rowid, old."Purpose", old."Outcome", old."Narrative", old."ChildViews", old."FamilyViews");
                    INSERT INTO "CaseRecordSearch"(rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
                    VALUES (new.rowid, new."Purpose", new."Outcome", new."Narrative", new."ChildViews", new."FamilyViews");
                END;
                """);
            // Index the records already there.
            migrationBuilder.Sql("""INSERT INTO "CaseRecordSearch"("CaseRecordSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseRecords_SearchInsert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseRecords_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseRecords_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CaseRecordSearch";""");
        }
    }
}
