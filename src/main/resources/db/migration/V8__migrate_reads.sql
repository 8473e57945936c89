-- The answers of a migration's source server, kept while its read is not whole: a source that fails mid-read (an
-- outage, a restart of its application pool) is read again from where it stopped, not from the start, which for a
-- large panel is an hour of GetUserById calls. The rows of a source are deleted as soon as its read is whole, so
-- every migration that starts afresh reads the source as it is now (a repeated migration is a delta of the source's
-- present, never of an old read). Answers are sealed with es.state.secret-key: GetUserById may return passwords.
create table es_migrate_read (
    source_name varchar(200) not null,
    read_key    varchar(200) not null,
    answer      varchar      not null,
    read_at     timestamp    not null,
    primary key (source_name, read_key)
);
