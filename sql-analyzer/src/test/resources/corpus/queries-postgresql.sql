-- dialect: postgresql
-- Queries: resolution of names, stars, aliases, subqueries, CTEs, set operations, windows, views, labels.

-- case: plain columns
-- kind: QUERY/SELECT
-- reads: users
-- out: id = users.id
-- out: email = users.email
-- hazards: none
SELECT id, email FROM users

-- case: unquoted names fold to lower case
-- out: id = users.id
-- out: email = users.email
SELECT ID, Email FROM USERS

-- case: quoted names are exact
-- out: email = users.email
SELECT "email" FROM "users"

-- case: quoted upper-case name does not match
-- unknown: column EMAIL not found
SELECT "EMAIL" FROM users

-- case: schema and database qualified
-- out: ssn = users.ssn
SELECT app.public.users.ssn FROM app.public.users

-- case: cross-database reference refused
-- unknown: cross-database reference
SELECT 1 FROM otherdb.public.users

-- case: column alias and table alias
-- out: mail = users.email
-- out: who = users.name
SELECT u.email AS mail, u.name who FROM users u

-- case: quoted alias keeps case
-- out: Mail = users.email
SELECT email AS "Mail" FROM users

-- case: star in ordinal order
-- out: id = users.id
-- out: name = users.name
-- out: email = users.email
-- out: ssn = users.ssn
-- out: dept_id = users.dept_id
-- out: salary = users.salary
SELECT * FROM users

-- case: qualified star of one table in a join
-- out: id = depts.id
-- out: name = depts.name
-- out: budget = depts.budget
-- out: email = users.email
SELECT d.*, u.email FROM users u JOIN depts d ON d.id = u.dept_id

-- case: star over a join keeps both tables
-- out: id = depts.id
-- out: name = depts.name
-- out: budget = depts.budget
-- out: id = orders.id
-- out: user_id = orders.user_id
-- out: amount = orders.amount
-- out: note = orders.note
-- out: created_at = orders.created_at
SELECT * FROM depts CROSS JOIN orders

-- case: join using merges the column and puts it first
-- out: id = depts.id, users.id
-- out: name = depts.name
-- out: budget = depts.budget
-- out: name = users.name
-- out: email = users.email
-- out: ssn = users.ssn
-- out: dept_id = users.dept_id
-- out: salary = users.salary
-- use: JOIN_USING users.id
SELECT * FROM depts JOIN users USING (id)

-- case: natural join merges common columns
-- out: id = depts.id, users.id
-- out: name = depts.name, users.name
-- out: budget = depts.budget
-- out: email = users.email
-- out: ssn = users.ssn
-- out: dept_id = users.dept_id
-- out: salary = users.salary
SELECT * FROM depts NATURAL JOIN users

-- case: unqualified using column after join
-- out: id = depts.id, users.id
SELECT id FROM depts JOIN users USING (id)

-- case: ambiguous column refused
-- unknown: column id is ambiguous
SELECT id FROM users, orders

-- case: unknown column refused
-- unknown: column nope not found
SELECT nope FROM users

-- case: unknown table refused
-- unknown: relation missing not found
SELECT * FROM missing

-- case: expression label is the function name
-- out: lower ~ users.email
-- out: upper ~ users.name
-- fn: lower SCALAR
SELECT lower(email), UPPER(name) FROM users

-- case: operator expression label is ?column?
-- out: ?column? ~ users.name, users.email
SELECT name || email FROM users

-- case: cast keeps the column name as label
-- out: salary ~ users.salary
-- out: text ~
SELECT salary::text, 'x'::text FROM users

-- case: case expression label
-- out: case ~ users.ssn, users.name
SELECT CASE WHEN ssn LIKE '1%' THEN name ELSE 'x' END FROM users

-- case: coalesce over two columns
-- out: coalesce ~ users.email, users.ssn
SELECT coalesce(email, ssn) FROM users

-- case: constant and count star have no sources
-- out: ?column? ~
-- out: count ~
SELECT 1, count(*) FROM users

-- case: aggregate of a sensitive column
-- out: max ~ users.ssn
-- fn: max AGGREGATE
SELECT max(ssn) FROM users

-- case: derived table carries lineage
-- out: e = users.email
SELECT x.e FROM (SELECT email AS e FROM users) x

-- case: derived table with expression
-- out: m ~ users.email
SELECT m FROM (SELECT lower(email) AS m FROM users) AS sub

-- case: derived table column alias list
-- out: a = users.id
-- out: b = users.ssn
SELECT a, b FROM (SELECT id, ssn FROM users) AS t (a, b)

-- case: nested derived tables
-- out: z = users.ssn
SELECT z FROM (SELECT y AS z FROM (SELECT ssn AS y FROM users) a) b

-- case: scalar subquery in select list
-- out: s ~ users.ssn, users.id, orders.user_id
-- out: id = orders.id
SELECT (SELECT ssn FROM users WHERE users.id = o.user_id) AS s, o.id FROM orders o

-- case: correlated exists in select list carries the subquery's columns
-- out: exists ~ users.id, users.ssn, orders.user_id
SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id AND u.ssn LIKE '9%') FROM orders o

-- case: in subquery in where
-- out: amount = orders.amount
-- use: WHERE orders.user_id
-- use: WHERE users.ssn
SELECT amount FROM orders WHERE user_id IN (SELECT id FROM users WHERE ssn = '1')

-- case: simple cte
-- out: ssn = users.ssn
WITH c AS (SELECT ssn FROM users) SELECT * FROM c

-- case: cte with column names
-- out: x = users.email
WITH c (x) AS (SELECT email FROM users) SELECT x FROM c

-- case: cte shadows a table name
-- out: id = orders.id
-- reads: orders
WITH users AS (SELECT id FROM orders) SELECT id FROM users

-- case: cte referencing earlier cte
-- out: e ~ users.email
WITH a AS (SELECT email FROM users), b AS (SELECT upper(email) AS e FROM a) SELECT e FROM b

-- case: recursive cte
-- out: id = people.id
-- out: ssn = people.ssn
WITH RECURSIVE tree AS (
  SELECT id, ssn FROM people WHERE parent_id IS NULL
  UNION ALL
  SELECT p.id, p.ssn FROM people p JOIN tree t ON p.parent_id = t.id)
SELECT id, ssn FROM tree

-- case: recursive cte whose recursive branch pulls another column
-- out: n ~ people.name, people.ssn
WITH RECURSIVE r (n) AS (SELECT name FROM people UNION ALL SELECT lower(r.n || p.ssn) FROM r, people p WHERE false)
SELECT n FROM r

-- case: union unions every branch
-- out: email = users.email, audit_log.email
SELECT email FROM users UNION SELECT email FROM audit_log

-- case: union with expression in later branch
-- out: v ~ users.ssn, users.email
SELECT ssn AS v FROM users UNION ALL SELECT lower(email) FROM users

-- case: intersect and except
-- out: id = users.id, orders.user_id, audit_log.user_id
SELECT id FROM users INTERSECT SELECT user_id FROM orders EXCEPT SELECT user_id FROM audit_log

-- case: union order by output name
-- out: email = users.email, audit_log.email
-- use: ORDER_BY users.email
SELECT email FROM users UNION SELECT email FROM audit_log ORDER BY email

-- case: set operation branch count mismatch
-- unknown: column count
SELECT id, email FROM users UNION SELECT id FROM orders

-- case: window function
-- out: rn ~ users.dept_id, users.salary
-- use: WINDOW_PARTITION users.dept_id
-- use: WINDOW_ORDER users.salary
-- fn: row_number WINDOW
SELECT row_number() OVER (PARTITION BY dept_id ORDER BY salary DESC) AS rn FROM users

-- case: aggregate window
-- out: sum ~ users.salary, users.dept_id
SELECT sum(salary) OVER (PARTITION BY dept_id) FROM users

-- case: named window
-- out: rank ~ users.salary
SELECT rank() OVER w FROM users WINDOW w AS (ORDER BY salary)

-- case: lateral subquery
-- out: name = users.name
-- out: amount = orders.amount
SELECT u.name, o.amount FROM users u, LATERAL (SELECT amount FROM orders WHERE orders.user_id = u.id) o

-- case: values in from
-- out: a ~
-- out: b ~
SELECT a, b FROM (VALUES (1, 'x'), (2, 'y')) AS v (a, b)

-- case: bare values
-- out: column1 ~
-- out: column2 ~
VALUES (1, 'a')

-- case: generate_series table function
-- out: g ~
SELECT g FROM generate_series(1, 10) AS g

-- case: unnest of a column
-- out: x ~ users.email
SELECT x FROM users, unnest(ARRAY[users.email]) AS x

-- case: group by and having
-- out: dept_id = users.dept_id
-- out: avg ~ users.salary
-- use: GROUP_BY users.dept_id
-- use: HAVING users.salary
SELECT dept_id, avg(salary) FROM users GROUP BY dept_id HAVING max(salary) > 10

-- case: order by output alias
-- out: s = users.ssn
-- use: ORDER_BY users.ssn
SELECT ssn AS s FROM users ORDER BY s

-- case: order by position
-- use: ORDER_BY users.email
SELECT id, email FROM users ORDER BY 2

-- case: distinct on
-- use: DISTINCT_ON users.dept_id
-- out: dept_id = users.dept_id
-- out: name = users.name
SELECT DISTINCT ON (dept_id) dept_id, name FROM users ORDER BY dept_id, salary

-- case: limit and offset
-- bound: 5
SELECT id FROM users ORDER BY id LIMIT 5 OFFSET 10

-- case: fetch first
-- bound: 3
SELECT id FROM users FETCH FIRST 3 ROWS ONLY

-- case: view resolved to base columns
-- reads: v_users, users
-- out: name = users.name
-- use: WHERE users.dept_id
SELECT name FROM v_users

-- case: view star
-- out: id = users.id
-- out: name = users.name
-- out: email = users.email
SELECT * FROM v_users

-- case: view with join and expression
-- reads: v_user_orders, users, orders
-- out: mail ~ users.email
-- out: amount = orders.amount
SELECT mail, amount FROM v_user_orders

-- case: view over a view
-- reads: v_nested, v_user_orders, users, orders
-- out: n = users.name
-- out: mail ~ users.email
SELECT * FROM v_nested

-- case: cyclic views are refused
-- unknown: views nested deeper
SELECT * FROM v_cycle_a

-- case: whole row as a value
-- whole: users
-- out: t ~ users.id, users.name, users.email, users.ssn, users.dept_id, users.salary
SELECT t FROM users t

-- case: row_to_json of a whole row
-- whole: users
-- out: row_to_json ~ users.id, users.name, users.email, users.ssn, users.dept_id, users.salary
SELECT row_to_json(u) FROM users u

-- case: to_jsonb of t star
-- whole: users
SELECT to_jsonb(u.*) FROM users u

-- case: field of a whole row
-- whole: users
-- out: ssn ~ users.id, users.name, users.email, users.ssn, users.dept_id, users.salary
SELECT (u).ssn FROM users u

-- case: whole row in a where clause
-- whole: users
SELECT 1 FROM users u WHERE u IS NOT NULL

-- case: user-defined function
-- fn: my_fn USER_DEFINED
-- out: my_fn ~ users.ssn
SELECT my_fn(ssn) FROM users

-- case: unknown function
-- fn: mystery UNKNOWN
SELECT mystery(ssn) FROM users

-- case: schema-qualified built-in
-- fn: pg_catalog.lower SCALAR
SELECT pg_catalog.lower(email) FROM users

-- case: schema-qualified user function
-- fn: public.my_fn USER_DEFINED
SELECT public.my_fn(email) FROM users

-- case: current_date keyword
-- out: current_date ~
SELECT current_date

-- case: extract and date arithmetic
-- out: year ~ orders.created_at
SELECT extract(year FROM created_at) AS year FROM orders WHERE created_at > now() - interval '1 day'

-- case: string_agg with order by inside
-- out: string_agg ~ users.email, users.ssn
SELECT string_agg(email, ',' ORDER BY ssn) FROM users

-- case: filter clause
-- out: count ~ users.ssn
SELECT count(*) FILTER (WHERE ssn IS NOT NULL) FROM users

-- case: array subscripts
-- out: a ~ users.email
SELECT (ARRAY[email])[1] AS a FROM users

-- case: jsonb operators
-- out: ?column? ~ users.email
SELECT to_jsonb(email) ->> 'x' FROM users

-- case: parenthesized join
-- out: name = users.name
-- out: amount = orders.amount
SELECT u.name, o.amount FROM (users u JOIN orders o ON o.user_id = u.id)

-- case: left join with condition
-- out: name = depts.name
-- out: email = users.email
-- use: JOIN_ON users.dept_id
SELECT d.name, u.email FROM depts d LEFT JOIN users u ON u.dept_id = d.id AND u.salary > 0

-- case: self join
-- out: child = people.name
-- out: parent = people.name
SELECT c.name AS child, p.name AS parent FROM people c JOIN people p ON c.parent_id = p.id

-- case: pg_stats leaks values
-- reads: pg_stats
-- hazard: SYSTEM_RELATION
SELECT most_common_vals FROM pg_stats WHERE tablename = 'users'

-- case: pg_catalog relation
-- hazard: SYSTEM_RELATION
-- out: relname = pg_class.relname
SELECT relname FROM pg_catalog.pg_class

-- case: pg_stat_activity unknown to the catalog
-- unknown: relation pg_stat_activity not found
SELECT query FROM pg_stat_activity

-- case: multiple statements
-- statements: 3
-- out: ssn = users.ssn
SELECT ssn FROM users; SELECT 1; SELECT email FROM users;

-- case: trailing semicolon and comments
-- statements: 1
-- out: id = users.id
SELECT id FROM users; -- trailing comment

-- case: limit with parameter
SELECT id FROM users LIMIT ?

-- case: jdbc parameters
-- use: WHERE users.ssn
SELECT id FROM users WHERE ssn = ? AND id > ?

-- case: for update of an alias
-- out: ssn = users.ssn
SELECT ssn FROM users u FOR UPDATE OF u

-- case: for share
-- out: ssn = users.ssn
SELECT ssn FROM users FOR SHARE

-- case: trim without a trim character
-- out: rtrim ~ users.name
-- out: ltrim ~ users.email
SELECT trim(trailing from name), trim(leading from email) FROM users

-- case: a WHERE that is false whatever the rows bounds the result to none
-- kind: QUERY/SELECT
-- bound: 0
SELECT id, email FROM users WHERE 1 = 0

-- case: WHERE false, and a false conjunct
-- bound: 0
SELECT id FROM users WHERE (false) AND id > 3

-- case: a true WHERE bounds nothing
-- bound: -1
SELECT id FROM users WHERE 1 = 1 OR 1 = 0

-- case: a parameter never counts as a constant
-- bound: -1
SELECT id FROM users WHERE ? = ?

-- case: LIMIT 0
-- bound: 0
SELECT id FROM users LIMIT 0

-- case: a branch's LIMIT does not bound a set operation
-- bound: -1
(SELECT id FROM users LIMIT 1) UNION ALL SELECT id FROM users

-- case: a branch's empty WHERE does not bound a set operation
-- bound: -1
SELECT id FROM users WHERE 1 = 0 UNION ALL SELECT id FROM users

-- case: the set operation's own LIMIT bounds it
-- bound: 5
SELECT id FROM users UNION SELECT id FROM users LIMIT 5

-- case: an aggregate over no rows is still one row
-- bound: 1
SELECT count(*) FROM users WHERE 1 = 0

-- case: probe in a subquery bounds nothing
-- bound: -1
SELECT id FROM users WHERE id IN (SELECT id FROM users WHERE 1 = 0) OR id > 0
