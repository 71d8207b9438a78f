-- dialect: mariadb
-- Statement forms the parser reads only in part, and functions it reads specially.

-- case: CREATE TABLE … SELECT without AS
-- kind: DDL/CREATE_TABLE_AS
-- reads: depts
-- writes: t
-- flow: t.id = depts.id
-- flow: t.name = depts.name
CREATE TABLE t SELECT id, name FROM depts

-- case: CREATE TEMPORARY TABLE IF NOT EXISTS … IGNORE SELECT carries the query's lineage
-- kind: DDL/CREATE_TABLE_AS
-- flow: t.id = users.id
-- flow: t.ssn = users.ssn
CREATE TEMPORARY TABLE IF NOT EXISTS t IGNORE SELECT id, ssn FROM users

-- case: CREATE TABLE with column definitions and a SELECT is not read
-- unknown: DDL containing SELECT
CREATE TABLE t (x int) SELECT id FROM depts

-- case: JSON_OBJECTAGG reads its key and its value
-- out: JSON_OBJECTAGG(name, email) ~ users.email, users.name
SELECT JSON_OBJECTAGG(name, email) FROM users

-- case: EXTRACTVALUE of a column
-- out: EXTRACTVALUE(name, '/a') ~ depts.name
-- fn: extractvalue SCALAR
SELECT EXTRACTVALUE(name, '/a') FROM depts

-- case: PARTITION (…) selects partitions of the same table
-- reads: users
-- out: id = users.id
-- out: ssn = users.ssn
SELECT id, ssn FROM users PARTITION (p0, p1)

-- case: PARTITION (…) with a qualified column
-- out: ssn = users.ssn
SELECT users.ssn FROM users PARTITION (p0) WHERE users.id = 1
