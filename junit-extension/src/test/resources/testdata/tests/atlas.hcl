# The setup of the test files below: the plumb engine finds this file above them.
env "local" {
  src = "file://schema.sql"
  dev = "sqlite://tests-dev?mode=memory"
  migration {
    dir = "file://migrations"
  }
}
