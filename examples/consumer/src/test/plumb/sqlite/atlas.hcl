# The sqlite shop: its desired schema, and schema tests run against it on a sqlite dev database.
env "test" {
  src = "file://schema.sql"
  dev = "sqlite://dev?mode=memory"
}
