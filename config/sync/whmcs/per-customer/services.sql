-- WHMCS profile, per-customer layout: every service of the panel's products is a space of its client's user.
-- Mapped by config/mappings/whmcs-db-services.yml. The plan: tblproducts.configoption4 (the SolidCP plan id, as the
-- module reads it) when it holds one, else the product's name through the mapping's PlanName map. See customers.sql.
select h.id as service_id, concat('whmcs-c', h.userid) as customer_key,
       case when p.configoption4 regexp '^[0-9]+$' then p.configoption4 end as plan_id,
       case when p.configoption4 regexp '^[0-9]+$' then null else p.name end as plan_name,
       h.domain, h.username, h.billingcycle, h.domainstatus, nullif(h.regdate, '0000-00-00') as regdate,
       cast(greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
                     coalesce(nullif(p.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
            as datetime) as updated_at
from tblhosting h
join tblproducts p on p.id = h.packageid
where p.servertype = :servertype
  and greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
               coalesce(nullif(p.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
      >= :watermark - interval :overlap_minutes minute
order by h.id
