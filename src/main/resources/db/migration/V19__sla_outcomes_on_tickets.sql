-- The SLA report reads, for every ticket of its window, the outcome of its first response and resolution, its update
-- periods and its score. Kept beside the ticket (written in the same transaction as the clock, event or score they
-- copy: ticketflow.sla.SlaOutcomes, ticketflow.satisfaction.Satisfactions), so that each of the report's figures is
-- one range over tf_ticket_report_idx instead of a join per ticket with tf_sla_clock, tf_sla_event and tf_satisfaction
-- (BENCHMARKS.md, "SLA report"). tf_sla_clock and tf_sla_event stay the record; these columns are a copy, as plain
-- numbers so that the report only adds them up: per commitment (fr: first response, res: resolution) 1 when decided
-- (MET or BREACHED), 1 when met by its due time, and the whole seconds from creation to metAt of a met clock.
alter table tf_ticket add column fr_decided integer default 0 not null;
alter table tf_ticket add column fr_in_time integer default 0 not null;
alter table tf_ticket add column fr_seconds bigint;
alter table tf_ticket add column res_decided integer default 0 not null;
alter table tf_ticket add column res_in_time integer default 0 not null;
alter table tf_ticket add column res_seconds bigint;
alter table tf_ticket add column updates_met integer default 0 not null;
alter table tf_ticket add column updates_missed integer default 0 not null;
alter table tf_ticket add column satisfaction_score integer;

-- The tickets there are: their clocks, update events and scores copied once.
update tf_ticket set
  fr_decided = (select count(*) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE' and c.state in ('MET', 'BREACHED')),
  fr_in_time = (select count(*) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE' and c.state = 'MET' and c.met_at <= c.due_at),
  fr_seconds = (select floor(extract(epoch from c.met_at) - extract(epoch from tf_ticket.created_at)) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE' and c.state = 'MET' and c.met_at is not null),
  res_decided = (select count(*) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION' and c.state in ('MET', 'BREACHED')),
  res_in_time = (select count(*) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION' and c.state = 'MET' and c.met_at <= c.due_at),
  res_seconds = (select floor(extract(epoch from c.met_at) - extract(epoch from tf_ticket.created_at)) from tf_sla_clock c
    where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION' and c.state = 'MET' and c.met_at is not null),
  updates_met = (select count(*) from tf_sla_event e
    where e.ticket_id = tf_ticket.id and e.commitment = 'UPDATE' and e.event = 'MET'),
  updates_missed = (select count(*) from tf_sla_event e
    where e.ticket_id = tf_ticket.id and e.commitment = 'UPDATE' and e.event = 'BREACHED'),
  satisfaction_score = (select s.score from tf_satisfaction s where s.ticket_id = tf_ticket.id);

-- Every column the windowed figures read, in one index: a window of 100,000 tickets is one range of narrow pages.
create index tf_ticket_report_idx on tf_ticket (created_at, queue, priority, fr_decided, fr_in_time, fr_seconds, res_decided,
  res_in_time, res_seconds, updates_met, updates_missed, satisfaction_score);
-- The "now" figures start from the open tickets (a few thousand) rather than from all of them, and read them here.
create index tf_ticket_open_idx on tf_ticket (status, queue, priority);
