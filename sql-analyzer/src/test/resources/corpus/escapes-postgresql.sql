-- dialect: postgresql
-- JDBC escape syntax as pgjdbc translates it (Parser.replaceProcessing, EscapedFunctions2, modifyJdbcCall).

-- case: call escape
-- kind: UTILITY/CALL
-- hazard: CALL
-- routine: my_proc
-- fn: my_proc UNKNOWN
-- out: none
{call my_proc(?, ?)}

-- case: call escape with spaces, a qualified quoted name and a comment before it
-- kind: UTILITY/CALL
-- routine: public.My_Proc
/* job 7 */ { call public."My_Proc" (?, 'x') }

-- case: call escape without arguments
-- kind: UTILITY/CALL
-- routine: my_proc
{call my_proc}

-- case: call escape arguments are analyzed
-- kind: UTILITY/CALL
-- reads: users
-- use: WHERE users.id
{call my_proc((SELECT ssn FROM users WHERE id = ?))}

-- case: plain call
-- kind: UTILITY/CALL
-- hazard: CALL
-- routine: my_proc
CALL My_Proc(1)

-- case: function call escape of a built-in
-- kind: QUERY/CALL_FUNCTION
-- routine: upper
-- fn: upper SCALAR
-- out: result ~
-- hazards: none
{? = call upper(?)}

-- case: function call escape without spaces
-- kind: QUERY/CALL_FUNCTION
-- routine: lower
{?=call lower(?)}

-- case: function call escape of a user-defined function may be a procedure call (escapeSyntaxCallMode=call)
-- kind: QUERY/CALL_FUNCTION
-- fn: my_fn USER_DEFINED
-- hazard: CALL
-- routine: my_fn
{? = call my_fn(?)}

-- case: function call escape reading a column
-- kind: QUERY/CALL_FUNCTION
-- out: result ~ users.id, users.ssn
-- reads: users
{? = call upper((SELECT ssn FROM users WHERE id = ?))}

-- case: function call escape with a nested function escape
-- kind: QUERY/CALL_FUNCTION
-- fn: lower SCALAR
{? = call upper({fn lcase(?)})}

-- case: call escape followed by a query is not one pgjdbc reads as a call
-- unknown: must end with its argument list
{call my_proc(?) union select ssn from users}

-- case: function call escape needs its argument list
-- unknown: without an argument list
{? = call my_fn}

-- case: quote in an identifier of a call escape (pgjdbc would end the call elsewhere)
-- unknown: pgjdbc reads the arguments
{call my_proc("it's")}

-- case: call escape inside a statement stays a brace for the server
-- unknown: leaves the brace
SELECT {call my_proc()}

-- case: escape function renamed by the driver
-- out: upper ~ users.ssn
-- fn: upper SCALAR
SELECT {fn ucase(ssn)} FROM users

-- case: escape functions the driver rewrites into expressions
-- out: ?column? ~ users.name, users.ssn
-- out: coalesce ~ users.name, users.email
-- out: current_date ~
-- out: user ~
SELECT {fn concat(name, ssn)}, {fn ifnull(name, email)}, {fn curdate()}, {fn user()} FROM users

-- case: nested escape functions
-- out: x ~ users.ssn
-- fn: lower SCALAR
SELECT {fn ucase({fn lcase(ssn)})} AS x FROM users

-- case: an escape function the driver does not know is sent as written
-- fn: my_fn USER_DEFINED
SELECT {fn my_fn(ssn)} FROM users

-- case: timestampadd becomes an interval expression
-- out: ?column? ~ orders.created_at
SELECT {fn timestampadd(SQL_TSI_DAY, 1, created_at)} FROM orders

-- case: escape function with a wrong number of arguments is refused by the driver
-- unknown: takes 1 arguments
SELECT {fn ucase(ssn, name)} FROM users

-- case: date, time and timestamp literals
-- out: date ~
-- out: time ~
-- out: timestamp ~
SELECT {d '2024-01-01'}, {t '10:00:00'}, {ts '2024-01-01 10:00:00'} FROM users

-- case: outer join escape
-- out: name = users.name
-- out: amount = orders.amount
-- use: JOIN_ON users.id
SELECT u.name, o.amount FROM {oj users u LEFT OUTER JOIN orders o ON u.id = o.user_id}

-- case: like escape character
-- use: WHERE users.name
SELECT id FROM users WHERE name LIKE 'a!%' {escape '!'}

-- case: braces in strings and comments are not escapes
-- out: ?column? ~
SELECT '{fn ucase(ssn)}' /* {d 'x'} */ FROM users -- {oj

-- case: limit escape is not translated by pgjdbc
-- unknown: leaves the brace
SELECT name FROM users {limit 10}

-- case: pgjdbc needs the keyword right after the brace
-- unknown: leaves the brace
SELECT { fn ucase(ssn)} FROM users

-- case: text after an escape function's arguments
-- unknown: text after
SELECT {fn ucase(ssn) || 'x'} FROM users

-- case: a brace inside the outer join escape ends it for pgjdbc
-- unknown: unterminated string
SELECT u.id FROM {oj users u LEFT JOIN orders o ON o.note = '}'}
