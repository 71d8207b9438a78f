package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.mutating;
import static dev.veil.it.redteam.RedTeam.per;
import static dev.veil.it.redteam.RedTeam.sql;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Query forms a sweep tried that the topic suites did not: sensitive values as JSON keys, through set-returning
 * functions and table samples, grouping sets, quoting and casting functions, boolean tests in RETURNING, row counts
 * driven by a value, engine functions that round-trip a value, and copies without a column list. Each held; they stay
 * as regression cases.
 */
class QueryFormsRedTeamIT {

    static List<Attempt> attempts() {
        return List.of(
                sql("FORM-01", "sensitive values as JSON object keys and in set-returning functions", per(
                        "SELECT ARRAY[ssn][1], ROW(ssn, id) FROM rt_customers",
                        "SELECT json_object_agg(ssn, id), jsonb_object_agg(full_name, 1) FROM rt_customers;"
                                + " SELECT (SELECT array_agg(x) FROM unnest(ARRAY[c.ssn, c.notes]) x),"
                                + " (ROW(c.ssn, c.id)).f1 FROM rt_customers c",
                        "SELECT JSON_OBJECTAGG(ssn, id) FROM rt_customers; SELECT ELT(1, ssn), MAKE_SET(1, notes),"
                                + " EXPORT_SET(1, full_name, 'n') FROM rt_customers")),
                sql("FORM-02", "LATERAL VALUES, unnest, string_to_table and a table sample", per(null,
                        "SELECT v.x, u, s FROM rt_customers c TABLESAMPLE BERNOULLI (100), LATERAL (VALUES (c.ssn),"
                                + " (c.full_name)) v(x), unnest(ARRAY[c.notes]) u, string_to_table(c.street_address,"
                                + " ' ') s",
                        null)),
                sql("FORM-03", "grouping sets and WITH ROLLUP around an aggregate of the value", per(null,
                        "SELECT tier, max(ssn), min(full_name) FROM rt_customers GROUP BY GROUPING SETS ((tier), ())",
                        "SELECT tier, MAX(ssn), MIN(full_name) FROM rt_customers GROUP BY tier WITH ROLLUP")),
                sql("FORM-04", "quoting, formatting and casting functions around the value", per(
                        "SELECT CAST(ssn AS JSON), CAST(full_name AS VARCHAR(4)), ARRAY[notes] FROM rt_customers",
                        "SELECT format('%I|%L', ssn, full_name), quote_literal(notes), quote_ident(street_address),"
                                + " overlay(ssn placing 'x' from 1 for 0), ssn::bytea, ssn::tsvector, ssn::name"
                                + " FROM rt_customers",
                        "SELECT QUOTE(ssn), WEIGHT_STRING(full_name), UNCOMPRESS(COMPRESS(notes)),"
                                + " AES_DECRYPT(AES_ENCRYPT(ssn, 'k'), 'k'), UNHEX(HEX(street_address)) FROM"
                                + " rt_customers")),
                sql("FORM-05", "row counts and session counters driven by the value", per(
                        null,
                        "SELECT count(*) FROM rt_customers c, generate_series(1, CASE WHEN c.ssn LIKE '5%' THEN 1"
                                + " ELSE 0 END) g",
                        "SELECT LAST_INSERT_ID(ASCII(ssn)) FROM rt_customers WHERE id = 1; SELECT"
                                + " LAST_INSERT_ID()")),
                mutating("FORM-06", "tests of the value in RETURNING", RedTeam.PG, ctx -> {
                    ctx.run("UPDATE rt_customers SET tier = tier WHERE id = 1 RETURNING ssn LIKE '5%', ssn > '5',"
                            + " CASE WHEN full_name LIKE 'Z%' THEN 'y' ELSE 'n' END");
                    ctx.blindSsn("UPDATE rt_customers SET tier = tier WHERE id = 1 RETURNING ssn LIKE '%1$s%%'",
                            r -> "t".equals(r.first()) || "true".equals(r.first()));
                }),
                mutating("FORM-07", "copies without a column list, row-valued SET and MERGE inserting VALUES only",
                        RedTeam.ALL, ctx -> {
                            ctx.run("INSERT INTO rt_sink SELECT id, ssn, full_name, notes FROM rt_customers");
                            ctx.run("INSERT INTO rt_sink SELECT * FROM (SELECT id, ssn, email, phone FROM"
                                    + " rt_customers) d");
                            if (!ctx.is(Engine.MARIADB)) {
                                ctx.run("UPDATE rt_sink SET (a, b) = (SELECT ssn, full_name FROM rt_customers WHERE"
                                        + " id = 1)");
                                ctx.run("MERGE INTO rt_sink s USING rt_customers c ON s.id = c.id + 100 WHEN NOT"
                                        + " MATCHED THEN INSERT VALUES (c.id + 100, c.ssn, c.street_address,"
                                        + " c.notes)");
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicNode> queryForms() {
        return RedTeam.tests(attempts());
    }
}
