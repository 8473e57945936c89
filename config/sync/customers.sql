-- Customers of the billing database (es.sync.phases[customers]), mapped by config/mappings/billing-db-customers.yml.
-- Write your own SELECT for your billing schema: any column names, as long as the mapping names them, plus the
-- watermark column (es.sync.watermark-column, default updated_at) and the :watermark parameter. Incremental runs
-- bind the last watermark; reconciliation binds the earliest possible value, so the same query reads every row.
-- ">=" (not ">") re-reads the rows of the watermark's own instant, so a row committed later with that same
-- timestamp is not skipped; re-read rows that did not change cost no SOAP call.
-- Resellers first: a reseller's customer is created under the reseller's user, so the reseller's row is handed on
-- before those of its customers (a customer whose reseller is not provisioned yet waits for it, or fails
-- OWNER_NOT_PROVISIONED). reseller_id names the owner (the mapping's OwnerKey), is_reseller gives role 2.
select c.client_id, c.username, c.password, c.first_name, c.last_name, c.email, c.company, c.address, c.city,
       c.country, c.phone, c.status, c.reseller_id, c.is_reseller, c.created_at, c.updated_at
from clients c
where c.updated_at >= :watermark
order by case when c.is_reseller then 0 else 1 end, c.client_id
