-- WHMCS profile, per-service layout (es.whmcs.layout=per-service), the official SolidCP module's: every service of
-- the panel's products (servertype = :servertype) is a panel user of its own, named tblhosting.username, with the
-- contact fields of its client (the module copies them with UpdateUser, address2 left out). Such a user of the
-- module's is adopted (same username, same e-mail: es.provisioning.username-taken ADOPT), never created again.
-- A reselleraccount product's user is a reseller (role 2). Mapped by config/mappings/whmcs-db-customers.yml; the
-- watermark is the later of the service's and the client's updated_at. See ../per-customer/customers.sql.
select h.id as service_id, concat('whmcs-u', h.id) as customer_key, h.username,
       c.firstname, c.lastname, c.companyname, c.email, c.address1, c.city, c.state, c.postcode, c.country,
       c.phonenumber,
       -- the module suspends and deletes the service's user (ChangeUserStatus, DeleteUser): the service's status
       case when c.status = 'Closed' then 'Closed'
            when c.status = 'Inactive' or h.domainstatus in ('Suspended', 'Fraud') then 'Inactive'
            else 'Active' end as status,
       case when p.type = 'reselleraccount' then 'reseller' else 'user' end as role,
       cast(greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
                     coalesce(nullif(c.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
            as datetime) as updated_at
from tblhosting h
join tblclients c on c.id = h.userid
join tblproducts p on p.id = h.packageid
-- an ended service is not read: the module deleted its user, so one never seen is not made now, and one es-bridge
-- linked is gone from billing, for es.sync.disappeared (REPORT; CANCEL cancels it) at every nightly full read
where p.servertype = :servertype and h.domainstatus not in ('Terminated', 'Cancelled')
  and greatest(coalesce(nullif(h.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'),
               coalesce(nullif(c.updated_at, '0000-00-00 00:00:00'), timestamp '1970-01-02 00:00:00'))
      >= :watermark - interval :overlap_minutes minute
order by h.id
