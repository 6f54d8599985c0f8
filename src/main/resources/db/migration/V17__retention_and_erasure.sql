-- Retention and erasure: when a ticket's personal data was replaced (its ids, dates, channel, priority, queue and SLA
-- outcomes stay for reports). A ticket anonymised is never anonymised again, and an erasure finds nothing left of it.
alter table tf_ticket add column anonymised_at timestamp with time zone;

-- Nightly work that one node of a cluster does: a node runs a job only when it moves the job's row on from a run
-- long enough ago (one atomic update), so two nodes woken at the same second do not both run it.
create table tf_scheduled_run (
  name            varchar(64)  primary key,
  last_started_at timestamp with time zone,
  started_by      varchar(255)
);
insert into tf_scheduled_run (name) values ('retention');
