-- A draft's criterion is edited in a form that says which version of it was opened, so that of two administrators
-- editing it at once the second is refused instead of silently undoing the first (as entries, periods, plans and
-- accounts already are).
alter table criterion add column row_version bigint not null default 0;
