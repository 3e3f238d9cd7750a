DROP TRIGGER IF EXISTS "AuditEvents_AppendOnly" ON "AuditEvents";
DROP FUNCTION IF EXISTS audit_events_append_only();
