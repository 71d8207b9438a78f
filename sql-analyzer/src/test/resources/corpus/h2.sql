-- dialect: h2
-- H2: upper-case folding, quoting, comments, H2 file and script functions.

-- case: plain columns fold to upper case
-- kind: QUERY/SELECT
-- reads: USERS
-- out: ID = USERS.ID
-- out: EMAIL = USERS.EMAIL
-- hazards: none
SELECT id, email FROM users

-- case: quoted lower-case name does not match
-- unknown: column ssn not found
SELECT "ssn" FROM users

-- case: quoted upper-case name matches
-- out: SSN = USERS.SSN
SELECT "SSN" FROM "USERS"

-- case: schema-qualified
-- out: SSN = USERS.SSN
SELECT PUBLIC.USERS.SSN FROM PUBLIC.USERS

-- case: catalog-qualified
-- out: SSN = USERS.SSN
SELECT ssn FROM test.public.users

-- case: alias folds
-- out: MAIL = USERS.EMAIL
SELECT email AS mail FROM users

-- case: quoted alias keeps case
-- out: Mail = USERS.EMAIL
SELECT email AS "Mail" FROM users

-- case: star
-- out: ID = USERS.ID
-- out: NAME = USERS.NAME
-- out: EMAIL = USERS.EMAIL
-- out: SSN = USERS.SSN
-- out: DEPT_ID = USERS.DEPT_ID
-- out: SALARY = USERS.SALARY
SELECT * FROM users

-- case: qualified star
-- out: ID = DEPTS.ID
-- out: NAME = DEPTS.NAME
-- out: BUDGET = DEPTS.BUDGET
SELECT d.* FROM depts d JOIN users u ON u.dept_id = d.id

-- case: function label
-- out: LOWER(EMAIL) ~ USERS.EMAIL
SELECT lower(email) FROM users

-- case: operator label
-- out: ID + 1 ~ USERS.ID
SELECT id + 1 FROM users

-- case: join using
-- out: ID = DEPTS.ID, USERS.ID
SELECT id FROM depts JOIN users USING (id)

-- case: derived table
-- out: E = USERS.EMAIL
SELECT x.e FROM (SELECT email AS e FROM users) x

-- case: cte
-- out: SSN = USERS.SSN
WITH c AS (SELECT ssn FROM users) SELECT ssn FROM c

-- case: recursive cte
-- out: ID = PEOPLE.ID
WITH RECURSIVE t (id) AS (SELECT id FROM people WHERE parent_id IS NULL UNION ALL SELECT p.id FROM people p JOIN t ON p.parent_id = t.id) SELECT id FROM t

-- case: union
-- out: EMAIL = USERS.EMAIL, AUDIT_LOG.EMAIL
SELECT email FROM users UNION SELECT email FROM audit_log

-- case: scalar subquery
-- out: S ~ USERS.SSN, USERS.ID, ORDERS.USER_ID
SELECT (SELECT ssn FROM users u WHERE u.id = o.user_id) AS s FROM orders o

-- case: window
-- out: R ~ USERS.DEPT_ID, USERS.SALARY
SELECT row_number() OVER (PARTITION BY dept_id ORDER BY salary) AS r FROM users

-- case: group by having
-- use: HAVING USERS.SALARY
SELECT dept_id, count(*) FROM users GROUP BY dept_id HAVING max(salary) > 1

-- case: top
-- bound: 5
SELECT TOP 5 id FROM users

-- case: limit
-- bound: 7
SELECT id FROM users LIMIT 7

-- case: fetch first
-- bound: 2
SELECT id FROM users FETCH FIRST 2 ROWS ONLY

-- case: view
-- reads: V_USERS, USERS
-- out: EMAIL = USERS.EMAIL
SELECT email FROM v_users

-- case: user-defined function
-- fn: my_fn USER_DEFINED
SELECT my_fn(ssn) FROM users

-- case: line comment with slashes
-- out: ID = USERS.ID
SELECT id FROM users // , ssn

-- case: nested block comment
-- out: ID = USERS.ID
SELECT id /* a /* b */ , ssn */ FROM users

-- case: dollar-quoted string
-- out: ID = USERS.ID
SELECT id FROM users WHERE name = $$it's$$

-- case: csvwrite exports
-- hazard: EXPORT
-- hazard: CALL
CALL CSVWRITE('/tmp/users.csv', 'SELECT * FROM USERS')

-- case: csvwrite in a select
-- hazard: EXPORT
SELECT CSVWRITE('/tmp/users.csv', 'SELECT * FROM USERS')

-- case: csvread as a table
-- unknown: csvread
-- hazard: FILE_ACCESS
SELECT * FROM CSVREAD('/tmp/users.csv')

-- case: file_read
-- hazard: FILE_ACCESS
SELECT FILE_READ('/etc/passwd')

-- case: file_write
-- hazard: EXPORT
SELECT FILE_WRITE('x', '/tmp/x')

-- case: link_schema
-- hazard: DYNAMIC_SQL
CALL LINK_SCHEMA('X', '', 'jdbc:h2:mem:', 'sa', '', 'PUBLIC')

-- case: script export
-- unknown: SCRIPT
-- hazard: EXPORT
SCRIPT TO '/tmp/dump.sql'

-- case: runscript
-- unknown: RUNSCRIPT
-- hazard: FILE_ACCESS
RUNSCRIPT FROM '/tmp/dump.sql'

-- case: sessions leak statements
-- unknown: not found
SELECT EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS

-- case: variable
-- hazard: SESSION_VARIABLE
SELECT @x

-- case: insert values
-- kind: DML/INSERT
-- flow: AUDIT_LOG.USER_ID ~
INSERT INTO audit_log (user_id) VALUES (1)

-- case: insert select
-- flow: AUDIT_LOG.EMAIL = USERS.SSN
INSERT INTO audit_log (email) SELECT ssn FROM users

-- case: update
-- flow: USERS.EMAIL ~ USERS.EMAIL
UPDATE users SET email = lower(email) WHERE id = 1

-- case: delete
-- kind: DML/DELETE
DELETE FROM users WHERE ssn = '1'

-- case: merge into using
-- kind: DML/MERGE
-- flow: AUDIT_LOG.EMAIL = USERS.EMAIL
MERGE INTO audit_log a USING users u ON a.user_id = u.id WHEN MATCHED THEN UPDATE SET email = u.email

-- case: create table as
-- flow: T2.SSN = USERS.SSN
CREATE TABLE t2 AS SELECT ssn FROM users

-- case: create view
-- kind: DDL/CREATE_VIEW
CREATE VIEW v2 AS SELECT email FROM users

-- case: alter
-- kind: DDL/ALTER_TABLE
ALTER TABLE users ADD COLUMN extra VARCHAR(10)

-- case: truncate
-- kind: DDL/TRUNCATE
TRUNCATE TABLE users

-- case: commit
-- kind: TCL/COMMIT
COMMIT

-- case: set a setting
-- kind: UTILITY/SET
SET LOCK_TIMEOUT 1000

-- case: hibernate select
-- out: ID = USERS.ID
-- out: SSN = USERS.SSN
select u1_0.id,u1_0.ssn from users u1_0 where u1_0.id=?

-- case: spark probe
-- out: ID = USERS.ID
SELECT * FROM (SELECT id FROM users) SPARK_GEN_SUBQ_0 WHERE 1=0

-- case: spark partition read with quoted names
-- out: ID = USERS.ID
-- out: SSN = USERS.SSN
SELECT "ID","SSN" FROM USERS WHERE "ID" >= 10 AND "ID" < 20

-- case: multiple statements
-- statements: 2
SELECT 1; SELECT ssn FROM users

-- case: group by a name that is both binds the output column
-- use: GROUP_BY USERS.NAME
-- nouse: GROUP_BY USERS.SSN
SELECT name AS ssn FROM users GROUP BY ssn

-- case: inside a group by expression only input columns are visible
-- use: GROUP_BY USERS.SSN
-- nouse: GROUP_BY USERS.NAME
SELECT max(name) AS ssn FROM users GROUP BY ssn || ''

-- case: order by an alias named like an input column binds the output column
-- use: ORDER_BY USERS.NAME
-- nouse: ORDER_BY USERS.SSN
SELECT name AS ssn FROM users ORDER BY ssn

-- case: group by a number is a constant
-- nouse: GROUP_BY USERS.SSN
SELECT ssn, count(*) FROM users GROUP BY 1

-- case: convert to a type is not parsed for H2
-- unknown: syntax error
SELECT CONVERT(ssn, VARCHAR) AS c FROM users

-- case: a WHERE that is false whatever the rows bounds the result to none
-- bound: 0
SELECT ID FROM USERS WHERE 1 = 0

-- case: schema probe returns no rows
-- bound: 0
SELECT * FROM users WHERE FALSE
