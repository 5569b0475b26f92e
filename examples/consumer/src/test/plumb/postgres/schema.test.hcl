# Each case starts from schema.sql, created on a copy of its own.

test "schema" "orders_need_a_positive_total" {
  exec {
    sql = "INSERT INTO customers (id, email) VALUES (1, 'ada@example.com')"
  }
  catch {
    sql   = "INSERT INTO orders (id, customer_id, total_cents) VALUES (1, 1, 0)"
    error = "violates check constraint"
  }
}

test "schema" "emails_are_unique" {
  exec {
    sql = "INSERT INTO customers (id, email) VALUES (1, 'ada@example.com')"
  }
  catch {
    sql   = "INSERT INTO customers (id, email) VALUES (2, 'ada@example.com')"
    error = "duplicate key value"
  }
}

test "schema" "each_case_starts_from_the_schema" {
  exec {
    sql    = "SELECT count(*) FROM customers"
    output = "0"
  }
}
