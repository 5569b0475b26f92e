test "schema" "positive_func" {
  assert {
    sql = "SELECT positive(1)"
  }
  exec {
    sql = "SELECT NOT positive(0); SELECT NOT positive(-1);"
  }
}
test "schema" "check_uses_it" {
  exec {
    sql = "INSERT INTO scores VALUES (1, 5)"
  }
  catch {
    sql   = "INSERT INTO scores VALUES (2, 0)"
    error = "violates check constraint"
  }
}
