-- dialect: postgresql
-- DDL without a query, classified from its tokens whether or not the parser reads it; DDL that could copy or
-- compute data stays UNKNOWN.

-- case: create table like another
-- kind: DDL/CREATE_TABLE
-- writes: t
-- reads: users
-- hazards: none
CREATE TABLE t (LIKE users INCLUDING ALL)

-- case: create index concurrently
-- kind: DDL/CREATE_INDEX
-- writes: users
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)

-- case: expression index with a built-in and a partial index
-- kind: DDL/CREATE_INDEX
-- writes: users
CREATE UNIQUE INDEX CONCURRENTLY u_idx ON ONLY users USING btree (lower(email)) WHERE email IS NOT NULL

-- case: partitioned table
-- kind: DDL/CREATE_TABLE
-- writes: measurements
CREATE TABLE measurements (id bigint, at date NOT NULL) PARTITION BY RANGE (at)

-- case: partition
-- kind: DDL/CREATE_TABLE
-- writes: measurements_2024
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')

-- case: generated, identity and default columns
-- kind: DDL/CREATE_TABLE
-- writes: g
CREATE TABLE g (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a * 2) STORED, payload jsonb NOT NULL DEFAULT '{}'::jsonb, created_at timestamptz NOT NULL DEFAULT now(), n bigint DEFAULT nextval('g_seq'::regclass))

-- case: check and exclusion constraints, storage parameters
-- kind: DDL/CREATE_TABLE
CREATE TABLE t5 (id int, during tsrange, CONSTRAINT c CHECK (id > 0), EXCLUDE USING gist (during WITH &&)) WITH (fillfactor = 70)

-- case: schema-qualified quoted table
-- kind: DDL/CREATE_TABLE
-- writes: flyway_schema_history
CREATE TABLE IF NOT EXISTS "public"."flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "success" BOOLEAN NOT NULL, CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank"))

-- case: alter table add constraint
-- kind: DDL/ALTER_TABLE
-- writes: users
ALTER TABLE ONLY users ADD CONSTRAINT users_dept_fk FOREIGN KEY (dept_id) REFERENCES public.depts(id) ON DELETE CASCADE

-- case: alter table set a constant default
-- kind: DDL/ALTER_TABLE
ALTER TABLE ONLY users ALTER COLUMN id SET DEFAULT nextval('users_id_seq'::regclass)

-- case: alter column type without a using expression
-- kind: DDL/ALTER_TABLE
ALTER TABLE users ALTER COLUMN name TYPE varchar(100), ALTER COLUMN name SET NOT NULL

-- case: drop index concurrently
-- kind: DDL/DROP
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx

-- case: drop a function by its signature
-- kind: DDL/DROP
DROP FUNCTION IF EXISTS my_fn(integer, text) CASCADE

-- case: truncate several tables
-- kind: DDL/TRUNCATE
-- writes: users, orders
TRUNCATE TABLE users, ONLY orders RESTART IDENTITY CASCADE

-- case: comment on a column
-- kind: DDL/COMMENT
COMMENT ON COLUMN users.ssn IS 'social security number'

-- case: enum type
-- kind: DDL/CREATE_TYPE
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')

-- case: alter sequence
-- kind: DDL/ALTER_SEQUENCE
ALTER SEQUENCE users_id_seq RESTART WITH 10

-- case: alter column type with a using expression copies data between columns
-- unknown: USING computes values from existing rows
ALTER TABLE users ALTER COLUMN name TYPE text USING ssn

-- case: adding a generated column computes it from existing rows
-- unknown: computed column
ALTER TABLE users ADD COLUMN ssn_copy text GENERATED ALWAYS AS (ssn) STORED

-- case: create table as table is a query
-- unknown: TABLE beyond its object type
CREATE TABLE t AS TABLE users

-- case: create table as execute runs a prepared query
-- unknown: EXECUTE
CREATE TABLE t AS EXECUTE p(1)

-- case: a user-defined function in a default reads what it likes on every insert
-- unknown: my_fn, which is not a built-in scalar function
CREATE TABLE t (id int DEFAULT my_fn())

-- case: a data-reading built-in in a generated column
-- unknown: not a built-in scalar function
CREATE TABLE t (f text GENERATED ALWAYS AS (pg_read_file('x')) STORED)

-- case: a subquery in a check constraint
-- unknown: SELECT
CREATE TABLE t (id int CHECK (id > (SELECT max(id) FROM users)))

-- case: create extension runs its install script
-- unknown: CREATE EXTENSION
-- hazards: none
CREATE EXTENSION IF NOT EXISTS pgcrypto

-- case: create view keeps going through the parser
-- kind: DDL/CREATE_VIEW
-- flow: v_ssn.ssn = users.ssn
CREATE VIEW v_ssn AS SELECT ssn FROM users

-- case: create table as select keeps going through the parser
-- kind: DDL/CREATE_TABLE_AS
-- flow: copy.ssn = users.ssn
CREATE TABLE copy AS SELECT ssn FROM users

-- case: create trigger
-- unknown: CREATE TRIGGER
-- hazard: CODE_BLOCK
CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION my_fn()

-- case: attaching a table as a partition makes its rows readable through the parent
-- unknown: ATTACH makes existing rows readable through another table
ALTER TABLE measurements ATTACH PARTITION users FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')

-- case: inheriting makes this table's rows readable through the parent
-- unknown: INHERIT makes existing rows readable through another table
ALTER TABLE users INHERIT people

-- case: no longer inheriting
-- kind: DDL/ALTER_TABLE
ALTER TABLE users NO INHERIT people

-- case: a child table inherits the parent's columns, not its rows
-- kind: DDL/CREATE_TABLE
CREATE TABLE child (extra int) INHERITS (users)
