-- Columns that keep the values of a record's fields get no size of their own: validation refuses what the panel's
-- columns cannot hold (enterprise-server/field-lengths.csv, overridable per column), and these must hold whatever
-- it accepts, including the ntext fields (Comments, PackageComments, PlanDescription), which have no size at all, and
-- the raw row of a record refused for being too long. A sized column here turned a long field into a raw SQL error
-- from es-bridge's own link table. varchar without a length: unbounded on PostgreSQL, 1,000,000,000 on H2.
-- Billing keys keep their size (varchar(200)): validation refuses a longer key (FieldLengths.BILLING_KEY).
alter table es_link alter column intent_name set data type varchar;
alter table es_link alter column applied_json set data type varchar;
alter table es_dead_letter alter column raw_json set data type varchar;
alter table es_dead_letter alter column envelope_json set data type varchar;
