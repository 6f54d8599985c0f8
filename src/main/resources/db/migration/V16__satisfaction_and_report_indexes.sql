-- Customer satisfaction: at most one score per ticket (the primary key makes a second one fail on any node).
create table tf_satisfaction (
  ticket_id  varchar(32)   primary key references tf_ticket (id),
  score      integer       not null,
  comment    varchar(4000),
  given_by   varchar(255)  not null,
  given_at   timestamp with time zone not null
);

-- One-time links of closing mails: only the SHA-256 of the token is kept; used_at is set when it is used.
create table tf_satisfaction_link (
  token_hash varchar(64)   primary key,
  ticket_id  varchar(32)   not null references tf_ticket (id),
  expires_at timestamp with time zone not null,
  used_at    timestamp with time zone
);
create index tf_satisfaction_link_ticket_idx on tf_satisfaction_link (ticket_id);

-- The SLA report's windows: tickets created, tickets closed and breaches per day, each a range over one index. The
-- indexes hold every column the report's grouped queries read, so a window of 100,000 tickets is read from narrow
-- index pages rather than from the whole rows (BENCHMARKS.md, "SLA report").
create index tf_ticket_created_idx on tf_ticket (created_at, id, queue, priority);
create index tf_ticket_closed_idx on tf_ticket (closed_at);
create index tf_sla_clock_report_idx on tf_sla_clock (ticket_id, commitment, state, due_at, met_at);
create index tf_sla_event_report_idx on tf_sla_event (ticket_id, commitment, event);
create index tf_sla_event_breached_idx on tf_sla_event (event, at_time, ticket_id);
