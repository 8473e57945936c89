-- Services (one hosting space each), mapped by config/mappings/billing-db-subscriptions.yml. See customers.sql.
-- The resellers' services were read before (reseller-spaces.sql); a reseller customer's service is on a plan of its
-- reseller, read in between (reseller-plans.sql).
select s.service_id, s.client_id, p.code as product, s.domain, s.billing_cycle, s.status, s.start_date, s.updated_at
from services s
join clients c on c.client_id = s.client_id
join products p on p.product_id = s.product_id
where not c.is_reseller and s.updated_at >= :watermark
