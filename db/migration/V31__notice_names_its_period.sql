-- A notice about an entry names the entry's period: since the 2025 reform the same criterion of a commune of the same
-- name can be returned in an old period reopened and in the new one, and the two notices read alike. The notices
-- already sent are given it too, from the period they are about.
update notification n
set parameters = (n.parameters::jsonb || jsonb_build_object('period', p.name))::text
from period p
where p.id = n.period_id
  and n.kind in ('ENTRY_RETURNED', 'ENTRY_REOPENED', 'COMMENT_POSTED', 'EVIDENCE_EXPIRING')
  and not (n.parameters::jsonb ? 'period');
