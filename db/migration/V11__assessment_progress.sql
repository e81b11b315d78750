-- Completion as summary rows, kept in the same transaction as every workflow move, so that dashboards at national
-- scale read one row per commune instead of 27 entries, and are never stale.

-- Whether the entry's value meets its criterion's target. The entity sets it whenever the value changes, so that SQL
-- can add up completion without repeating the comparison.
alter table criterion_entry add column met boolean not null default false;

update criterion_entry e
set met = case when m.comparison = 'AT_LEAST' then m.measure >= m.target_value else m.measure <= m.target_value end
from (select v.id, c.comparison, c.target_value,
             case
                 when v.value_denominator is not null then round(v.value_numerator * 100.0 / v.value_denominator, 2)
                 when v.value_count is not null then v.value_count
                 when v.value_level is not null then v.value_level
                 when v.value_yes_no is not null then case when v.value_yes_no then 1 else 0 end
             end as measure
      from criterion_entry v join criterion c on c.id = v.criterion_id) m
where m.id = e.id and m.measure is not null;

-- Per assessment: the weights that completion divides (applicable) and adds up (verified, claimed), and the
-- percentages, one decimal, rounded half up as Completion rounds them; null when nothing is applicable.
create table assessment_progress (
    assessment_id     bigint primary key references assessment (id) on delete cascade,
    unit_id           bigint                   not null references administrative_unit (id),
    period_id         bigint                   not null references period (id),
    applicable_weight numeric(9, 2)            not null,
    verified_weight   numeric(9, 2)            not null,
    claimed_weight    numeric(9, 2)            not null,
    verified_percent  numeric(4, 1),
    claimed_percent   numeric(4, 1),
    updated_at        timestamp with time zone not null
);
create index assessment_progress_period_idx on assessment_progress (period_id, unit_id)
    include (verified_percent, claimed_percent);

create table assessment_group_progress (
    assessment_id    bigint      not null references assessment_progress (assessment_id) on delete cascade,
    group_code       varchar(32) not null,
    verified_percent numeric(4, 1),
    claimed_percent  numeric(4, 1),
    primary key (assessment_id, group_code)
);

-- How completion moved: one row per assessment and day it changed, with the percentages at the end of that day and
-- the change that day. Summing the changes up to a date gives every commune's figure on that date in one pass,
-- which is what trends, forecasts and "was the target met on the deadline" need.
create table assessment_progress_history (
    assessment_id  bigint        not null references assessment (id) on delete cascade,
    day            date          not null,
    verified_percent numeric(4, 1),
    claimed_percent  numeric(4, 1),
    verified_change  numeric(5, 1) not null,
    claimed_change   numeric(5, 1) not null,
    primary key (assessment_id, day)
);
create index assessment_progress_history_day_idx on assessment_progress_history (day);

-- The assessments that exist already: their summary now, and one history row on the day of their latest change.
insert into assessment_progress (assessment_id, unit_id, period_id, applicable_weight, verified_weight,
    claimed_weight, verified_percent, claimed_percent, updated_at)
select a.id, a.unit_id, a.period_id, w.applicable, w.verified, w.claimed,
       case when w.applicable > 0 then round(w.verified * 100 / w.applicable, 1) end,
       case when w.applicable > 0 then round(w.claimed * 100 / w.applicable, 1) end,
       coalesce(w.changed, a.created_at)
from assessment a cross join lateral (
    select coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
           coalesce(sum(c.weight) filter (where e.met and e.status = 'APPROVED'), 0) as verified,
           coalesce(sum(c.weight) filter (where e.met and e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed,
           max(e.last_changed_at) as changed
    from criterion_entry e join criterion c on c.id = e.criterion_id where e.assessment_id = a.id) w;

insert into assessment_group_progress (assessment_id, group_code, verified_percent, claimed_percent)
select w.assessment_id, w.group_code,
       case when w.applicable > 0 then round(w.verified * 100 / w.applicable, 1) end,
       case when w.applicable > 0 then round(w.claimed * 100 / w.applicable, 1) end
from (select e.assessment_id, g.code as group_code,
             coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
             coalesce(sum(c.weight) filter (where e.met and e.status = 'APPROVED'), 0) as verified,
             coalesce(sum(c.weight) filter (where e.met and e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
      from criterion_entry e join criterion c on c.id = e.criterion_id join criterion_group g on g.id = c.group_id
      group by e.assessment_id, g.code) w;

insert into assessment_progress_history (assessment_id, day, verified_percent, claimed_percent, verified_change,
    claimed_change)
select assessment_id, (updated_at at time zone 'Asia/Ho_Chi_Minh')::date, verified_percent, claimed_percent,
       coalesce(verified_percent, 0), coalesce(claimed_percent, 0)
from assessment_progress
where coalesce(verified_percent, 0) > 0 or coalesce(claimed_percent, 0) > 0;
