env "local" {
  src = "file://schema.sql"
  dev = "embedded://postgres/17"
}
