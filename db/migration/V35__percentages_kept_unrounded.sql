-- A commune's percentage was kept rounded to one decimal, so 399.95 points of 1,000 (39.995%) counted as reaching a
-- 40% threshold or plan target, while its class, by points, said it had not; and averages, medians and trends added up
-- figures rounded already. The percentages are now kept with ten decimals (Completion.keptPercent) and rounded once,
-- when shown. This widens the columns and sums the summaries again from their points. The history keeps its earlier
-- days as they were shown; each assessment's last row takes the kept figure, and its change the difference, so that
-- the changes still add up to the figure of today.

alter table assessment_progress
    alter column verified_percent type numeric(13, 10),
    alter column claimed_percent type numeric(13, 10);
alter table assessment_group_progress
    alter column verified_percent type numeric(13, 10),
    alter column claimed_percent type numeric(13, 10);
alter table assessment_progress_history
    alter column verified_percent type numeric(13, 10),
    alter column claimed_percent type numeric(13, 10),
    alter column verified_change type numeric(14, 10),
    alter column claimed_change type numeric(14, 10);

update assessment_progress set
    verified_percent = case when applicable_weight > 0 then round(verified_weight * 100 / applicable_weight, 10) end,
    claimed_percent = case when applicable_weight > 0 then round(claimed_weight * 100 / applicable_weight, 10) end;

update assessment_group_progress set
    verified_percent = case when applicable_weight > 0 then round(verified_weight * 100 / applicable_weight, 10) end,
    claimed_percent = case when applicable_weight > 0 then round(claimed_weight * 100 / applicable_weight, 10) end;

update assessment_progress_history h set
    verified_change = h.verified_change + coalesce(p.verified_percent, 0) - coalesce(h.verified_percent, 0),
    claimed_change = h.claimed_change + coalesce(p.claimed_percent, 0) - coalesce(h.claimed_percent, 0),
    verified_percent = p.verified_percent,
    claimed_percent = p.claimed_percent
from assessment_progress p
where p.assessment_id = h.assessment_id
  and h.day = (select max(l.day) from assessment_progress_history l where l.assessment_id = h.assessment_id);

-- Pages kept by browsers under the old revision must not be answered 304: their figures were of the rounded ones.
update data_revision set revision = revision + 1;
