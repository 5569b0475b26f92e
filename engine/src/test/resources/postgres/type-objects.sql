-- Plumb's own PostgreSQL fixture: every object kind of the sequences/types/policies/partitions family.
CREATE EXTENSION IF NOT EXISTS citext SCHEMA public;
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'money';

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN public.zip AS text NOT NULL CHECK (VALUE ~ '^[0-9]{5}$');
CREATE DOMAIN public.positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0)
    CONSTRAINT small CHECK (VALUE < 1000000);
COMMENT ON DOMAIN public.positive_int IS 'strictly positive';
CREATE DOMAIN billing.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TYPE public.address AS (street text, city citext, zip public.zip);
COMMENT ON TYPE public.address IS 'postal address';
CREATE TYPE billing.money_range AS (low billing.amount, high billing.amount);

CREATE SEQUENCE public.ticket_seq AS integer START WITH 100 INCREMENT BY 5 MAXVALUE 100000 CACHE 10 CYCLE;
COMMENT ON SEQUENCE public.ticket_seq IS 'ticket numbers';
CREATE SEQUENCE public.down_seq INCREMENT BY -1;
CREATE SEQUENCE billing.invoice_no_seq;

CREATE TABLE public.customers (
    id serial PRIMARY KEY,
    email citext NOT NULL,
    home public.address,
    mood public.mood DEFAULT 'ok',
    zip public.zip,
    visits public.positive_int
);
CREATE TABLE public.tickets (
    id integer NOT NULL DEFAULT nextval('public.ticket_seq'),
    customer_id integer REFERENCES public.customers (id),
    owner_name text NOT NULL DEFAULT current_user
);
CREATE TABLE billing.invoices (
    no bigint NOT NULL DEFAULT nextval('billing.invoice_no_seq'),
    total billing.amount,
    span billing.money_range,
    issued date NOT NULL,
    PRIMARY KEY (no, issued)
) PARTITION BY RANGE (issued);
ALTER SEQUENCE billing.invoice_no_seq OWNED BY billing.invoices.no;
CREATE TABLE billing.invoices_2024 PARTITION OF billing.invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE billing.invoices_2025 PARTITION OF billing.invoices
    (CONSTRAINT recent CHECK (total < 1000000)) FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE billing.invoices_rest PARTITION OF billing.invoices DEFAULT;
CREATE INDEX invoices_2024_total ON billing.invoices_2024 (total);
CREATE TABLE public.regions (code text NOT NULL, name text) PARTITION BY LIST (code);
CREATE TABLE public.regions_eu PARTITION OF public.regions FOR VALUES IN ('de', 'fr');
CREATE TABLE public.keyed (name text NOT NULL, id integer NOT NULL) PARTITION BY LIST (lower(name));
CREATE TABLE public.keyed_a PARTITION OF public.keyed FOR VALUES IN ('a', 'b');
CREATE TABLE public.buckets (id integer NOT NULL) PARTITION BY HASH (id);
CREATE TABLE public.buckets_0 PARTITION OF public.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.buckets_1 PARTITION OF public.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE public.events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), CHECK (id > 0));
CREATE TABLE public.click_events (x integer, y integer) INHERITS (public.events);

ALTER TABLE public.tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tickets FORCE ROW LEVEL SECURITY;
ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_tickets ON public.tickets FOR SELECT TO PUBLIC USING (owner_name = current_user);
CREATE POLICY insert_tickets ON public.tickets AS RESTRICTIVE FOR INSERT WITH CHECK (customer_id IS NOT NULL);
CREATE POLICY everything ON public.customers USING (true) WITH CHECK (visits > 0);
COMMENT ON POLICY everything ON public.customers IS 'open';
