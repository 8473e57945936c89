-- Add-ons of services, mapped by config/mappings/billing-db-addons.yml. See customers.sql.
select a.addon_id, a.service_id, s.client_id, p.code as addon, a.quantity, a.status, a.start_date, a.updated_at
from service_addons a
join services s on s.service_id = a.service_id
join products p on p.product_id = a.product_id
where a.updated_at >= :watermark
