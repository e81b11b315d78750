-- The entry page lists its evidence files' events, and a resubmission the files added and removed since the
-- review: both find the EVIDENCE rows by the entry they refer to, a field of the JSON record. Without this index
-- each page read every evidence event there had ever been.
create index audit_event_referring_entry_idx
    on audit_event (entity_type, (coalesce(after_json, before_json) ->> 'entryId'), occurred_at);
