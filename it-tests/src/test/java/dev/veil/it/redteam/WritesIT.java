package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.mutating;
import static dev.veil.it.redteam.RedTeam.per;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Sensitive values written somewhere else — another table, a new table, a RETURNING clause — must be written masked;
 * every target is read back through a raw vendor connection.
 */
class WritesIT {

    /** A write attempt: runs the engine's SQL, then the tables named are read back raw. */
    private static Attempt write(String id, String title, Map<Engine, String> sql, String... readBack) {
        java.util.EnumSet<Engine> engines = java.util.EnumSet.noneOf(Engine.class);
        sql.forEach((e, s) -> {
            if (s != null) {
                engines.add(e);
            }
        });
        return mutating(id, title, engines, ctx -> {
            for (String t : readBack) {
                ctx.sink(t);
            }
            ctx.run(sql.get(ctx.engine()));
        });
    }

    private static Map<Engine, String> same(String sql) {
        return per(sql, sql, sql);
    }

    static List<Attempt> attempts() {
        return List.of(
                write("WRITE-01", "INSERT … SELECT of sensitive columns into another table",
                        same("INSERT INTO rt_sink (id, a, b, c) SELECT id, ssn, full_name, notes FROM rt_customers")),
                write("WRITE-02", "INSERT … SELECT of expressions over sensitive columns", per(
                        "INSERT INTO rt_sink (id, a, b) SELECT id, CONCAT(ssn, '|', street_address), UPPER(notes)"
                                + " FROM rt_customers",
                        "INSERT INTO rt_sink (id, a, b) SELECT id, ssn || '|' || street_address, upper(notes) FROM"
                                + " rt_customers",
                        "INSERT INTO rt_sink (id, a, b) SELECT id, CONCAT(ssn, '|', street_address), UPPER(notes)"
                                + " FROM rt_customers")),
                write("WRITE-03", "INSERT … VALUES with scalar subqueries", same(
                        "INSERT INTO rt_sink (id, a, b) VALUES (1, (SELECT full_name FROM rt_customers WHERE id ="
                                + " 1), (SELECT ssn FROM rt_customers WHERE id = 1))")),
                write("WRITE-04", "UPDATE … SET from a correlated subquery", same(
                        "INSERT INTO rt_sink (id) VALUES (1); UPDATE rt_sink SET a = (SELECT c.notes FROM"
                                + " rt_customers c WHERE c.id = rt_sink.id), b = (SELECT MAX(password) FROM"
                                + " rt_customers)")),
                write("WRITE-05", "UPDATE … FROM / multi-table UPDATE joining the customers", per(
                        "INSERT INTO rt_sink (id) VALUES (1); MERGE INTO rt_sink s USING rt_customers c ON s.id ="
                                + " c.id WHEN MATCHED THEN UPDATE SET a = c.ssn, b = c.full_name",
                        "INSERT INTO rt_sink (id) VALUES (1); UPDATE rt_sink s SET a = c.ssn, b = c.full_name FROM"
                                + " rt_customers c WHERE c.id = s.id",
                        "INSERT INTO rt_sink (id) VALUES (1); UPDATE rt_sink s JOIN rt_customers c ON c.id = s.id"
                                + " SET s.a = c.ssn, s.b = c.full_name")),
                write("WRITE-06", "CREATE TABLE AS SELECT", per(
                        "CREATE TABLE rt_copy AS SELECT id, ssn AS x, full_name AS y, birth_date AS z FROM"
                                + " rt_customers",
                        "CREATE TABLE rt_copy AS SELECT id, ssn AS x, full_name AS y, birth_date AS z FROM"
                                + " rt_customers",
                        "CREATE TABLE rt_copy AS SELECT id, ssn AS x, full_name AS y, birth_date AS z FROM"
                                + " rt_customers"), "rt_copy"),
                write("WRITE-07", "CREATE TABLE … SELECT without AS, and CREATE TABLE (cols) AS", per(
                        "CREATE TABLE rt_copy (a, b) AS SELECT ssn, notes FROM rt_customers",
                        "CREATE TABLE rt_copy (a, b) AS SELECT ssn, notes FROM rt_customers",
                        "CREATE TABLE rt_copy SELECT ssn AS a, notes AS b FROM rt_customers"), "rt_copy"),
                write("WRITE-08", "SELECT … INTO a new table", per(null,
                        "SELECT id, ssn AS x, notes AS y INTO rt_copy FROM rt_customers", null), "rt_copy"),
                write("WRITE-09", "CREATE TEMP / TEMPORARY TABLE AS, copied on to a real table", per(
                        "CREATE LOCAL TEMPORARY TABLE rt_tmp AS SELECT ssn AS x, full_name AS y FROM rt_customers;"
                                + " INSERT INTO rt_sink (a, b) SELECT x, y FROM rt_tmp",
                        "CREATE TEMP TABLE rt_tmp AS SELECT ssn AS x, full_name AS y FROM rt_customers; INSERT"
                                + " INTO rt_sink (a, b) SELECT x, y FROM rt_tmp",
                        "CREATE TEMPORARY TABLE rt_tmp AS SELECT ssn AS x, full_name AS y FROM rt_customers;"
                                + " INSERT INTO rt_sink (a, b) SELECT x, y FROM rt_tmp")),
                write("WRITE-10", "RETURNING of UPDATE, DELETE and INSERT … SELECT", per(null,
                        "UPDATE rt_customers SET tier = tier WHERE id = 1 RETURNING ssn, full_name, notes;"
                                + " INSERT INTO rt_sink (id, a) SELECT id, nickname FROM rt_customers RETURNING"
                                + " (SELECT MAX(street_address) FROM rt_customers)",
                        "DELETE FROM rt_sink RETURNING (SELECT MAX(full_name) FROM rt_customers)")),
                write("WRITE-11", "RETURNING * of a DELETE of customers (rolled back by re-seeding)", per(null,
                        "DELETE FROM rt_customers WHERE id = 3 RETURNING *",
                        "DELETE FROM rt_customers WHERE id = 3 RETURNING *")),
                write("WRITE-12", "INSERT … ON CONFLICT DO UPDATE copying the existing row's values", per(null,
                        "INSERT INTO rt_customers (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET nickname ="
                                + " rt_customers.full_name RETURNING nickname, ssn; INSERT INTO rt_sink (a) SELECT"
                                + " nickname FROM rt_customers",
                        null), "SELECT nickname, tier FROM rt_customers"),
                write("WRITE-13", "ON DUPLICATE KEY UPDATE copying the existing row's values", per(null, null,
                        "INSERT INTO rt_customers (id) VALUES (1) ON DUPLICATE KEY UPDATE nickname = full_name;"
                                + " INSERT INTO rt_sink (a) SELECT nickname FROM rt_customers"),
                        "SELECT nickname, tier FROM rt_customers"),
                write("WRITE-14", "MERGE copying sensitive columns", per(
                        "MERGE INTO rt_sink s USING rt_customers c ON s.id = c.id WHEN NOT MATCHED THEN INSERT"
                                + " (id, a, b) VALUES (c.id, c.ssn, c.notes)",
                        "MERGE INTO rt_sink s USING rt_customers c ON s.id = c.id WHEN NOT MATCHED THEN INSERT"
                                + " (id, a, b) VALUES (c.id, c.ssn, c.notes)",
                        null)),
                write("WRITE-15", "H2: MERGE INTO … KEY … SELECT", per(
                        "MERGE INTO rt_sink (id, a, b) KEY (id) SELECT id, ssn, full_name FROM rt_customers",
                        null, null)),
                write("WRITE-16", "MariaDB: REPLACE … SELECT and INSERT IGNORE … SELECT", per(null, null,
                        "REPLACE INTO rt_sink (id, a) SELECT id, ssn FROM rt_customers; INSERT IGNORE INTO"
                                + " rt_sink (id, b) SELECT id, full_name FROM rt_customers")),
                write("WRITE-17", "WITH … INSERT / INSERT … WITH", per(
                        "INSERT INTO rt_sink (a) WITH x AS (SELECT ssn FROM rt_customers) SELECT ssn FROM x",
                        "WITH x AS (SELECT ssn, notes FROM rt_customers) INSERT INTO rt_sink (a, b) SELECT ssn,"
                                + " notes FROM x",
                        "INSERT INTO rt_sink (a) WITH x AS (SELECT ssn FROM rt_customers) SELECT ssn FROM x")),
                write("WRITE-18", "PostgreSQL: data-modifying CTE feeding an INSERT", per(null,
                        "WITH u AS (UPDATE rt_customers SET tier = tier RETURNING ssn, full_name) INSERT INTO"
                                + " rt_sink (a, b) SELECT ssn, full_name FROM u",
                        null)),
                write("WRITE-19", "H2: data change delta tables (FINAL TABLE / OLD TABLE)", per(
                        "SELECT * FROM FINAL TABLE (UPDATE rt_customers SET tier = tier WHERE id = 1)",
                        null, null)),
                write("WRITE-20", "H2: data change delta table feeding an INSERT", per(
                        "INSERT INTO rt_sink (a) SELECT ssn FROM OLD TABLE (DELETE FROM rt_customers WHERE id = 3)",
                        null, null)),
                write("WRITE-21", "INSERT … SELECT from a view of a view and a UNION", same(
                        "INSERT INTO rt_sink (a, b) SELECT ref, who FROM rt_v_vv UNION ALL SELECT nickname, notes"
                                + " FROM rt_customers")),
                write("WRITE-22", "EXPLAIN ANALYZE of an INSERT … SELECT (runs the insert)", per(
                        "EXPLAIN ANALYZE INSERT INTO rt_sink (a, b) SELECT ssn, full_name FROM rt_customers",
                        "EXPLAIN ANALYZE INSERT INTO rt_sink (a, b) SELECT ssn, full_name FROM rt_customers",
                        "ANALYZE INSERT INTO rt_sink (a, b) SELECT ssn, full_name FROM rt_customers")),
                write("WRITE-23", "PostgreSQL: whole row cast to text written elsewhere", per(null,
                        "INSERT INTO rt_sink (a) SELECT c::text FROM rt_customers c", null)),
                write("WRITE-24", "aggregated values written (string_agg / group_concat / listagg)", per(
                        "INSERT INTO rt_sink (a) SELECT LISTAGG(full_name, ',') FROM rt_customers",
                        "INSERT INTO rt_sink (a) SELECT string_agg(full_name, ',') FROM rt_customers",
                        "INSERT INTO rt_sink (a) SELECT GROUP_CONCAT(full_name) FROM rt_customers")),
                write("WRITE-26", "INSERT … SELECT of a USING-merged masked-mode column", same(
                        "INSERT INTO rt_sink (a, b) SELECT phone, loyalty_code FROM rt_customers x JOIN rt_customers"
                                + " y USING (phone, loyalty_code)")),
                write("WRITE-25", "the sensitive value as the written row's key (INSERT … SELECT into id)", same(
                        "INSERT INTO rt_sink (id, a) SELECT score, signup_ip FROM rt_customers")),
                write("WRITE-27", "H2: INSERT … WITH whose CTE is named like the table H2 reads instead", per(
                        "INSERT INTO rt_sink (id, a) WITH rt_customers AS (SELECT 1 AS id, 'x' AS ssn) SELECT id,"
                                + " ssn FROM rt_customers", null, null)));
    }

    @TestFactory
    Stream<DynamicNode> writes() {
        return RedTeam.tests(attempts());
    }
}
