CREATE TABLE customers (
  id    INT PRIMARY KEY,
  email VARCHAR(100) NOT NULL UNIQUE
);
CREATE TABLE orders (
  id          INT PRIMARY KEY,
  customer_id INT NOT NULL REFERENCES customers (id),
  total_cents INT NOT NULL CHECK (total_cents > 0)
);
