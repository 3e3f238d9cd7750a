-- Word search over case records (ADR 0011): an external-content FTS5 index of the record's text
-- columns, kept in step by triggers. Nothing here is in EF's model. A later migration that makes EF
-- rebuild "CaseRecords" (SQLite cannot alter most columns in place) drops these triggers and may
-- renumber its rowids: it must run RecordSearch.Down and then this file again, which ends with the
-- 'rebuild' below.

-- Porter stemming over unicode61, so "visits" finds "visited" as PostgreSQL's 'english' does.
CREATE VIRTUAL TABLE "CaseRecordSearch" USING fts5(
    "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews",
    content='CaseRecords', tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "CaseRecords_SearchInsert" AFTER INSERT ON "CaseRecords" BEGIN
    INSERT INTO "CaseRecordSearch"(rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
    VALUES (new.rowid, new."Purpose", new."Outcome", new."Narrative", new."ChildViews", new."FamilyViews");
END;

CREATE TRIGGER "CaseRecords_SearchDelete" AFTER DELETE ON "CaseRecords" BEGIN
    INSERT INTO "CaseRecordSearch"("CaseRecordSearch", rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
    VALUES ('delete', old.rowid, old."Purpose", old."Outcome", old."Narrative", old."ChildViews", old."FamilyViews");
END;

CREATE TRIGGER "CaseRecords_SearchUpdate" AFTER UPDATE OF "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews" ON "CaseRecords" BEGIN
    INSERT INTO "CaseRecordSearch"("CaseRecordSearch", rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
    VALUES ('delete', old.rowid, old."Purpose", old."Outcome", old."Narrative", old."ChildViews", old."FamilyViews");
    INSERT INTO "CaseRecordSearch"(rowid, "Purpose", "Outcome", "Narrative", "ChildViews", "FamilyViews")
    VALUES (new.rowid, new."Purpose", new."Outcome", new."Narrative", new."ChildViews", new."FamilyViews");
END;

-- Index the records already there (none in a new database; needed when this file is run again).
INSERT INTO "CaseRecordSearch"("CaseRecordSearch") VALUES ('rebuild');
