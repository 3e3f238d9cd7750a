DROP INDEX IF EXISTS "IX_CaseRecords_Search";
ALTER TABLE "CaseRecords" DROP COLUMN IF EXISTS "SearchVector";
