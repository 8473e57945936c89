-- Three clients with one service each, on the schema of samples/billing-db/schema.sql: enough for the tests of
-- records gone from billing, without the sample database's 400 clients.
insert into products (product_id, code, name, kind, monthly_price, updated_at) values
  (1, 'starter', 'Starter hosting', 'hosting', 4.99, timestamp '2026-01-01 00:00:00');
insert into clients (client_id, username, password, first_name, last_name, email, company, address, city, country, phone, status, created_at, updated_at) values
  (1001, 'gone1001', 'Pw-1001-secret', 'Ada', 'Stays', 'gone1001@example.com', null, '1 Main Street', 'Paris', 'FR', '+33 1 100001', 'active', timestamp '2024-01-01 00:00:00', timestamp '2026-01-01 00:00:01'),
  (1002, 'gone1002', 'Pw-1002-secret', 'Ben', 'Leaves', 'gone1002@example.com', null, '2 Main Street', 'Paris', 'FR', '+33 1 100002', 'active', timestamp '2024-01-01 00:00:00', timestamp '2026-01-01 00:00:02'),
  (1003, 'gone1003', 'Pw-1003-secret', 'Cleo', 'Leaves', 'gone1003@example.com', null, '3 Main Street', 'Paris', 'FR', '+33 1 100003', 'active', timestamp '2024-01-01 00:00:00', timestamp '2026-01-01 00:00:03');
insert into services (service_id, client_id, product_id, domain, billing_cycle, status, start_date, updated_at) values
  (5001, 1001, 1, 'gone5001.example', 'monthly', 'active', date '2024-01-01', timestamp '2026-01-01 00:00:01'),
  (5002, 1002, 1, 'gone5002.example', 'monthly', 'active', date '2024-01-01', timestamp '2026-01-01 00:00:02'),
  (5003, 1003, 1, 'gone5003.example', 'monthly', 'active', date '2024-01-01', timestamp '2026-01-01 00:00:03');
