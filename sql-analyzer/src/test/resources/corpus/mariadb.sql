-- dialect: mariadb
-- MariaDB/MySQL: identifiers, strings, comments, executable comments, variables, exports, DML.

-- case: plain columns
-- kind: QUERY/SELECT
-- reads: users
-- out: id = users.id
-- out: email = users.email
-- hazards: none
SELECT id, email FROM users

-- case: column names ignore case and keep the written label
-- out: ID = users.id
-- out: Email = users.email
SELECT ID, Email FROM users

-- case: table names are case-sensitive
-- unknown: relation USERS not found
SELECT id FROM USERS

-- case: backtick quoting
-- out: ssn = users.ssn
SELECT `ssn` FROM `users`

-- case: database-qualified
-- out: ssn = users.ssn
SELECT app.users.ssn FROM app.users

-- case: fully qualified backticks as in view definitions
-- out: a = users.ssn
SELECT `app`.`users`.`ssn` AS `a` FROM `app`.`users`

-- case: expression label is the text as written
-- out: lower(email) ~ users.email
-- out: id  +  1 ~ users.id
SELECT lower(email), id  +  1 FROM users

-- case: string literal label is its value
-- out: abc ~
SELECT 'abc' FROM users

-- case: double quotes are strings
-- out: ssn ~
SELECT "ssn" FROM users

-- case: backslash escapes in strings
-- out: email = users.email
SELECT email FROM users WHERE name = 'it\'s'

-- case: backslash hides a quote
-- out: x ~
SELECT 'a\', ssn FROM users -- ' AS x

-- case: hash comment
-- out: id = users.id
SELECT id FROM users # , ssn

-- case: dash dash needs a space
-- unknown: disagree
SELECT 1--1

-- case: dash dash with space is a comment
-- out: id = users.id
SELECT id -- , ssn
FROM users

-- case: executable comment content is code
-- out: id = users.id
-- out: ssn = users.ssn
SELECT id /*! , ssn */ FROM users

-- case: versioned executable comment
-- out: id = users.id
-- out: ssn = users.ssn
SELECT id /*!50000 , ssn */ FROM users

-- case: mariadb-only executable comment
-- out: ssn = users.ssn
SELECT /*M! ssn */ FROM users

-- case: versioned mariadb executable comment
-- out: ssn = users.ssn
SELECT /*M!100101 ssn */ FROM users

-- case: optimizer hint comment is a comment
-- out: id = users.id
SELECT /*+ MAX_EXECUTION_TIME(1000) */ id FROM users

-- case: unterminated executable comment
-- unknown: unterminated
SELECT 1 /*! , ssn FROM users

-- case: join using
-- out: id = depts.id, users.id
SELECT id FROM depts JOIN users USING (id)

-- case: derived table
-- out: e = users.email
SELECT x.e FROM (SELECT email AS e FROM users) x

-- case: cte
-- out: ssn = users.ssn
WITH c AS (SELECT ssn FROM users) SELECT ssn FROM c

-- case: recursive cte
-- out: id = people.id
WITH RECURSIVE t AS (SELECT id FROM people WHERE parent_id IS NULL UNION ALL SELECT p.id FROM people p JOIN t ON p.parent_id = t.id) SELECT id FROM t

-- case: union
-- out: email = users.email, audit_log.email
SELECT email FROM users UNION SELECT email FROM audit_log

-- case: group_concat
-- out: group_concat(ssn) ~ users.ssn
-- fn: group_concat AGGREGATE
SELECT group_concat(ssn) FROM users

-- case: window function
-- out: r ~ users.salary
SELECT rank() OVER (ORDER BY salary) AS r FROM users

-- case: having by alias
-- out: d = users.dept_id
-- out: s ~ users.salary
-- use: HAVING users.salary
SELECT dept_id AS d, sum(salary) AS s FROM users GROUP BY dept_id HAVING s > 10

-- case: limit
-- bound: 10
SELECT id FROM users LIMIT 10

-- case: limit with offset comma form
-- bound: 10
SELECT id FROM users LIMIT 5, 10

-- case: view through its stored definition
-- reads: v_users, users
-- out: email = users.email
SELECT email FROM v_users

-- case: user-defined function
-- fn: my_fn USER_DEFINED
SELECT my_fn(ssn) FROM users

-- case: load_file
-- hazard: FILE_ACCESS
SELECT LOAD_FILE('/etc/passwd')

-- case: into outfile
-- kind: QUERY/SELECT_INTO_OUTFILE
-- hazard: EXPORT
SELECT ssn INTO OUTFILE '/tmp/ssn.txt' FROM users

-- case: into dumpfile
-- hazard: EXPORT
SELECT ssn INTO DUMPFILE '/tmp/ssn.bin' FROM users LIMIT 1

-- case: into a variable
-- unknown: not 
-- hazard: SESSION_VARIABLE
SELECT ssn INTO @v FROM users LIMIT 1

-- case: user variable read
-- unknown: not 
-- hazard: SESSION_VARIABLE
SELECT @v

-- case: user variable assignment in select is refused
-- unknown: not understood
-- hazard: SESSION_VARIABLE
SELECT @v := ssn FROM users

-- case: set a user variable from a query
-- unknown: not 
-- hazard: SESSION_VARIABLE
SET @v = (SELECT ssn FROM users LIMIT 1)

-- case: veil variable
-- hazard: RESERVED_NAME
SELECT @veil_key

-- case: veil system variable
-- hazard: RESERVED_NAME
SELECT @@session.veil_key

-- case: processlist
-- reads: PROCESSLIST
-- hazard: SYSTEM_RELATION
SELECT INFO FROM information_schema.PROCESSLIST

-- case: performance schema statements
-- unknown: not found
SELECT sql_text FROM performance_schema.events_statements_history

-- case: load data
-- unknown: not 
-- hazard: FILE_ACCESS
LOAD DATA INFILE '/tmp/x.csv' INTO TABLE users

-- case: handler
-- unknown: HANDLER
-- hazard: CURSOR
HANDLER users OPEN

-- case: handler read
-- unknown: not 
-- hazard: CURSOR
HANDLER users READ FIRST

-- case: show processlist
-- unknown: not 
-- hazard: LEAKY_SYSTEM_OBJECT
SHOW FULL PROCESSLIST

-- case: insert values
-- kind: DML/INSERT
-- flow: audit_log.user_id ~
-- flow: audit_log.email ~
INSERT INTO audit_log (user_id, email) VALUES (1, 'x')

-- case: insert select
-- flow: audit_log.email = users.ssn
INSERT INTO audit_log (email) SELECT ssn FROM users

-- case: insert on duplicate key update with values
-- flow: audit_log.id = users.id
-- flow: audit_log.email = users.ssn
-- flow: audit_log.email ~ users.ssn
INSERT INTO audit_log (id, email) SELECT id, ssn FROM users ON DUPLICATE KEY UPDATE email = VALUES(email)

-- case: insert set form
-- flow: audit_log.email ~
INSERT INTO audit_log SET email = 'x'

-- case: multi-table update
-- writes: users, orders
-- flow: users.email = orders.note
-- flow: orders.note = users.ssn
UPDATE users u JOIN orders o ON o.user_id = u.id SET u.email = o.note, o.note = u.ssn

-- case: update with limit
-- kind: DML/UPDATE
UPDATE users SET salary = 0 ORDER BY id LIMIT 10

-- case: multi-table delete
-- writes: users
-- reads: users, orders
DELETE u FROM users u JOIN orders o ON o.user_id = u.id WHERE o.amount > 10

-- case: delete
-- kind: DML/DELETE
DELETE FROM users WHERE id = 1

-- case: create table as select
-- kind: DDL/CREATE_TABLE_AS
-- flow: t2.ssn = users.ssn
CREATE TABLE t2 AS SELECT ssn FROM users

-- case: create table like
-- kind: DDL/CREATE_TABLE
CREATE TABLE t3 LIKE users

-- case: create view
-- kind: DDL/CREATE_VIEW
-- flow: v2.email = users.email
CREATE VIEW v2 AS SELECT email FROM users

-- case: drop
-- kind: DDL/DROP
DROP TABLE users

-- case: use database
-- kind: UTILITY/USE
USE other

-- case: start transaction
-- kind: TCL
START TRANSACTION

-- case: compound block is code
-- unknown: BEGIN
-- hazard: CODE_BLOCK
BEGIN NOT ATOMIC SELECT 1; END

-- case: call
-- hazard: CALL
CALL my_proc()

-- case: hibernate select
-- out: id = users.id
-- out: email = users.email
select u1_0.id,u1_0.email from users u1_0 where u1_0.id=?

-- case: spark probe with backticks
-- out: id = users.id
-- out: ssn = users.ssn
SELECT * FROM (SELECT `id`, `ssn` FROM users) SPARK_GEN_SUBQ_0 WHERE 1=0

-- case: spark partition read
-- out: id = users.id
-- out: ssn = users.ssn
SELECT `id`,`ssn` FROM users WHERE `id` >= 100 AND `id` < 200

-- case: multiple statements
-- statements: 2
SELECT 1; SELECT ssn FROM users

-- case: replace values
-- kind: DML/REPLACE
-- writes: audit_log
-- flow: audit_log.user_id ~
-- flow: audit_log.email ~
REPLACE INTO audit_log (user_id, email) VALUES (1, 'x')

-- case: replace select copies a column
-- kind: DML/REPLACE
-- flow: audit_log.email = users.ssn
REPLACE INTO audit_log (email) SELECT ssn FROM users

-- case: dual has no columns
-- out: 1 ~
SELECT 1 FROM DUAL

-- case: procedure analyse reports statistics of values
-- unknown: PROCEDURE ANALYSE
SELECT ssn FROM users PROCEDURE ANALYSE()

-- case: trailing into variable
-- hazard: SESSION_VARIABLE
SELECT ssn FROM users WHERE id = 1 INTO @x

-- case: union with a file read
-- hazard: FILE_ACCESS
-- out: ssn ~ users.ssn
SELECT ssn FROM users UNION ALL SELECT LOAD_FILE('/etc/passwd')

-- case: group_concat with order and separator
-- out: GROUP_CONCAT(ssn ORDER BY id SEPARATOR ';') ~ users.ssn, users.id
SELECT GROUP_CONCAT(ssn ORDER BY id SEPARATOR ';') FROM users

-- case: if over a sensitive column
-- out: IF(ssn > '1', 'a', 'b') ~ users.ssn
SELECT IF(ssn > '1', 'a', 'b') FROM users

-- case: natural join star
-- out: id = users.id, audit_log.id
-- out: email = users.email, audit_log.email
-- out: name = users.name
-- out: ssn = users.ssn
-- out: dept_id = users.dept_id
-- out: salary = users.salary
-- out: user_id = audit_log.user_id
-- out: at = audit_log.at
SELECT * FROM users NATURAL JOIN audit_log

-- case: a column in a position the resolver does not walk is caught by the completeness check
-- unknown: unsupported position
SELECT ssn MEMBER OF ('[1]') FROM users

-- case: order by an alias named like an input column binds the output column
-- use: ORDER_BY users.name
-- nouse: ORDER_BY users.ssn
SELECT name AS ssn FROM users ORDER BY ssn

-- case: inside an order by expression an input column comes first
-- use: ORDER_BY users.ssn
-- nouse: ORDER_BY users.name
SELECT name AS ssn FROM users ORDER BY concat(ssn, '')

-- case: inside an order by expression an alias is visible when no input column has its name
-- use: ORDER_BY users.ssn
SELECT upper(ssn) AS s FROM users ORDER BY concat(s, '')

-- case: group by a name that is both binds the input column
-- use: GROUP_BY users.ssn
-- nouse: GROUP_BY users.name
SELECT name AS ssn FROM users GROUP BY ssn

-- case: having a name that could be the alias or the input column is refused
-- unknown: could be the output column or the input column
SELECT name AS ssn, count(*) FROM users GROUP BY name HAVING ssn > '1'

-- case: having a name that is the same column either way
-- use: HAVING users.ssn
SELECT ssn FROM users GROUP BY ssn HAVING ssn > '1'

-- case: window order by an alias is refused (MariaDB binds the alias)
-- unknown: window clause names the select-list alias ssn
SELECT name AS ssn, rank() OVER (ORDER BY ssn) AS r FROM users

-- case: window partition by a name that is both binds the input column
-- use: WINDOW_PARTITION users.ssn
-- nouse: WINDOW_PARTITION users.name
SELECT name AS ssn, rank() OVER (PARTITION BY ssn ORDER BY id) AS r FROM users

-- case: window order by the selected column itself
-- use: WINDOW_ORDER users.ssn
SELECT ssn, rank() OVER (ORDER BY ssn) AS r FROM users

-- case: order by a window alias after the select list
-- use: ORDER_BY users.salary
SELECT name, rank() OVER (ORDER BY salary) AS r FROM users ORDER BY r

-- case: convert to a type reads its first argument (the parser has them the other way round)
-- out: CONVERT(ssn, CHAR) ~ users.ssn
SELECT CONVERT(ssn, CHAR) FROM users

-- case: convert of a qualified column to a type named like a column
-- out: d ~ users.ssn
SELECT CONVERT(u.ssn, DATE) AS d FROM users u

-- case: convert with a charset
-- out: c ~ users.ssn
SELECT CONVERT(ssn USING utf8mb4) AS c FROM users

-- case: convert of an expression is refused rather than misread
-- unknown: CONVERT(value, type) form
SELECT CONVERT(lower(ssn), CHAR) FROM users

-- case: migration tool named lock
-- fn: get_lock SCALAR
SELECT GET_LOCK('flyway', 10)

-- case: show variables stays unknown
-- unknown: not analyzed
-- hazard: LEAKY_SYSTEM_OBJECT
SHOW VARIABLES LIKE 'max_allowed_packet'

-- case: a WHERE that is false whatever the rows bounds the result to none
-- bound: 0
SELECT id FROM users WHERE 1 <> 1

-- case: WHERE FALSE
-- bound: 0
SELECT id FROM users WHERE FALSE

-- case: schema probe returns no rows
-- bound: 0
SELECT * FROM users WHERE 1=0
