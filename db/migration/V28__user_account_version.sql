-- A version for each account, so that an edit form opened before another change (a disable, a new role) is refused
-- rather than saved over it: the form posted the whole account, and re-enabled an account disabled meanwhile.
alter table user_account add column row_version bigint not null default 0;
