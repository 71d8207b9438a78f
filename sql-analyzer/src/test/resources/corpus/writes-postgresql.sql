-- dialect: postgresql
-- Data flow into writes, RETURNING, DDL, DCL, TCL and utility statements.

-- case: insert values
-- kind: DML/INSERT
-- writes: audit_log
-- reads: none
-- flow: audit_log.user_id ~
-- flow: audit_log.email ~
INSERT INTO audit_log (user_id, email) VALUES (1, 'a@b')

-- case: insert several rows
-- flow: audit_log.user_id ~
INSERT INTO audit_log (user_id) VALUES (1), (2), (3)

-- case: insert select copies a sensitive column
-- kind: DML/INSERT
-- reads: users
-- writes: audit_log
-- flow: audit_log.user_id = users.id
-- flow: audit_log.email = users.ssn
INSERT INTO audit_log (user_id, email) SELECT id, ssn FROM users

-- case: insert select derived
-- flow: audit_log.email ~ users.email, users.name
INSERT INTO audit_log (email) SELECT email || name FROM users

-- case: insert without column list uses ordinal order
-- flow: audit_log.id = users.id
-- flow: audit_log.user_id = users.dept_id
-- flow: audit_log.email = users.ssn
-- flow: audit_log.at ~
INSERT INTO audit_log SELECT id, dept_id, ssn, now() FROM users

-- case: insert select from a cte
-- flow: audit_log.email = users.ssn
WITH s AS (SELECT ssn FROM users) INSERT INTO audit_log (email) SELECT ssn FROM s

-- case: insert values with a scalar subquery
-- flow: audit_log.email ~ users.ssn, users.id
INSERT INTO audit_log (email) VALUES ((SELECT ssn FROM users WHERE id = 1))

-- case: insert returning
-- out: id = audit_log.id
-- out: email ~ audit_log.email
INSERT INTO audit_log (email) VALUES ('x') RETURNING id, email

-- case: insert returning star
-- out: id = audit_log.id
-- out: user_id = audit_log.user_id
-- out: email ~ audit_log.email
-- out: at = audit_log.at
INSERT INTO audit_log (email) VALUES ('x') RETURNING *

-- case: insert on conflict excluded
-- flow: users.id ~
-- flow: users.email ~
-- flow: users.email ~ 
INSERT INTO users (id, email) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email

-- case: insert select on conflict carries the source
-- flow: audit_log.id = users.id
-- flow: audit_log.email = users.ssn
-- flow: audit_log.email = users.ssn
INSERT INTO audit_log (id, email) SELECT id, ssn FROM users ON CONFLICT (id) DO UPDATE SET email = excluded.email

-- case: insert into unknown column
-- unknown: column nope not found
INSERT INTO audit_log (nope) VALUES (1)

-- case: insert into a view refused
-- unknown: INSERT into view
INSERT INTO v_users (name) VALUES ('x')

-- case: update set from expression
-- kind: DML/UPDATE
-- writes: users
-- flow: users.email ~ users.email
-- use: WHERE users.id
UPDATE users SET email = lower(email) WHERE id = 1

-- case: update copying one column into another
-- flow: users.name = users.ssn
UPDATE users SET name = ssn

-- case: update from another table
-- reads: users, orders
-- flow: users.email = orders.note
UPDATE users SET email = o.note FROM orders o WHERE o.user_id = users.id

-- case: update multiple columns from subquery
-- flow: users.name = audit_log.email
-- flow: users.email = audit_log.email
UPDATE users SET (name, email) = (SELECT email, email FROM audit_log WHERE audit_log.user_id = users.id)

-- case: update returning
-- out: ssn = users.ssn
UPDATE users SET salary = salary * 2 RETURNING ssn

-- case: insert returning returns what was inserted
-- out: email = audit_log.email, users.ssn
INSERT INTO audit_log (email) SELECT ssn FROM users RETURNING email

-- case: update returning returns the new value
-- out: email = users.email, users.ssn
-- out: id = users.id
UPDATE users SET email = ssn RETURNING email, id

-- case: update from returning the new value and the other table
-- out: email = users.email, orders.note
-- out: note = orders.note
UPDATE users SET email = o.note FROM orders o WHERE o.user_id = users.id RETURNING users.email, o.note

-- case: upsert returning carries inserted and updated values
-- out: email = audit_log.email, users.ssn
INSERT INTO audit_log (id, email) SELECT id, ssn FROM users ON CONFLICT (id) DO UPDATE SET email = excluded.email RETURNING email

-- case: update without where
-- kind: DML/UPDATE
-- flow: users.salary ~
UPDATE users SET salary = 0

-- case: delete
-- kind: DML/DELETE
-- writes: users
-- use: WHERE users.ssn
DELETE FROM users WHERE ssn = '1'

-- case: delete using
-- reads: users, orders
-- use: WHERE orders.amount
DELETE FROM users u USING orders o WHERE o.user_id = u.id AND o.amount > 10

-- case: delete returning
-- out: id = users.id
-- out: ssn = users.ssn
DELETE FROM users WHERE id = 1 RETURNING id, ssn

-- case: merge
-- kind: DML/MERGE
-- writes: audit_log
-- flow: audit_log.email = users.email
-- flow: audit_log.user_id = users.id
-- flow: audit_log.email = users.ssn
-- use: JOIN_ON users.id
MERGE INTO audit_log a USING users u ON a.user_id = u.id
WHEN MATCHED THEN UPDATE SET email = u.email
WHEN NOT MATCHED THEN INSERT (user_id, email) VALUES (u.id, u.ssn)

-- case: merge with delete
-- kind: DML/MERGE
MERGE INTO audit_log a USING users u ON a.user_id = u.id WHEN MATCHED AND u.salary < 0 THEN DELETE

-- case: create table as select
-- kind: DDL/CREATE_TABLE_AS
-- writes: copy_users
-- flow: copy_users.name = users.name
-- flow: copy_users.ssn = users.ssn
CREATE TABLE copy_users AS SELECT name, ssn FROM users

-- case: create table as with column names
-- flow: t2.a ~ users.email
CREATE TABLE t2 (a) AS SELECT upper(email) FROM users

-- case: select into
-- kind: DDL/SELECT_INTO
-- writes: tmp_users
-- flow: tmp_users.name = users.name
-- flow: tmp_users.ssn = users.ssn
SELECT name, ssn INTO tmp_users FROM users

-- case: create view
-- kind: DDL/CREATE_VIEW
-- writes: v_new
-- flow: v_new.ssn = users.ssn
CREATE VIEW v_new AS SELECT ssn FROM users

-- case: create view with column names
-- flow: v_new2.x = users.email
CREATE VIEW v_new2 (x) AS SELECT email FROM users

-- case: create table
-- kind: DDL/CREATE_TABLE
-- writes: fresh
CREATE TABLE fresh (id int PRIMARY KEY, note text)

-- case: alter table
-- kind: DDL/ALTER_TABLE
-- writes: users
ALTER TABLE users ADD COLUMN extra text

-- case: drop table
-- kind: DDL/DROP
DROP TABLE users

-- case: truncate
-- kind: DDL/TRUNCATE
-- writes: users
TRUNCATE TABLE users

-- case: create index
-- kind: DDL/CREATE_INDEX
CREATE INDEX users_email_idx ON users (email)

-- case: grant
-- kind: DCL/GRANT
GRANT SELECT ON users TO reporting

-- case: revoke by keyword
-- kind: DCL
REVOKE SELECT ON users FROM reporting

-- case: begin
-- kind: TCL
BEGIN

-- case: start transaction
-- kind: TCL
START TRANSACTION ISOLATION LEVEL SERIALIZABLE

-- case: commit
-- kind: TCL/COMMIT
COMMIT

-- case: rollback
-- kind: TCL/ROLLBACK
ROLLBACK

-- case: savepoint
-- kind: TCL/SAVEPOINT
SAVEPOINT s1

-- case: set a setting
-- kind: UTILITY/SET
SET statement_timeout = 1000

-- case: set search path is reported
-- kind: UTILITY/SET
-- hazard: SESSION_VARIABLE
SET search_path TO other, public

-- case: show
-- kind: UTILITY/SHOW
SHOW work_mem

-- case: explain
-- kind: UTILITY/EXPLAIN
-- reads: users
EXPLAIN SELECT ssn FROM users

-- case: explain analyze of an update writes
-- kind: DML/EXPLAIN
-- writes: users
EXPLAIN ANALYZE UPDATE users SET salary = 1
