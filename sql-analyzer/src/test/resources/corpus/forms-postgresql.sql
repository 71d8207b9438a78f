-- dialect: postgresql
-- Functions the parser reads specially, and table functions: their columns as PostgreSQL names them.

-- case: overlay … placing … from … for
-- out: overlay ~ users.name
-- fn: overlay SCALAR
SELECT overlay(name placing 'x' from 2 for 3) FROM users

-- case: json_each returns key and value
-- out: key ~
-- out: value ~
SELECT * FROM json_each('{}')

-- case: json_array_elements returns value
-- out: value ~
SELECT value FROM json_array_elements('[1]')

-- case: unnest of two arrays returns two columns
-- out: unnest ~
-- out: unnest ~
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b'])

-- case: ALTER INDEX renames any relation: the table is reported as changed
-- kind: DDL/ALTER_INDEX
-- writes: users
ALTER INDEX users RENAME TO clients

-- case: ALTER SEQUENCE names the relation it changes
-- kind: DDL/ALTER_SEQUENCE
-- writes: users
ALTER SEQUENCE users RENAME TO clients
