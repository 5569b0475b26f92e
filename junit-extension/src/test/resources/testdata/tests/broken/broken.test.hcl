test "schema" "unclosed" {
  exec {
    sql = "SELECT 1"
