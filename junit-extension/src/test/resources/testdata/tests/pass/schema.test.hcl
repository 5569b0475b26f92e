test "schema" "users" {
  exec {
    sql = "INSERT INTO users (id, name) VALUES (1, 'ada')"
  }
  exec {
    sql    = "SELECT id, name FROM users"
    output = "1, ada"
  }
}

test "schema" "letters" {
  parallel = true
  for_each = ["a", "b"]
  log {
    message = "letter ${each.value}"
  }
  assert {
    sql = "SELECT length('${each.value}') = 1"
  }
}

test "schema" "later" {
  skip = true
  exec {
    sql = "SELECT missing FROM nowhere"
  }
}
