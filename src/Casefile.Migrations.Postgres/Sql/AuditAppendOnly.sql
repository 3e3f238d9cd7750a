-- Audit events are append-only: no delete, and no update except redacting a reason to NULL (ADR 0008).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Audit events are append-only';
    END IF;
    IF NEW."Reason" IS NULL AND (to_jsonb(NEW) - 'Reason') = (to_jsonb(OLD) - 'Reason') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Audit events are append-only';
END $$;

CREATE TRIGGER "AuditEvents_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEvents"
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
