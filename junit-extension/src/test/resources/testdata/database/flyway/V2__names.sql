ALTER TABLE users ADD COLUMN name varchar(100) NOT NULL DEFAULT 'unknown';
