-- The data revision that every instance reads when several share the database (see DataRevision): one row, moved
-- by every transaction that wrote, in that same transaction, so that it is never seen moved before the write is.
create table data_revision (
    id       boolean primary key default true check (id),
    revision bigint  not null
);

insert into data_revision (id, revision) values (true, 0);
