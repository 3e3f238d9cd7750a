-- Audit events are append-only: no delete, and no update except redacting a reason to NULL (ADR 0008).
CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
BEGIN SELECT RAISE(ABORT, 'Audit events are append-only'); END;

CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
WHEN NOT (NEW."Reason" IS NULL AND NEW."Id" = OLD."Id" AND NEW."OccurredAt" = OLD."OccurredAt"
    AND NEW."Hash" = OLD."Hash" AND NEW."PreviousHash" = OLD."PreviousHash" AND NEW."UserName" = OLD."UserName"
    AND NEW."Action" = OLD."Action" AND NEW."RecordType" = OLD."RecordType" AND NEW."Outcome" = OLD."Outcome"
    AND NEW."Channel" = OLD."Channel" AND NEW."ReasonHash" IS OLD."ReasonHash" AND NEW."RecordId" IS OLD."RecordId"
    AND NEW."UserId" IS OLD."UserId" AND NEW."CaseFileId" IS OLD."CaseFileId" AND NEW."PersonId" IS OLD."PersonId")
BEGIN SELECT RAISE(ABORT, 'Audit events are append-only'); END;
