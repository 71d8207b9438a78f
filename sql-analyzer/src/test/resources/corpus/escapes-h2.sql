-- dialect: h2
-- JDBC escape syntax as H2's driver translates it (JdbcConnection.translateSQL).

-- case: call escape
-- kind: UTILITY/CALL
-- hazard: CALL
-- routine: MY_PROC
{call my_proc(?, ?)}

-- case: function call escape
-- kind: QUERY/CALL_FUNCTION
-- routine: UPPER
-- fn: upper SCALAR
-- hazards: none
{? = call upper(?)}

-- case: escape function
-- out: X ~ USERS.SSN
SELECT {fn ucase(ssn)} AS x FROM users

-- case: date, time and timestamp literals
-- out: DATE '2024-01-01' ~
-- out: TIMESTAMP '2024-01-01 10:00:00' ~
SELECT {d '2024-01-01'}, {ts '2024-01-01 10:00:00'} FROM users

-- case: limit escape
-- out: NAME = USERS.NAME
SELECT name FROM users {limit 10}

-- case: outer join escape
-- out: NAME = USERS.NAME
SELECT u.name FROM {oj users u LEFT OUTER JOIN orders o ON u.id = o.user_id}

-- case: the driver does not nest comments, the server does
-- unknown: brace
SELECT id /* /* */ , {fn ucase(ssn)} */ FROM users

-- case: hibernate contains search with a parameter before ||
-- use: WHERE USERS.EMAIL
select u1_0.id from users u1_0 where u1_0.email like ('%'||?||'%')

-- case: in-list as an array parameter
-- fn: any SCALAR
select u1_0.id from users u1_0 where u1_0.id=any(?)
