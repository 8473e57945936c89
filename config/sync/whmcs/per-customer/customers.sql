-- WHMCS profile, per-customer layout (es.whmcs.layout=per-customer): each WHMCS client with at least one service of
-- the panel's products (tblproducts.servertype = :servertype, es.sync.parameters.servertype) is one panel user, its
-- services spaces under it. Mapped by config/mappings/whmcs-db-customers.yml. A client with only other products
-- (domains, another module's servers) is not read: it has nothing on this panel.
-- The panel username is the module's tblhosting.username of the client's first such service: a provider that ran the
-- module keeps the logins its customers know. A client with a reselleraccount product is a reseller (role 2).
-- Zero dates are NULL here (NULLIF), whatever the driver would make of them. updated_at is the watermark: WHMCS's
-- legacy update paths do not set it, so the profile reads every row each night (es.sync.scheduled-mode RECONCILE) and
-- the applied-state fingerprint makes unchanged rows cost nothing; INCREMENTAL narrows the read to rows changed since
-- the watermark less :overlap_minutes.
select c.id as client_id, concat('whmcs-c', c.id) as customer_key,
       (select h.username from tblhosting h join tblproducts p on p.id = h.packageid
         where h.userid = c.id and p.servertype = :servertype and h.username <> '' order by h.id limit 1) as username,
       c.firstname, c.lastname, c.companyname, c.email, c.address1, c.city, c.state, c.postcode, c.country,
       c.phonenumber, c.status,
       case when exists (select 1 from tblhosting h join tblproducts p on p.id = h.packageid
                          where h.userid = c.id and p.servertype = :servertype and p.type = 'reselleraccount')
            then 'reseller' else 'user' end as role,
       cast(coalesce(nullif(c.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00') as datetime)
         as updated_at
from tblclients c
where exists (select 1 from tblhosting h join tblproducts p on p.id = h.packageid
               where h.userid = c.id and p.servertype = :servertype)
  and coalesce(nullif(c.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00')
      >= :watermark - interval :overlap_minutes minute
order by c.id
