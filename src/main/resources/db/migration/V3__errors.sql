-- Issue 5 (error channel): every run's report as written when the run completed (the JSON also written beside a
-- processed file), so the account of a run is kept in the database as it was reported.
alter table es_run add column report_json varchar(16000);
