-- Create "customers" table
CREATE TABLE `customers` (`id` integer NOT NULL, `name` text NOT NULL, PRIMARY KEY (`id`));
