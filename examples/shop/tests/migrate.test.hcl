# Migration tests: each case starts from an empty database; migrate blocks apply the directory up to a version.

test "migrate" "emails_are_backfilled_from_names" {
  migrate {
    to = "20260102000000"
  }
  exec {
    sql = "INSERT INTO customers (id, name) VALUES (1, 'Ada Lovelace'), (2, ' Grace  Hopper ')"
  }
  migrate {
    to = "20260103000000"
  }
  exec {
    sql    = "SELECT id, email FROM customers ORDER BY id"
    output = <<-OUT
      1, ada.lovelace@example.com
      2, grace..hopper@example.com
    OUT
  }
}

test "migrate" "orders_survive_the_email_migration" {
  migrate {
    to = "20260102000000"
  }
  exec {
    sql = <<-SQL
      INSERT INTO customers (id, name) VALUES (1, 'Ada');
      INSERT INTO orders (id, customer_id, total_cents) VALUES (1, 1, 1200), (2, 1, 800);
    SQL
  }
  migrate {
    to = "20260103000000"
  }
  assert {
    sql = "SELECT count(*) = 2 AND sum(total_cents) = 2000 FROM orders"
  }
}
