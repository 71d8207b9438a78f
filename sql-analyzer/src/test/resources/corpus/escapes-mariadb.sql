-- dialect: mariadb
-- JDBC escape syntax as MariaDB Connector/J translates it (NativeSql, prepareCall).

-- case: call escape
-- kind: UTILITY/CALL
-- hazard: CALL
-- routine: my_proc
{call my_proc(?, ?)}

-- case: call escape with a nested function escape
-- kind: UTILITY/CALL
-- fn: lcase SCALAR
{CALL app.my_proc({fn lcase(?)})}

-- case: function call escape is SELECT f(args)
-- kind: QUERY/CALL_FUNCTION
-- routine: upper
-- out: upper(?) ~
-- hazards: none
{? = call upper(?)}

-- case: function call escape of a user-defined function
-- kind: QUERY/CALL_FUNCTION
-- fn: my_fn USER_DEFINED
-- routine: my_fn
{? = call my_fn(?)}

-- case: escapes in a function call escape reach the server untranslated
-- unknown: untranslated
{? = call upper({fn lcase(?)})}

-- case: escape function keeps its name
-- out: ucase(ssn) ~ users.ssn
SELECT {fn ucase(ssn)} FROM users

-- case: convert types are translated
-- out: convert(ssn, CHAR) ~ users.ssn
SELECT {fn convert(ssn, SQL_VARCHAR)} FROM users

-- case: convert to double depends on the server
-- unknown: DOUBLE
SELECT {fn convert(salary, SQL_DOUBLE)} FROM users

-- case: timestampadd interval names are translated
-- out: timestampadd(DAY, 1, created_at) ~ orders.created_at
SELECT {fn timestampadd(SQL_TSI_DAY, 1, created_at)} FROM orders

-- case: date literal is a string
-- out: 2024-01-01 ~
SELECT {d '2024-01-01'} FROM users

-- case: outer join escape
-- out: name = users.name
SELECT u.name FROM {oj users u LEFT OUTER JOIN orders o ON u.id = o.user_id}

-- case: upper-case escape keyword is refused by the driver
-- unknown: does not know
SELECT {FN ucase(ssn)} FROM users

-- case: like escape is not supported by the driver
-- unknown: does not know
SELECT id FROM users WHERE name LIKE 'a!%' {escape '!'}

-- case: the driver reads -- without a space as a comment, the server as minus
-- unknown: leaves the brace
SELECT 1--1, {fn ucase(ssn)} FROM users

-- case: escapes in executable comments are code
-- out: id = users.id
-- out: ucase(ssn) ~ users.ssn
SELECT id /*! , {fn ucase(ssn)} */ FROM users

-- case: hibernate contains search with a parameter before ||
-- use: WHERE users.email
select u1_0.id from users u1_0 where u1_0.email like ('%'||?||'%')
