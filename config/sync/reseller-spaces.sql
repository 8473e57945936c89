-- The resellers' own services (es.sync.phases[reseller-spaces]): each is a hosting space of the reseller, on a plan of
-- the administrator, that the reseller's plans are placed in (products.reseller_service_id) and its customers' spaces
-- hang under. Read in a phase of their own, after the customers and before the resellers' plans: a plan needs its
-- space, and the customers' services need the plans. Mapped like every service (billing-db-subscriptions.yml).
select s.service_id, s.client_id, p.code as product, s.domain, s.billing_cycle, s.status, s.start_date, s.updated_at
from services s
join clients c on c.client_id = s.client_id
join products p on p.product_id = s.product_id
where c.is_reseller and s.updated_at >= :watermark
