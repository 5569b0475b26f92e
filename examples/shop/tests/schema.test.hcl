# Schema tests: each case starts from schema.hcl, created on its own copy of the dev database.

test "schema" "orders_need_a_positive_total" {
  exec {
    sql = "INSERT INTO customers (id, name, email) VALUES (1, 'Ada Lovelace', 'ada@example.com')"
  }
  catch {
    sql   = "INSERT INTO orders (id, customer_id, total_cents) VALUES (1, 1, 0)"
    error = "CHECK constraint failed"
  }
}

test "schema" "emails_are_unique" {
  exec {
    sql = "INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com')"
  }
  catch {
    sql   = "INSERT INTO customers (id, name, email) VALUES (2, 'Ada L.', 'ada@example.com')"
    error = "UNIQUE constraint failed: customers.email"
  }
}

test "schema" "deleting_a_customer_deletes_their_orders" {
  parallel = true
  exec {
    sql = <<-SQL
      PRAGMA foreign_keys = on;
      INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com');
      INSERT INTO orders (id, customer_id, total_cents) VALUES (1, 1, 1200), (2, 1, 800);
      DELETE FROM customers WHERE id = 1;
    SQL
  }
  assert {
    sql           = "SELECT count(*) = 0 FROM orders"
    error_message = "orders outlived their customer"
  }
}

test "schema" "totals" {
  for_each = [
    { cents = 1200, shown = "12.00" },
    { cents = 5, shown = "0.05" },
  ]
  log {
    message = "formatting ${each.value.cents} cents"
  }
  exec {
    sql    = "SELECT printf('%.2f', ${each.value.cents} / 100.0)"
    output = each.value.shown
  }
}
