-- ShedLock's locks (see ScheduledWorkConfiguration): one row per piece of work that must run on one instance at a
-- time, such as the evidence sweep. An instance runs the work only when it could set lock_until into the future;
-- the times are the database server's (ShedLock's usingDbTime), so the instances' own clocks never matter.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
