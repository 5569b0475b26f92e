ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT 'unknown';
