-- A percent value was rounded to two decimals before its criterion's rule read it, so 101/115 of a 50-point
-- proportional criterion kept 43.92 points instead of 43.91, and 99.995% met a target of 100%. The entity now reads
-- the unrounded percent (EntryValue.Percent.measure); this scores the percent entries already stored the same way,
-- by the rules of ScoringRule, and sums their assessments again as ProgressLedger does. The day-by-day history keeps
-- what was shown on its days.

create temporary table rescored on commit drop as
select e.id, e.assessment_id, r.met, r.points
from criterion_entry e
join criterion c on c.id = e.criterion_id
cross join lateral (select e.value_numerator * 100.0 / e.value_denominator as measure) m
cross join lateral (select case when c.comparison = 'AT_LEAST' then m.measure >= c.target_value
                                else m.measure <= c.target_value end as met) t
cross join lateral (
    select t.met,
           round(case
                     when c.scoring_method = 'ALL_OR_NOTHING' then case when t.met then c.weight else 0 end
                     when c.scoring_method = 'PROPORTIONAL' then
                         case when t.met then c.weight
                              when c.comparison = 'AT_LEAST' then c.weight * m.measure / c.target_value
                              else c.weight * c.target_value / m.measure end
                     else coalesce((select s.points from criterion_score_step s
                                    where s.criterion_id = c.id and s.lower_bound <= m.measure
                                      and (s.upper_bound is null or m.measure < s.upper_bound)
                                    order by s.lower_bound limit 1), 0)
                 end, 2) as points) r
where e.value_denominator is not null
  and (e.met is distinct from r.met or e.points <> r.points);

update criterion_entry e set met = r.met, points = r.points from rescored r where r.id = e.id;

update assessment_progress p
set verified_weight  = w.verified,
    claimed_weight   = w.claimed,
    verified_percent = case when w.applicable > 0 then round(w.verified * 100 / w.applicable, 1) end,
    claimed_percent  = case when w.applicable > 0 then round(w.claimed * 100 / w.applicable, 1) end
from (select e.assessment_id,
             coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
             coalesce(sum(e.points) filter (where e.status = 'APPROVED'), 0) as verified,
             coalesce(sum(e.points) filter (where e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
      from criterion_entry e join criterion c on c.id = e.criterion_id
      where e.assessment_id in (select assessment_id from rescored)
      group by e.assessment_id) w
where p.assessment_id = w.assessment_id;

update assessment_group_progress gp
set verified_weight  = w.verified,
    claimed_weight   = w.claimed,
    verified_percent = case when w.applicable > 0 then round(w.verified * 100 / w.applicable, 1) end,
    claimed_percent  = case when w.applicable > 0 then round(w.claimed * 100 / w.applicable, 1) end
from (select e.assessment_id, g.code as group_code,
             coalesce(sum(c.weight) filter (where e.status <> 'NOT_APPLICABLE'), 0) as applicable,
             coalesce(sum(e.points) filter (where e.status = 'APPROVED'), 0) as verified,
             coalesce(sum(e.points) filter (where e.status in ('APPROVED', 'SUBMITTED')), 0) as claimed
      from criterion_entry e join criterion c on c.id = e.criterion_id join criterion_group g on g.id = c.group_id
      where e.assessment_id in (select assessment_id from rescored)
      group by e.assessment_id, g.code) w
where gp.assessment_id = w.assessment_id and gp.group_code = w.group_code;

-- Pages kept by browsers under the old revision must not be answered 304.
update data_revision set revision = revision + 1 where exists (select 1 from rescored);
