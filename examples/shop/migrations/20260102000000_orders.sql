-- Create "orders" table
CREATE TABLE `orders` (`id` integer NOT NULL, `customer_id` integer NOT NULL, `total_cents` integer NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT `orders_total_positive` CHECK (total_cents > 0));
