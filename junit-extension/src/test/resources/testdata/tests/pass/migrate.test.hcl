test "migrate" "20240102000000" {
  migrate {
    to = "20240101000000"
  }
  exec {
    sql = "INSERT INTO users (id) VALUES (1)"
  }
  migrate {
    to = "20240102000000"
  }
  exec {
    sql    = "SELECT id, name FROM users"
    output = "1, unknown"
  }
}
