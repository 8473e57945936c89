-- The resellers' own products (es.sync.phases[reseller-plans]), mapped by config/mappings/billing-db-plans.yml: a
-- hosting plan of the reseller (OwnerKey), placed in the reseller's service (SpaceKey), with its groups and quotas.
-- The provider's own products are not read here: their plans come from samples/feeds/plans.csv (or exist already).
select p.product_id, p.code, p.name, p.kind, p.monthly_price, p.reseller_id, p.reseller_service_id,
       p.resource_groups, p.quotas, p.updated_at
from products p
where p.reseller_id is not null and p.updated_at >= :watermark
