-- A customer whose reseller es-bridge suspended or cancelled: the server's ChangeUserStatus cascaded to it (and its
-- spaces), so the billing key of that reseller is kept here until the reseller is active again. While it is set, the
-- customer's own "active" record does not reactivate it under a suspended reseller; when the reseller comes back, the
-- server's cascade reactivates everything below it, and es-bridge puts back the status of those billing has not active.
alter table es_link add column cascade_of varchar(200);

-- a reseller's customers (and a customer's spaces) are found by the parent their links record
create index es_link_parent on es_link (record_type, parent_es_id);
