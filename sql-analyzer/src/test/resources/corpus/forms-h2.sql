-- dialect: h2
-- Statement forms the parser reads only in part, and table functions: their columns as H2 names them.

-- case: MERGE … KEY with VALUES is an upsert
-- kind: DML/UPSERT
-- writes: DEPTS
-- flow: DEPTS.ID ~
-- flow: DEPTS.NAME ~
MERGE INTO depts (id, name) KEY(id) VALUES (1, 'a'), (2, 'b')

-- case: MERGE … KEY without a column list
-- kind: DML/UPSERT
MERGE INTO depts KEY(id) VALUES (1, 'a', 2)

-- case: MERGE … KEY from a query carries the query's lineage
-- kind: DML/UPSERT
-- flow: DEPTS.ID = USERS.ID
-- flow: DEPTS.NAME = USERS.EMAIL
MERGE INTO depts (id, name) KEY(id) SELECT id, email FROM users

-- case: MERGE … KEY naming a key column the table lacks
-- unknown: column NOSUCH not found
MERGE INTO depts (id, name) KEY(nosuch) VALUES (1, 'a')

-- case: SYSTEM_RANGE returns X
-- out: X ~
SELECT * FROM SYSTEM_RANGE(1, 10)

-- case: SYSTEM_RANGE's X by name, with an alias
-- out: X ~
SELECT r.X FROM SYSTEM_RANGE(1, 10, 2) r

-- case: UNNEST of two arrays returns C1 and C2
-- out: C1 ~
-- out: C2 ~
SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b'])

-- case: JSON_OBJECTAGG reads its key and its value
-- out: J ~ USERS.EMAIL, USERS.NAME
SELECT JSON_OBJECTAGG(name: email) AS j FROM users
