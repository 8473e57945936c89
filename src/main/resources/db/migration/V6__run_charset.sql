-- The charset a file or push was read in, and who chose it (a setting, or detection), for the run's report: a
-- Latin-1 file read as another charset shows wrong letters in every name it provisioned, and the report is where the
-- operator looks first. Null for runs that read no text (database rows, replays) and for runs before this version.
alter table es_run add column charset varchar(64);
alter table es_run add column charset_from varchar(200);
