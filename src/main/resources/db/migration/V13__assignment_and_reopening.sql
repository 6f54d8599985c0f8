-- Automatic assignment: one row per agent queue with its mode and whom it gave a task last. Assigning a task locks
-- the queue's row (select ... for update), so two tasks created at once on a cluster take turns; rows exist for every
-- queue from the start, so that lock always has a row to hold.
create table tf_queue_assignment (
  queue         varchar(64)  primary key,
  mode          varchar(20)  not null,
  last_assignee varchar(255),
  updated_at    timestamp with time zone not null
);
insert into tf_queue_assignment (queue, mode, updated_at) values ('support-web', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('support-chat', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('support-phone', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('support-oncall', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('trust-and-safety', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('billing', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('sales', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('engineering', 'MANUAL', current_timestamp);
insert into tf_queue_assignment (queue, mode, updated_at) values ('engineering-oncall', 'MANUAL', current_timestamp);

-- Agents who said whether they take automatically assigned work; an agent without a row is not available.
create table tf_agent_availability (
  user_id    varchar(255) primary key,
  available  boolean      not null,
  updated_at timestamp with time zone not null
);

-- When a ticket closed: a customer's message within ticketflow.reopen-window reopens it. Tickets closed before this
-- column existed take the time of the closing note the lifecycle wrote into their conversation.
alter table tf_ticket add column closed_at timestamp with time zone;
update tf_ticket set closed_at = (select max(m.created_at) from tf_message m where m.ticket_id = tf_ticket.id and m.author = 'SYSTEM')
  where status = 'CLOSED';
