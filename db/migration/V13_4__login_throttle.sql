-- Login throttle (issue 14): wrong passwords are counted per client address as well as per username, a wrong current
-- password at a password change counts too, and an operator can release a throttled username or address.
-- (Numbered 13_4 so as not to collide with migrations written for issue 14 at the same time.)

alter table login_attempt drop constraint login_attempt_outcome_check;
alter table login_attempt add constraint login_attempt_outcome_check
    check (outcome in ('SUCCESS', 'FAILURE', 'LOCKOUT', 'LOCKED', 'WRONG_CURRENT', 'RELEASE'));
comment on column login_attempt.outcome is
    'SUCCESS; FAILURE; LOCKOUT: a wrong password after which its sender must wait; LOCKED: refused while locked '
    '(before V13_4 only); WRONG_CURRENT: a wrong current password at a password change; RELEASE: written by an '
    'operator, wrong passwords before it no longer count for its username, nor for its client address if it names one';

-- The throttle reads the wrong passwords of one client address, for every username, at every login.
create index login_attempt_client_ip_time on login_attempt (client_ip, attempted_at);
