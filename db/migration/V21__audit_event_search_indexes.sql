-- The audit page lists events newest first, 50 a page, and its CSV reads them 500 at a time after the last one read
-- (occurred_at, id). Over a trail of 100,000 events these two indexes let both stop at what they show instead of
-- sorting the trail: the whole trail by time, and one person's events by time. The first replaces the index on
-- occurred_at alone.
create index audit_event_time_id_idx on audit_event (occurred_at, id);
create index audit_event_actor_time_idx on audit_event (lower(actor), occurred_at, id);
drop index audit_event_time_idx;
