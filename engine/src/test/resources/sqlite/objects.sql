-- Every kind of object SQLite has besides tables and indexes: views (over tables, over views, with a join and an
-- aggregate) and triggers (BEFORE, AFTER and INSTEAD OF; INSERT, UPDATE, UPDATE OF and DELETE; with and without
-- WHEN; on a table and on a view).
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  amount integer NOT NULL CHECK (amount >= 0),
  status text NOT NULL DEFAULT 'new'
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE audit (at text DEFAULT CURRENT_TIMESTAMP, what text NOT NULL);

CREATE VIEW customer_totals AS
  SELECT c.id, c.name, sum(o.amount) AS total, count(*) AS orders
  FROM customers c JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id, c.name;
CREATE VIEW big_customers AS SELECT id, name FROM customer_totals WHERE total > 1000;
CREATE VIEW "open orders" AS SELECT * FROM orders WHERE status <> 'done';

CREATE TRIGGER orders_checked BEFORE INSERT ON orders
WHEN NEW.status NOT IN ('new', 'paid', 'done')
BEGIN
  SELECT RAISE(ABORT, 'bad status');
END;
CREATE TRIGGER orders_paid AFTER UPDATE OF status ON orders FOR EACH ROW WHEN NEW.status = 'paid'
BEGIN
  INSERT INTO audit (what) VALUES ('paid ' || NEW.id);
END;
CREATE TRIGGER customers_gone AFTER DELETE ON customers
BEGIN
  DELETE FROM orders WHERE customer_id = OLD.id;
  INSERT INTO audit (what) VALUES ('deleted ' || OLD.id);
END;
CREATE TRIGGER "open orders insert" INSTEAD OF INSERT ON "open orders"
BEGIN
  INSERT INTO orders (id, customer_id, amount) VALUES (NEW.id, NEW.customer_id, NEW.amount);
END;
CREATE TRIGGER customers_renamed AFTER UPDATE ON customers
BEGIN
  INSERT INTO audit (what) VALUES ('renamed ' || OLD.name || ' to ' || NEW.name);
END;
