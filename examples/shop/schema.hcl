schema "main" {
}

table "customers" {
  schema = schema.main
  column "id" {
    null = false
    type = integer
  }
  column "name" {
    null = false
    type = text
  }
  column "email" {
    null    = false
    type    = text
    default = ""
  }
  primary_key {
    columns = [column.id]
  }
  index "customers_email" {
    unique  = true
    columns = [column.email]
  }
}

table "orders" {
  schema = schema.main
  column "id" {
    null = false
    type = integer
  }
  column "customer_id" {
    null = false
    type = integer
  }
  column "total_cents" {
    null = false
    type = integer
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "orders_customer" {
    columns     = [column.customer_id]
    ref_columns = [table.customers.column.id]
    on_delete   = CASCADE
  }
  check "orders_total_positive" {
    expr = "total_cents > 0"
  }
}
