DROP TRIGGER IF EXISTS "CaseRecords_SearchInsert";
DROP TRIGGER IF EXISTS "CaseRecords_SearchDelete";
DROP TRIGGER IF EXISTS "CaseRecords_SearchUpdate";
DROP TABLE IF EXISTS "CaseRecordSearch";
