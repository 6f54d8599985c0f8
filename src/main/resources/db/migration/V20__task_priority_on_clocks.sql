-- The Tasklist priority of a ticket's tasks (the commitments table's taskPriority column), kept with the commitment
-- clocks it was decided with rather than as a process variable of every ticket: the user tasks read it when they are
-- created (ticketflow.sla.SlaDue.taskPriority). Every clock row of a ticket holds the same value. Tickets opened before
-- keep their process variable, which SlaDue reads while this is null.
alter table tf_sla_clock add column task_priority integer;
