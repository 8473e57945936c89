-- Services (one hosting space each), mapped by config/mappings/billing-db-subscriptions.yml. See customers.sql.
select s.service_id, s.client_id, p.code as product, s.domain, s.billing_cycle, s.status, s.start_date, s.updated_at
from services s
join products p on p.product_id = s.product_id
where s.updated_at >= :watermark
