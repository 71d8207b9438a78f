-- dialect: postgresql
-- Forms that try to hide where a value comes from, and statements that move data around the analysis.

-- case: alias disguises a sensitive column
-- out: email = users.ssn
SELECT ssn AS email FROM users

-- case: derived table named like the table
-- out: email = users.ssn
SELECT email FROM (SELECT ssn AS email FROM users) users

-- case: order by an alias named like an input column binds the output column
-- out: ssn = users.name
-- use: ORDER_BY users.name
-- nouse: ORDER_BY users.ssn
SELECT name AS ssn FROM users ORDER BY ssn

-- case: inside an order by expression the same name is the input column
-- out: ssn = users.name
-- use: ORDER_BY users.ssn
-- nouse: ORDER_BY users.name
SELECT name AS ssn FROM users ORDER BY ssn || ''

-- case: group by a name that is both binds the input column
-- out: ssn = users.ssn
-- use: GROUP_BY users.ssn
-- nouse: GROUP_BY users.name
SELECT ssn FROM users GROUP BY ssn ORDER BY ssn

-- case: group by an alias only
-- out: s ~ users.ssn
-- use: GROUP_BY users.ssn
SELECT upper(ssn) AS s FROM users GROUP BY s

-- case: distinct on binds the output column
-- use: DISTINCT_ON users.name
-- nouse: DISTINCT_ON users.ssn
SELECT DISTINCT ON (ssn) name AS ssn, id FROM users ORDER BY ssn, id

-- case: having sees input columns only
-- unknown: column s not found
SELECT upper(ssn) AS s FROM users GROUP BY ssn HAVING s > '1'

-- case: window clauses see input columns only
-- use: WINDOW_ORDER users.ssn
-- nouse: WINDOW_ORDER users.name
SELECT name AS ssn, rank() OVER (ORDER BY ssn) AS r FROM users

-- case: correlated subquery without from
-- out: s ~ users.ssn
SELECT (SELECT ssn) AS s FROM users

-- case: array subquery
-- out: array ~ users.ssn
SELECT ARRAY(SELECT ssn FROM users)

-- case: chained casts
-- out: ssn ~ users.ssn
SELECT ssn::text::varchar FROM users

-- case: lateral reads the outer row
-- out: s = users.ssn
SELECT x.s FROM users u, LATERAL (SELECT u.ssn AS s) x

-- case: row constructor of a whole row
-- whole: users
SELECT ROW(u.*) FROM users u

-- case: aggregate of whole rows
-- whole: users
SELECT json_agg(u) FROM users u

-- case: format hides a column in an argument
-- out: format ~ users.ssn
SELECT format('%s', ssn) FROM users

-- case: unicode-escaped identifier resolves to the real column
-- out: ssn = users.ssn
SELECT U&"\0073sn" FROM users

-- case: unicode escape with uescape
-- out: ssn = users.ssn
SELECT U&"!0073sn" UESCAPE '!' FROM users

-- case: backslash is not an escape in a standard string
-- out: ?column? ~
-- out: ssn = users.ssn
SELECT 'a\', ssn FROM users --'

-- case: escape string swallows what looks like code
-- out: x ~
SELECT E'\', ssn FROM users --' AS x

-- case: dollar-quoted string hides a quote
-- out: ?column? ~
-- out: ssn = users.ssn
SELECT $q$ it's $q$, ssn FROM users

-- case: dollar quote with body that looks like sql
-- out: ?column? ~
SELECT $$ ', ssn FROM users; -- $$

-- case: nested block comment hides a column
-- out: ?column? ~
SELECT 1 /* outer /* inner */ , ssn */ FROM users

-- case: line comment hides the rest
-- statements: 1
-- out: ssn = users.ssn
SELECT ssn FROM users -- ; DROP TABLE users

-- case: semicolon in a comment does not split
-- statements: 1
SELECT ssn FROM users /* ; DROP TABLE users */

-- case: second statement after a semicolon
-- statements: 2
-- out: id = users.id
SELECT id FROM users; DROP TABLE users

-- case: semicolon inside a string does not split
-- statements: 1
-- out: ?column? ~
SELECT 'a;b' FROM users

-- case: deep nesting is refused
-- unknown: nesting deeper than
SELECT ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))

-- case: unterminated string
-- unknown: unterminated string
SELECT 'abc FROM users

-- case: unterminated comment
-- unknown: unterminated comment
SELECT 1 /* FROM users

-- case: query_to_xml runs sql given as text
-- hazard: DYNAMIC_SQL
-- fn: query_to_xml DATA_READING
SELECT query_to_xml('select ssn from users', true, false, '')

-- case: table_to_xml reads a whole table
-- hazard: DYNAMIC_SQL
SELECT table_to_xml('users', true, false, '')

-- case: cursor_to_xml
-- hazard: DYNAMIC_SQL
SELECT cursor_to_xml('c', 10, false, false, '')

-- case: xpath over query_to_xml
-- hazard: DYNAMIC_SQL
-- fn: xpath SCALAR
SELECT xpath('/row/ssn/text()', query_to_xml('select ssn from users', true, false, ''))

-- case: dblink as a table function is refused
-- unknown: dblink
-- hazard: DYNAMIC_SQL
SELECT * FROM dblink('dbname=other', 'select ssn from users') AS t(s text)

-- case: pg_read_file
-- hazard: FILE_ACCESS
SELECT pg_read_file('/etc/passwd')

-- case: large object export
-- hazard: EXPORT
SELECT lo_export(16384, '/tmp/x')

-- case: large object read
-- hazard: FILE_ACCESS
SELECT lo_get(16384)

-- case: current_setting of a veil setting
-- hazard: RESERVED_NAME
-- hazard: SESSION_VARIABLE
SELECT current_setting('veil.mask_key')

-- case: reserved names ignore case
-- hazard: RESERVED_NAME
SELECT current_setting('VEIL.Mask_Key')

-- case: computed setting name
-- hazard: RESERVED_NAME
SELECT current_setting(name) FROM users

-- case: set_config of a veil setting
-- hazard: RESERVED_NAME
SELECT set_config('veil.mask_key', 'x', false)

-- case: set of a veil setting
-- hazard: RESERVED_NAME
SET veil.mask_key = 'x'

-- case: show a veil setting
-- hazard: RESERVED_NAME
SHOW veil.mask_key

-- case: reset a veil setting
-- hazard: RESERVED_NAME
RESET veil.mask_key

-- case: pg_settings is leaky
-- unknown: relation pg_settings not found
SELECT setting FROM pg_settings WHERE name = 'veil.mask_key'

-- case: copy to stdout
-- unknown: COPY
-- hazard: EXPORT
COPY users TO STDOUT

-- case: copy of a query to a file
-- unknown: COPY
-- hazard: EXPORT
COPY (SELECT ssn FROM users) TO '/tmp/ssn.csv'

-- case: copy from stdin
-- unknown: COPY
-- hazard: FILE_ACCESS
COPY users FROM STDIN

-- case: anonymous code block
-- unknown: DoStatement
-- hazard: CODE_BLOCK
DO $$ BEGIN PERFORM 1; END $$

-- case: prepare
-- unknown: PREPARE
-- hazard: DYNAMIC_SQL
PREPARE p AS SELECT ssn FROM users

-- case: execute a prepared statement
-- hazard: DYNAMIC_SQL
EXECUTE p

-- case: declare a cursor
-- unknown: DECLARE
-- hazard: CURSOR
DECLARE c CURSOR FOR SELECT ssn FROM users

-- case: fetch from a cursor
-- unknown: FETCH
-- hazard: CURSOR
FETCH ALL FROM c

-- case: call a procedure
-- hazard: CALL
CALL my_proc(1)

-- case: create function
-- unknown: CREATE FUNCTION is not DDL without a query
-- hazard: CODE_BLOCK
CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql

-- case: pg_notify is not a known function
-- fn: pg_notify UNKNOWN
SELECT pg_notify('c', ssn) FROM users

-- case: function in a non-system schema is not a built-in
-- fn: evil.lower UNKNOWN
SELECT evil.lower(ssn) FROM users

-- case: user function shadowing a built-in name
-- fn: lower_udf USER_DEFINED
SELECT lower_udf(ssn) FROM users

-- case: jdbc call escape
-- kind: UTILITY/CALL
-- hazard: CALL
-- routine: my_proc
{call my_proc(?)}

-- case: jdbc function escape is the function pgjdbc sends
-- out: upper ~ users.ssn
SELECT {fn ucase(ssn)} FROM users

-- case: blank lines inside a statement do not end it
-- statements: 1
-- out: id = users.id
-- out: ssn = users.ssn
SELECT id,


       ssn
FROM users


WHERE id > 0

-- case: a slash on its own line is division
-- out: x ~ users.id
SELECT id
/
2 AS x FROM users

-- case: a line comment followed by blank lines
-- out: id = users.id
-- out: ssn = users.ssn
SELECT id -- , name


, ssn FROM users
