-- Plumb's own MariaDB fixture: every object kind Plumb models on MySQL and MariaDB, in the forms inspection must
-- read back as they were: views over tables, views and functions, with check options, security and algorithms;
-- functions and procedures with every argument mode and characteristic; triggers on every timing and event, two
-- sharing one (FOLLOWS); events at a time and every interval, with ends and comments.
CREATE TABLE customers (
  id int PRIMARY KEY,
  name varchar(50) NOT NULL,
  credit decimal(10,2) NOT NULL DEFAULT 0,
  updated_count int NOT NULL DEFAULT 0
);
CREATE TABLE orders (
  id int AUTO_INCREMENT PRIMARY KEY,
  customer_id int NOT NULL,
  amount decimal(10,2) NOT NULL,
  status varchar(10) NOT NULL DEFAULT 'new',
  FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, note varchar(200) NOT NULL, at_order int);

CREATE FUNCTION tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC NO SQL
  COMMENT 'tax at 20%, it''s fixed'
RETURN amount * 0.2;

CREATE FUNCTION customer_total(c int) RETURNS decimal(12,2) READS SQL DATA SQL SECURITY INVOKER
BEGIN
  DECLARE total decimal(12,2);
  SELECT coalesce(sum(amount), 0) INTO total FROM orders WHERE customer_id = c;
  RETURN total;
END;

CREATE FUNCTION shout(s varchar(20)) RETURNS varchar(25) CHARSET utf8mb4 DETERMINISTIC
RETURN concat(upper(s), '!');

CREATE PROCEDURE place_order(IN c int, IN a decimal(10,2), OUT new_id int)
MODIFIES SQL DATA
COMMENT 'places an order'
BEGIN
  INSERT INTO orders (customer_id, amount) VALUES (c, a);
  SET new_id = LAST_INSERT_ID();
END;

CREATE PROCEDURE bump(INOUT n bigint unsigned)
BEGIN
  -- a comment with ${braces} and %{percent} that HCL must not read as templates
  SET n = n + 1;
END;

CREATE VIEW order_totals AS
  SELECT o.customer_id, count(*) AS orders, sum(o.amount) AS total, sum(tax(o.amount)) AS tax
  FROM orders o GROUP BY o.customer_id;

CREATE ALGORITHM = MERGE VIEW big_orders AS
  SELECT id, customer_id, amount FROM orders WHERE amount > 100 WITH CASCADED CHECK OPTION;

CREATE SQL SECURITY INVOKER VIEW customer_report AS
  SELECT c.id, c.name, t.total, customer_total(c.id) AS computed
  FROM customers c LEFT JOIN order_totals t ON t.customer_id = c.id;

CREATE TRIGGER orders_status BEFORE INSERT ON orders FOR EACH ROW
  SET NEW.status = lower(NEW.status);

CREATE TRIGGER orders_amount BEFORE INSERT ON orders FOR EACH ROW FOLLOWS orders_status
BEGIN
  IF NEW.amount < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative amount';
  END IF;
END;

CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW
  INSERT INTO audit (note, at_order) VALUES (concat('order for ', NEW.customer_id), NEW.id);

CREATE TRIGGER orders_keep BEFORE DELETE ON orders FOR EACH ROW
BEGIN
  INSERT INTO audit (note, at_order) VALUES ('deleted', OLD.id);
END;

CREATE TRIGGER customers_count BEFORE UPDATE ON customers FOR EACH ROW
  SET NEW.updated_count = OLD.updated_count + 1;

CREATE TRIGGER customers_log AFTER UPDATE ON customers FOR EACH ROW
  INSERT INTO audit (note) VALUES (concat('customer ', NEW.id, ' now ', NEW.name));

CREATE EVENT audit_trim ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-01 03:00:00' ENDS '2035-01-01 00:00:00'
  ON COMPLETION PRESERVE DISABLE COMMENT 'keeps the audit short'
DO DELETE FROM audit WHERE id < 100;

CREATE EVENT audit_note ON SCHEDULE AT '2031-06-01 12:00:00' ON COMPLETION PRESERVE DISABLE
DO BEGIN
  INSERT INTO audit (note) VALUES ('noted');
END;

CREATE EVENT hourly ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 00:00:00' DISABLE ON SLAVE
DO CALL bump(@n);
