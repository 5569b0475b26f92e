# The postgres shop: its desired schema, and schema tests run against it on a postgres dev database.
env "test" {
  src = "file://schema.sql"
  dev = "embedded://postgres/17"
}
