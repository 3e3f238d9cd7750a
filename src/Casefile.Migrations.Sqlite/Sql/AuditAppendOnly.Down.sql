DROP TRIGGER IF EXISTS "AuditEvents_NoDelete";
DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate";
