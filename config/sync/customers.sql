-- Customers of the billing database (es.sync.phases[customers]), mapped by config/mappings/billing-db-customers.yml.
-- Write your own SELECT for your billing schema: any column names, as long as the mapping names them, plus the
-- watermark column (es.sync.watermark-column, default updated_at) and the :watermark parameter. Incremental runs
-- bind the last watermark; reconciliation binds the earliest possible value, so the same query reads every row.
-- ">=" (not ">") re-reads the rows of the watermark's own instant, so a row committed later with that same
-- timestamp is not skipped; re-read rows that did not change cost no SOAP call.
select c.client_id, c.username, c.password, c.first_name, c.last_name, c.email, c.company, c.address, c.city,
       c.country, c.phone, c.status, c.created_at, c.updated_at
from clients c
where c.updated_at >= :watermark
