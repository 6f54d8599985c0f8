-- The SLA report reads, for every ticket of its window, the outcome of its first response and resolution, its update
-- periods and its score. Kept beside the ticket (written in the same transaction as the clock, event or score they
-- copy: ticketflow.sla.SlaOutcomes, ticketflow.satisfaction.Satisfactions), so that each of the report's figures is
-- one range over tf_ticket_report_idx instead of a join per ticket with tf_sla_clock, tf_sla_event and tf_satisfaction
-- (BENCHMARKS.md, "SLA report"). tf_sla_clock and tf_sla_event stay the record; these columns are a copy.
alter table tf_ticket add column fr_state varchar(20);
alter table tf_ticket add column fr_due_at timestamp with time zone;
alter table tf_ticket add column fr_met_at timestamp with time zone;
alter table tf_ticket add column res_state varchar(20);
alter table tf_ticket add column res_due_at timestamp with time zone;
alter table tf_ticket add column res_met_at timestamp with time zone;
alter table tf_ticket add column updates_met integer default 0 not null;
alter table tf_ticket add column updates_missed integer default 0 not null;
alter table tf_ticket add column satisfaction_score integer;

-- The tickets there are: their clocks, update events and scores copied once.
update tf_ticket set
  fr_state = (select c.state from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE'),
  fr_due_at = (select c.due_at from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE'),
  fr_met_at = (select c.met_at from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'FIRST_RESPONSE'),
  res_state = (select c.state from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION'),
  res_due_at = (select c.due_at from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION'),
  res_met_at = (select c.met_at from tf_sla_clock c where c.ticket_id = tf_ticket.id and c.commitment = 'RESOLUTION'),
  updates_met = (select count(*) from tf_sla_event e
    where e.ticket_id = tf_ticket.id and e.commitment = 'UPDATE' and e.event = 'MET'),
  updates_missed = (select count(*) from tf_sla_event e
    where e.ticket_id = tf_ticket.id and e.commitment = 'UPDATE' and e.event = 'BREACHED'),
  satisfaction_score = (select s.score from tf_satisfaction s where s.ticket_id = tf_ticket.id);

-- Every column the windowed figures read, in one index: a window of 100,000 tickets is one range of narrow pages.
create index tf_ticket_report_idx on tf_ticket (created_at, queue, priority, fr_state, fr_due_at, fr_met_at, res_state,
  res_due_at, res_met_at, updates_met, updates_missed, satisfaction_score);
-- The "now" figures start from the open tickets (a few thousand) rather than from all of them, and read them here.
create index tf_ticket_open_idx on tf_ticket (status, queue, priority);
