# The agent watching the shop's database: plumb agent --config examples/shop/agent.hcl
agent {
  store  = "sqlite://agent.db"
  listen = "127.0.0.1:9191"
}

target "shop" {
  url = "sqlite://shop.db"
  dir = "file://migrations"
}
