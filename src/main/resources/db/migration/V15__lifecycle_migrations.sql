-- The lifecycle migration running from each version: one at a time per version (the primary key makes a second
-- start on any node fail), its Camunda batch, who started it.
create table tf_lifecycle_migration (
  from_version int          not null primary key,
  to_version   int          not null,
  batch_id     varchar(64)  not null,
  started_by   varchar(255) not null,
  started_at   timestamp with time zone not null
);
