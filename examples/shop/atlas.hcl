# A small shop, kept as code: the desired schema, its migration history, and tests for both.
env "local" {
  src = "file://schema.hcl"
  dev = "sqlite://dev?mode=memory"
  migration {
    dir = "file://migrations"
  }
  # migrate lint analyzes the newest migration file; the ones before it are replayed as its base.
  lint {
    latest = 1
  }
  test {
    schema {
      src = ["tests/schema.test.hcl"]
    }
    migrate {
      src = ["tests/migrate.test.hcl"]
    }
  }
}
