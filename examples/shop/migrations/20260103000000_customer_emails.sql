-- atlas:txtar

-- checks.sql --
-- Every customer needs a name the backfill can make an address from.
SELECT NOT EXISTS (SELECT 1 FROM customers WHERE trim(name) = '');

-- migration.sql --
-- Add a required "email" column, backfilled from the name, and make it unique.
ALTER TABLE `customers` ADD COLUMN `email` text NOT NULL DEFAULT '';
UPDATE `customers` SET `email` = lower(replace(trim(`name`), ' ', '.')) || '@example.com';
CREATE UNIQUE INDEX `customers_email` ON `customers` (`email`);
