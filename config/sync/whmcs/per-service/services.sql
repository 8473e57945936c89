-- WHMCS profile, per-service layout: the service is the one space of its own user (customers.sql). Mapped by
-- config/mappings/whmcs-db-services.yml; the plan as in ../per-customer/services.sql. A space the module made for the
-- service (the user's one space on that plan) is adopted: es.provisioning.adopt-spaces, on in this layout.
select h.id as service_id, concat('whmcs-u', h.id) as customer_key,
       case when p.configoption4 regexp '^[0-9]+$' then p.configoption4 end as plan_id,
       case when p.configoption4 regexp '^[0-9]+$' then null else p.name end as plan_name,
       h.domain, h.username, h.billingcycle, h.domainstatus, nullif(h.regdate, '0000-00-00') as regdate,
       cast(greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
                     coalesce(nullif(p.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
            as datetime) as updated_at
from tblhosting h
join tblproducts p on p.id = h.packageid
-- an ended service is not read: the module deleted its user, so one never seen is not made now, and one es-bridge
-- linked is gone from billing, for es.sync.disappeared (REPORT; CANCEL cancels it) at every nightly full read
where p.servertype = :servertype and h.domainstatus not in ('Terminated', 'Cancelled')
  and greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
               coalesce(nullif(p.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
      >= :watermark - interval :overlap_minutes minute
order by h.id
