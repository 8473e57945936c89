-- A legacy billing database, as many hosting providers still run one: clients, the products they buy, the services
-- (one hosting space each) and the add-ons of a service. Every table keeps a last-change timestamp (updated_at),
-- which the nightly sync uses as its watermark. Portable SQL: H2 and PostgreSQL.
-- Resellers: a client with is_reseller sells hosting to clients of its own (their reseller_id names it), on products
-- of its own (products.reseller_id), each placed in one of the reseller's services (products.reseller_service_id:
-- the reseller's hosting space, itself a service of the administrator's reseller product).
create table products (
    product_id   integer       primary key,
    code         varchar(40)   not null,
    name         varchar(200)  not null,
    kind         varchar(10)   not null,   -- 'hosting' or 'addon'
    monthly_price numeric(10,2) not null,
    reseller_id  integer,                  -- a reseller's own product (a plan of that reseller); null: the provider's
    reseller_service_id integer,           -- the reseller's service (its space) the product's plan is placed in
    resource_groups varchar(200),          -- a reseller product's plan: groups and quotas as samples/feeds/plans.csv
    quotas       varchar(1000),            --   writes them ("Web Sites=1; Disk space, MB=1024")
    updated_at   timestamp     not null
);

create table clients (
    client_id    integer       primary key,
    username     varchar(100),
    password     varchar(100),
    first_name   varchar(100),
    last_name    varchar(100),
    email        varchar(200),
    company      varchar(200),
    address      varchar(200),
    city         varchar(100),
    country      varchar(2),
    phone        varchar(40),
    status       varchar(20)   not null,   -- active, suspended, fraud, closed, pending
    reseller_id  integer       references clients (client_id),  -- the reseller this client is a customer of
    is_reseller  boolean       default false not null,
    created_at   timestamp     not null,
    updated_at   timestamp     not null
);

create table services (
    service_id   integer       primary key,
    client_id    integer       not null references clients (client_id),
    product_id   integer       not null references products (product_id),
    domain       varchar(200),
    billing_cycle varchar(20)  not null,
    status       varchar(20)   not null,   -- active, suspended, terminated, cancelled, pending
    start_date   date          not null,
    updated_at   timestamp     not null
);

create table service_addons (
    addon_id     integer       primary key,
    service_id   integer       not null references services (service_id),
    product_id   integer       not null references products (product_id),
    quantity     integer       not null,
    status       varchar(20)   not null,
    start_date   date          not null,
    updated_at   timestamp     not null
);

-- added once services exist: a reseller's product names the reseller and its space, while every service names its product
alter table products add constraint products_reseller foreign key (reseller_id) references clients (client_id);
alter table products add constraint products_reseller_service
    foreign key (reseller_service_id) references services (service_id);

create index clients_updated on clients (updated_at);
create index services_updated on services (updated_at);
create index service_addons_updated on service_addons (updated_at);
create index products_updated on products (updated_at);
