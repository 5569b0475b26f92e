# The mariadb shop: its desired schema, and schema tests run against it on a mariadb dev database.
env "test" {
  src = "file://schema.sql"
  dev = "embedded://mariadb/11.4/shop"
}
