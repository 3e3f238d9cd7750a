-- Word search over case records (ADR 0011): the 'english' text-search vector of the record's text
-- columns is kept in a stored generated column, "SearchVector", with a GIN index on it. With the
-- vector only in an expression index, a search within a worker's caseload made PostgreSQL compute
-- to_tsvector over every one of those records' narratives on each search, ten times slower than the
-- service-wide search (docs/performance.md); stored, it is computed once per write. Not in EF's
-- model: only the search's raw SQL reads it, by the name in SearchRecords.PostgresDocument, and it
-- must be built with the same 'english' configuration as the search's plainto_tsquery.
ALTER TABLE "CaseRecords" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, coalesce("Purpose", '') || ' ' || coalesce("Outcome", '') || ' ' || coalesce("Narrative", '') || ' ' || coalesce("ChildViews", '') || ' ' || coalesce("FamilyViews", ''))) STORED;

CREATE INDEX "IX_CaseRecords_Search" ON "CaseRecords" USING GIN ("SearchVector");
