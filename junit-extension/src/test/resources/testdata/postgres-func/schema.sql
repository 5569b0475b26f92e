-- The example of the reference tool's announcement of schema tests: a function, and a table whose check uses it.
CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
CREATE TABLE scores (id integer PRIMARY KEY, points integer NOT NULL CHECK (positive(points)));
