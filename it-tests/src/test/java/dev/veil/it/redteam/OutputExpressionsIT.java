package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.MARIADB_H2;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.PG_H2;
import static dev.veil.it.redteam.RedTeam.per;
import static dev.veil.it.redteam.RedTeam.sql;

import dev.veil.it.redteam.RedTeam.Attempt;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Values that leave in the select list: every expression, function, encoding, aggregate, set operation, subquery,
 * CTE, view and whole-row trick must see only masked values.
 */
class OutputExpressionsIT {

    static List<Attempt> attempts() {
        return List.of(
                sql("OUT-01", "plain SELECT * of the customers", ALL, "SELECT * FROM rt_customers"),
                sql("OUT-02", "aliases, table-qualified, schema-qualified and case games", per(
                        "SELECT c.SSN AS a, c.\"FULL_NAME\" AS \"b\", RT_CUSTOMERS.NOTES, rt_Customers.Street_Address"
                                + " FROM rt_customers c JOIN rt_customers ON c.id = rt_customers.id",
                        "SELECT c.SSN AS a, public.rt_customers.full_name AS \"b\", c.\"notes\", c.U&\"\\0073sn\","
                                + " RT_CUSTOMERS.Street_Address FROM rt_customers c JOIN public.rt_customers ON c.id ="
                                + " public.rt_customers.id",
                        "SELECT c.SSN AS a, `rt_customers`.`FULL_NAME` AS `b`, c.`Notes`, c.Street_ADDRESS FROM"
                                + " rt_customers c JOIN rt_customers ON c.id = rt_customers.id")),
                sql("OUT-03", "substring / left / right / reverse / replace / translate / position", per(
                        "SELECT SUBSTRING(ssn, 1, 6), LEFT(full_name, 7), RIGHT(email, 25), LOCATE('a', notes),"
                                + " REPLACE(ssn, '-', ''), TRANSLATE(phone, '*', '#'), POSITION('@' IN email),"
                                + " SUBSTRING(email FROM 2 FOR 14) FROM rt_customers",
                        "SELECT substring(ssn, 1, 6), left(full_name, 7), right(email, 25), reverse(notes),"
                                + " replace(ssn, '-', ''), translate(phone, '*', '#'), position('@' in email),"
                                + " substring(email from 2 for 14), split_part(email, '@', 1), strpos(email, '.')"
                                + " FROM rt_customers",
                        "SELECT SUBSTRING(ssn, 1, 6), LEFT(full_name, 7), RIGHT(email, 25), REVERSE(notes),"
                                + " REPLACE(ssn, '-', ''), MID(phone, 1, 10), LOCATE('@', email),"
                                + " SUBSTRING_INDEX(email, '@', 1), INSERT(email, 1, 1, 'x') FROM rt_customers")),
                sql("OUT-04", "concatenation of sensitive columns with each other and with constants", per(
                        "SELECT CONCAT(full_name, '|', ssn, '|', street_address), full_name || ssn FROM rt_customers",
                        "SELECT concat(full_name, '|', ssn), full_name || ssn || street_address,"
                                +
                                        " concat_ws(',', notes, signup_ip), format('%s-%s', full_name, ssn) FROM "
                                                + "rt_customers",
                        "SELECT CONCAT(full_name, '|', ssn, '|', street_address), CONCAT_WS(',', notes, signup_ip)"
                                + " FROM rt_customers")),
                sql("OUT-05", "regular expressions over sensitive values", per(
                        "SELECT REGEXP_REPLACE(ssn, '\\*', 'x'), REGEXP_SUBSTR(email, '^[^@]+') FROM rt_customers",
                        "SELECT regexp_replace(email, '^.', ''), (regexp_match(email, '^([^@]+)'))[1],"
                                + " regexp_split_to_array(full_name, ' ') FROM rt_customers",
                        "SELECT REGEXP_REPLACE(email, '^.', ''), REGEXP_SUBSTR(email, '^[^@]+') FROM rt_customers")),
                sql("OUT-06", "hex, base64, md5/sha of a column, ascii codes", per(
                        "SELECT RAWTOHEX(ssn), HASH('SHA-256', full_name), ASCII(ssn), STRINGTOUTF8(notes) FROM"
                                + " rt_customers",
                        "SELECT encode(convert_to(ssn, 'UTF8'), 'hex'), encode(convert_to(full_name, 'UTF8'),"
                                + " 'base64'), md5(ssn), sha256(convert_to(email, 'UTF8')), to_hex(ascii(ssn)),"
                                + " ascii(substr(ssn, 2, 1)), chr(ascii(full_name)) FROM rt_customers",
                        "SELECT HEX(ssn), TO_BASE64(full_name), MD5(ssn), SHA2(email, 256), ASCII(ssn), ORD(notes),"
                                + " CONV(HEX(ssn), 16, 10) FROM rt_customers")),
                sql("OUT-07", "casts that fail: the error would quote the value", per(
                        "SELECT CAST(ssn AS INT) FROM rt_customers",
                        "SELECT ssn::int FROM rt_customers",
                        "SELECT CAST(full_name AS DATE) + 0, CAST(ssn AS SIGNED) FROM rt_customers")),
                sql("OUT-08", "casts of a subquery's value", per(
                        "SELECT CAST((SELECT full_name FROM rt_customers WHERE id = 1) AS DATE)",
                        "SELECT (SELECT full_name FROM rt_customers WHERE id = 1)::date",
                        "SELECT CAST((SELECT full_name FROM rt_customers WHERE id = 1) AS DATE)")),
                sql("OUT-09", "birth date arithmetic: month, day, day of year", per(
                        "SELECT EXTRACT(MONTH FROM birth_date), EXTRACT(DAY FROM birth_date), DAY_OF_YEAR(birth_date),"
                                + " FORMATDATETIME(birth_date, 'MM-dd'), DATEDIFF('DAY', DATE '1900-01-01', birth_date)"
                                + " FROM rt_customers",
                        "SELECT extract(month from birth_date), extract(day from birth_date), to_char(birth_date,"
                                + " 'YYYY-MM-DD'), birth_date - DATE '1900-01-01', age(birth_date) FROM rt_customers",
                        "SELECT MONTH(birth_date), DAY(birth_date), DATE_FORMAT(birth_date, '%Y-%m-%d'),"
                                + " TO_DAYS(birth_date), DAYOFYEAR(birth_date) FROM rt_customers")),
                sql("OUT-10", "JSON builders", per(
                        "SELECT JSON_OBJECT('n': full_name, 's': ssn), JSON_ARRAY(notes, email) FROM rt_customers",
                        "SELECT json_build_object('n', full_name, 's', ssn), to_jsonb(notes), jsonb_build_array("
                                + "email, street_address), to_json(ARRAY[ssn, signup_ip]) FROM rt_customers",
                        "SELECT JSON_OBJECT('n', full_name, 's', ssn), JSON_ARRAY(notes, email) FROM rt_customers")),
                sql("OUT-11", "JSON aggregates", per(
                        "SELECT JSON_ARRAYAGG(full_name), JSON_OBJECTAGG(KEY nickname VALUE ssn) FROM rt_customers",
                        "SELECT json_agg(full_name), jsonb_object_agg(nickname, ssn), json_agg(json_build_object("
                                + "'a', notes)) FROM rt_customers",
                        "SELECT JSON_ARRAYAGG(full_name), JSON_OBJECTAGG(nickname, ssn) FROM rt_customers")),
                sql("OUT-12", "XML builders", per(null,
                        "SELECT xmlelement(name x, ssn), xmlforest(full_name, notes), xmlagg(xmlelement(name e,"
                                + " email)) OVER () FROM rt_customers",
                        null)),
                sql("OUT-13", "arrays and string aggregation", per(
                        "SELECT ARRAY_AGG(ssn), LISTAGG(full_name, ',') WITHIN GROUP (ORDER BY id),"
                                + " GROUP_CONCAT(notes) FROM rt_customers",
                        "SELECT array_agg(ssn), string_agg(full_name, ','), array_to_string(array_agg(notes), '|'),"
                                + " ARRAY(SELECT email FROM rt_customers) FROM rt_customers",
                        "SELECT GROUP_CONCAT(ssn), GROUP_CONCAT(full_name ORDER BY id SEPARATOR '|'),"
                                + " GROUP_CONCAT(DISTINCT notes) FROM rt_customers")),
                sql("OUT-14", "min / max / any_value / mode aggregates", per(
                        "SELECT MIN(ssn), MAX(full_name), ANY_VALUE(notes), MIN(birth_date) FROM rt_customers",
                        "SELECT min(ssn), max(full_name), min(birth_date), max(street_address) FROM rt_customers",
                        "SELECT MIN(ssn), MAX(full_name), MIN(birth_date), MAX(street_address) FROM rt_customers")),
                sql("OUT-15", "window functions returning other rows' values", per(
                        "SELECT FIRST_VALUE(ssn) OVER (ORDER BY id), LAG(full_name) OVER (ORDER BY id),"
                                + " NTH_VALUE(notes, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND"
                                + " UNBOUNDED FOLLOWING), LEAD(email) OVER (ORDER BY id) FROM rt_customers",
                        "SELECT first_value(ssn) OVER (ORDER BY id), lag(full_name) OVER (ORDER BY id),"
                                + " nth_value(notes, 2) OVER w, lead(email) OVER (ORDER BY id) FROM rt_customers"
                                + " WINDOW w AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
                        "SELECT FIRST_VALUE(ssn) OVER (ORDER BY id), LAG(full_name) OVER (ORDER BY id),"
                                + " NTH_VALUE(notes, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND"
                                + " UNBOUNDED FOLLOWING), LEAD(email) OVER (ORDER BY id) FROM rt_customers")),
                sql("OUT-16", "UNION: sensitive column in the first branch", ALL,
                        "SELECT ssn FROM rt_customers UNION SELECT full_name FROM rt_customers"),
                sql("OUT-17", "UNION ALL: sensitive column only in a later branch", ALL,
                        "SELECT 'x' AS a, 1 AS b UNION ALL SELECT notes, id FROM rt_customers UNION ALL SELECT"
                                + " street_address, 2 FROM rt_customers"),
                sql("OUT-18", "INTERSECT and EXCEPT", per(
                        "SELECT ssn FROM rt_customers INTERSECT SELECT ssn FROM rt_customers EXCEPT SELECT 'x'",
                        "SELECT ssn FROM rt_customers INTERSECT SELECT ssn FROM rt_customers EXCEPT SELECT 'x'",
                        "SELECT ssn FROM rt_customers INTERSECT SELECT ssn FROM rt_customers EXCEPT SELECT 'x'")),
                sql("OUT-19", "scalar and correlated subqueries in the select list", ALL,
                        "SELECT id, (SELECT c2.full_name FROM rt_customers c2 WHERE c2.id = c.id),"
                                + " (SELECT MAX(notes) FROM rt_customers) FROM rt_customers c"),
                sql("OUT-20", "derived tables, nested", ALL,
                        "SELECT x.s, x.n FROM (SELECT y.s, y.n FROM (SELECT ssn AS s, full_name AS n FROM"
                                + " rt_customers) y) x"),
                sql("OUT-21", "CTE, and a CTE reused twice", ALL,
                        "WITH a AS (SELECT id, ssn, notes FROM rt_customers), b AS (SELECT * FROM a) SELECT a.ssn,"
                                + " b.notes FROM a JOIN b ON a.id = b.id"),
                sql("OUT-22", "recursive CTE carrying a sensitive value", per(
                        "WITH RECURSIVE r(n, s) AS (SELECT 1, full_name FROM rt_customers WHERE id = 1 UNION ALL"
                                + " SELECT n + 1, s FROM r WHERE n < 3) SELECT * FROM r",
                        "WITH RECURSIVE r(n, s) AS (SELECT 1, full_name FROM rt_customers WHERE id = 1 UNION ALL"
                                + " SELECT n + 1, s FROM r WHERE n < 3) SELECT * FROM r",
                        "WITH RECURSIVE r(n, s) AS (SELECT 1, full_name FROM rt_customers WHERE id = 1 UNION ALL"
                                + " SELECT n + 1, s FROM r WHERE n < 3) SELECT * FROM r")),
                sql("OUT-23", "a CTE named like the table, shadowing it, then the real table", ALL,
                        "WITH rt_customers AS (SELECT 1 AS id, 'x' AS ssn) SELECT c.ssn, (SELECT MAX(o.ssn) FROM"
                                + " rt_v_customers o) FROM rt_customers c"),
                sql("OUT-24", "views and a view of a view", ALL,
                        "SELECT v.*, vv.ref, vv.who FROM rt_v_customers v JOIN rt_v_vv vv ON v.id = vv.id"),
                sql("OUT-25", "LATERAL and set-returning functions", per(
                        "SELECT * FROM rt_customers c, TABLE(S VARCHAR = (SELECT ARRAY_AGG(ssn) FROM rt_customers))",
                        "SELECT g, s.ssn, unnest(ARRAY[s.full_name, s.notes]) FROM generate_series(1, 3) g,"
                                + " LATERAL (SELECT ssn, full_name, notes FROM rt_customers WHERE id = g) s",
                        "SELECT * FROM rt_customers c JOIN (SELECT id AS i, ssn AS s, notes AS n FROM rt_customers)"
                                + " l ON l.i = c.id")),
                sql("OUT-26", "whole-row references", per(
                        "SELECT ROW(c.*) FROM rt_customers c",
                        "SELECT row_to_json(c), c::text, to_jsonb(c.*), (c).ssn FROM rt_customers c",
                        "SELECT JSON_OBJECT(c.*) FROM rt_customers c")),
                sql("OUT-27", "whole-row reference through a view and a derived table", per(
                        "SELECT ROW(v.*) FROM rt_v_customers v",
                        "SELECT json_agg(v), (SELECT array_agg(d) FROM (SELECT * FROM rt_customers) d) FROM"
                                + " rt_v_customers v",
                        null)),
                sql("OUT-28", "VALUES with a scalar subquery", per(
                        "VALUES ((SELECT full_name FROM rt_customers WHERE id = 1))",
                        "VALUES ((SELECT full_name FROM rt_customers WHERE id = 1)), ((SELECT ssn FROM rt_customers"
                                + " WHERE id = 2))",
                        "VALUES ((SELECT full_name FROM rt_customers WHERE id = 1))")),
                sql("OUT-29", "TABLE statement", per("TABLE rt_customers", "TABLE rt_customers", null)),
                sql("OUT-30", "CASE returning the value from another column's test", ALL,
                        "SELECT CASE WHEN id = 1 THEN ssn ELSE notes END, COALESCE(NULL, full_name),"
                                + " NULLIF(street_address, 'x'), GREATEST(ssn, 'a') FROM rt_customers"),
                sql("OUT-31", "length, padding and repeat of sensitive values", per(
                        "SELECT LPAD(ssn, 20, '#'), RPAD(full_name, 30, '.'), REPEAT(notes, 2),"
                                + " CHAR_LENGTH(full_name), OCTET_LENGTH(notes) FROM rt_customers",
                        "SELECT lpad(ssn, 20, '#'), rpad(full_name, 30, '.'), repeat(notes, 2), length(full_name),"
                                + " initcap(street_address), upper(email), lower(full_name) FROM rt_customers",
                        "SELECT LPAD(ssn, 20, '#'), RPAD(full_name, 30, '.'), REPEAT(notes, 2), LENGTH(full_name),"
                                + " UPPER(email), QUOTE(full_name), ELT(1, notes), FIELD('x', ssn) FROM rt_customers")),
                sql("OUT-32", "ORDER BY the ordinal of a masked column, DISTINCT, GROUP BY ordinal", ALL,
                        "SELECT DISTINCT ssn, full_name FROM rt_customers ORDER BY 1, 2"),
                sql("OUT-33", "bytes: binary casts and collations", per(
                        "SELECT CAST(ssn AS VARBINARY), CAST(full_name AS BINARY VARYING(200)) FROM rt_customers",
                        "SELECT ssn::bytea, convert_to(full_name, 'LATIN1'), notes COLLATE \"C\" FROM rt_customers",
                        "SELECT CAST(ssn AS BINARY), CONVERT(full_name USING latin1), BINARY notes, _utf8mb4'x' FROM"
                                + " rt_customers")),
                sql("OUT-34", "MariaDB: JSON functions that read paths of sensitive values", MARIADB,
                        "SELECT JSON_EXTRACT(JSON_OBJECT('a', full_name), '$.a'), JSON_VALUE(JSON_ARRAY(ssn), '$[0]'),"
                                + " JSON_QUOTE(notes) FROM rt_customers"),
                sql("OUT-35", "PostgreSQL: arrays, rows and jsonb operators", PG,
                        "SELECT (ARRAY[ssn, full_name])[1], ROW(ssn, full_name)::text, jsonb_build_object('k', notes)"
                                + "->>'k', (SELECT array_agg(ssn) FROM rt_customers)[1] FROM rt_customers"),
                sql("OUT-36", "H2: string functions specific to H2", H2,
                        "SELECT INSERT(ssn, 1, 0, 'x'), SOUNDEX(full_name), UTF8TOSTRING(STRINGTOUTF8(notes)),"
                                + " STRINGENCODE(street_address), ARRAY_GET(ARRAY[ssn], 1) FROM rt_customers"),
                sql("OUT-37", "ship_to of orders joined to customers (tag on the orders table)", ALL,
                        "SELECT o.ship_to, c.full_name FROM rt_orders o JOIN rt_customers c ON c.id = o.customer_id"),
                sql("OUT-38", "MariaDB / H2: string functions with implicit numeric conversion", MARIADB_H2,
                        "SELECT ssn + 0, full_name * 1 FROM rt_customers"),
                sql("OUT-39", "PostgreSQL / H2: FILTER on aggregates over sensitive columns", PG_H2,
                        "SELECT MAX(full_name) FILTER (WHERE id = 1), COUNT(*) FILTER (WHERE ssn IS NOT NULL) FROM"
                                + " rt_customers"),
                sql("OUT-40", "a masked-mode column merged by JOIN USING, in the select list", ALL,
                        "SELECT phone, a.id FROM rt_customers a JOIN rt_customers b USING (phone)"),
                sql("OUT-41", "a hash-masked column merged by JOIN USING, in the select list", ALL,
                        "SELECT loyalty_code FROM rt_customers a JOIN rt_customers b USING (loyalty_code)"),
                sql("OUT-42", "SELECT * over a JOIN USING a masked-mode column", ALL,
                        "SELECT * FROM rt_customers a JOIN rt_customers b USING (phone)"),
                sql("OUT-43", "a USING-merged column read through a derived table and a CTE", ALL,
                        "WITH j AS (SELECT phone, a.id FROM rt_customers a JOIN rt_customers b USING (phone))"
                                + " SELECT d.phone, (SELECT MAX(j.phone) FROM j) FROM (SELECT phone FROM rt_customers"
                                + " x JOIN rt_customers y USING (phone)) d"),
                sql("OUT-44", "NATURAL JOIN merging a masked-mode column (a view exposing only id and phone)",
                        per("SELECT * FROM rt_customers NATURAL JOIN (SELECT id, phone FROM rt_customers) p",
                                "SELECT * FROM rt_customers NATURAL JOIN (SELECT id, phone FROM rt_customers) p",
                                "SELECT * FROM rt_customers NATURAL JOIN (SELECT id, phone FROM rt_customers) p")),
                sql("OUT-45", "allow mode: an e-mail merged by JOIN USING (its value must still be masked)", ALL,
                        "SELECT email FROM rt_customers a JOIN rt_customers b USING (email)"));
    }

    @TestFactory
    Stream<DynamicNode> attemptsThroughTheSelectList() {
        return RedTeam.tests(attempts());
    }
}
