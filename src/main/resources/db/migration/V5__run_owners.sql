-- Runs left open by a process that is gone (kill -9, a crash, a lost host) are closed as INTERRUPTED with the counts
-- they reached. Each run names the es-bridge instance that opened it; each instance heart-beats in es_instance on the
-- database's clock, so that instances sharing this store close only the runs of an instance that stopped beating.
-- Portable SQL: H2 and PostgreSQL.

-- RUNNING until every record read has an outcome (FINISHED), or until its instance is gone (INTERRUPTED).
alter table es_run add column state varchar(16) default 'RUNNING' not null;
-- Null for runs opened by versions before this one, which did not heart-beat.
alter table es_run add column owner_instance varchar(200);
update es_run set state = 'FINISHED' where finished_at is not null;
create index es_run_open on es_run (state, owner_instance);

-- One row per running es-bridge process. process_space names the machine boot and PID namespace (Linux), so that an
-- instance of the same space whose PID has ended is known gone at once, without waiting for its heartbeat to age;
-- process_start (epoch ms, that machine's clock) tells its PID from the same PID taken again by a later process.
create table es_instance (
    instance_id      varchar(200)  primary key,
    process_space    varchar(200),
    pid              bigint        not null,
    process_start    bigint,
    started_at       timestamp with time zone not null,
    heartbeat_at     timestamp with time zone not null
);
