test "schema" "mismatch" {
  exec {
    sql = "INSERT INTO users (id, name) VALUES (1, 'ada')"
  }
  exec {
    sql    = "SELECT name FROM users"
    output = "grace"
  }
}

test "schema" "error" {
  exec {
    sql = "SELECT missing FROM nowhere"
  }
}
