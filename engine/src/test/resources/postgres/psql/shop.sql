CREATE SCHEMA shop;
CREATE TYPE shop.tier AS ENUM ('basic', 'gold');
CREATE DOMAIN shop.qty AS integer CHECK (VALUE >= 0);
CREATE TABLE shop.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(320) NOT NULL UNIQUE,
  "Display Name" text COLLATE "C" DEFAULT 'anonymous',
  tier shop.tier NOT NULL DEFAULT 'basic',
  tags text[],
  signup timestamptz NOT NULL DEFAULT now(),
  score numeric(6,2) CHECK (score BETWEEN 0 AND 1000),
  slug text GENERATED ALWAYS AS (lower(email)) STORED,
  CONSTRAINT customers_email_check CHECK (email LIKE '%@%')
);
CREATE INDEX customers_signup_idx ON shop.customers (signup DESC NULLS LAST) WHERE tier = 'gold';
CREATE INDEX customers_lower_idx ON shop.customers USING hash (lower(email));
CREATE TABLE shop.orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
  amount shop.qty NOT NULL DEFAULT 1,
  note text DEFAULT E'first line\nsecond line'
);
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON shop.orders FOR SELECT USING (customer_id > 0);
CREATE STATISTICS shop.orders_stats (dependencies) ON customer_id, amount FROM shop.orders;
CREATE RULE orders_no_zero AS ON INSERT TO shop.orders WHERE NEW.amount = 0 DO INSTEAD NOTHING;
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
CREATE TRIGGER orders_audit AFTER INSERT ON shop.orders FOR EACH STATEMENT EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.orders DISABLE TRIGGER orders_audit;
CREATE TABLE shop.events (at date NOT NULL, kind text, payload jsonb) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2024 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE shop.notes (body text) INHERITS (shop.orders);
CREATE VIEW shop.gold_customers AS SELECT id, email FROM shop.customers WHERE tier = 'gold';
CREATE TABLE shop."商品" ("名前" text NOT NULL, "価格" integer DEFAULT 100);
