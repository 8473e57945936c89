-- WHMCS profile, per-customer layout: the add-ons (tblhostingaddons) of the services read by services.sql, mapped by
-- config/mappings/whmcs-db-addons.yml. Cancelled and terminated add-ons are read too: they end the panel's add-on.
-- The add-on plan: tbladdons.name through the mapping's PlanName map (es.whmcs.addon-plans=by-name; solidcp-addons
-- reads the module's own map, solidcp_addons, first).
select ha.id as addon_id, h.id as service_id, concat('whmcs-c', h.userid) as customer_key, null as plan_id,
       a.name as plan_name,
       ha.qty, ha.status, nullif(ha.regdate, '0000-00-00') as regdate,
       cast(greatest(coalesce(nullif(ha.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
                     coalesce(nullif(a.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
            as datetime) as updated_at
from tblhostingaddons ha
join tblhosting h on h.id = ha.hostingid
join tblproducts p on p.id = h.packageid
join tbladdons a on a.id = ha.addonid
-- a space that ended (or never began) takes its add-ons with it: theirs would only fail SUBSCRIPTION_NOT_PROVISIONED
where p.servertype = :servertype and h.domainstatus not in ('Terminated', 'Cancelled')
  and greatest(coalesce(nullif(ha.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
               coalesce(nullif(a.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
      >= :watermark - interval :overlap_minutes minute
order by ha.id
