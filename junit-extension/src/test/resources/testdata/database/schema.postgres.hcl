schema "public" {}

table "users" {
  schema = schema.public
  column "id" {
    type = integer
    null = false
  }
  column "name" {
    type = text
    null = false
  }
  primary_key {
    columns = [column.id]
  }
}
