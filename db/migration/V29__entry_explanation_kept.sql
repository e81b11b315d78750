-- The explanation a commune gave with its value, kept while it asks for "not applicable" (whose reason takes the
-- explanation's place): a reviewer who refuses the request, or reopens an entry accepted as not applicable, gives the
-- entry back with its value and this explanation, not the request's reason in its place. Null otherwise.
alter table criterion_entry add column value_explanation text;
