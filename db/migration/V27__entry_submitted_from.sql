-- The system whose value an entry went to its reviewer with (an automatic criterion's suggested value, issue 19),
-- for as long as the entry stays where that submission put it; null for a person's submission and after any other
-- move. The review queue shows it on each such entry. Entries a system submitted before this column are not marked;
-- their history still says so (audit action SUBMIT_FROM_SYSTEM).
alter table criterion_entry add column submitted_from varchar(100);
