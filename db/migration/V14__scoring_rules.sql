-- Scoring rules: how a criterion's value earns points (ScoringRule in criteria-model is the one definition), kept
-- per entry so that every figure sums points in SQL. The weight of a criterion is its maximum: the most points it
-- earns. Everything that exists is scored all or nothing, with its weight as maximum, which gives exactly the
-- figures it had before.

alter table framework
    add column score_display  varchar(16)   not null default 'PERCENT' check (score_display in ('PERCENT', 'POINTS')),
    add column score_decimals integer       not null default 2 check (score_decimals between 0 and 2),
    -- The total the version announces (e.g. 1,000 points); publishing holds the criteria's maxima to it.
    add column declared_total numeric(9, 2) check (declared_total > 0);

alter table criterion
    add column scoring_method varchar(16) not null default 'ALL_OR_NOTHING'
        check (scoring_method in ('ALL_OR_NOTHING', 'PROPORTIONAL', 'STEPS', 'LEVELS'));

-- The bands of a STEPS or LEVELS rule: lower_bound <= value < upper_bound (no upper end when null).
create table criterion_score_step (
    criterion_id bigint        not null references criterion (id) on delete cascade,
    lower_bound  numeric(9, 2) not null,
    upper_bound  numeric(9, 2),
    points       numeric(9, 2) not null check (points >= 0)
);
create index criterion_score_step_criterion_idx on criterion_score_step (criterion_id);

-- Points of the entry's value by its criterion's rule; set by the entity whenever the value changes.
alter table criterion_entry add column points numeric(9, 2) not null default 0 check (points >= 0);

update criterion_entry e set points = c.weight from criterion c where c.id = e.criterion_id and e.met;

-- Per group as per assessment: the maximum of the applicable criteria and the points verified and claimed, so that
-- a group's score is read as its percentages are. The assessment's own columns keep their names: a weight is a
-- maximum, and the weights counted are points.
alter table assessment_group_progress
    add column applicable_weight numeric(9, 2) not null default 0,
    add column verified_weight   numeric(9, 2) not null default 0,
    add column claimed_weight    numeric(9, 2) not null default 0;

update assessment_group_progress gp
set applicable_weight = w.applicable, verified_weight = w.verified, claimed_weight = w.claimed
from (select e.assessment_id, g.code as group_code,
             coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
             coalesce(sum(e.points) filter (where e.status = 'APPROVED'), 0) as verified,
             coalesce(sum(e.points) filter (where e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
      from criterion_entry e join criterion c on c.id = e.criterion_id join criterion_group g on g.id = c.group_id
      group by e.assessment_id, g.code) w
where gp.assessment_id = w.assessment_id and gp.group_code = w.group_code;
