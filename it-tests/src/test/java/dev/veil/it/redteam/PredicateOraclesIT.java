package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.PG_H2;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Predicate oracles: each attempt tries to learn customer 1's SSN (class {@code ssn}, predicates {@code deny}) one
 * character at a time — from which rows come back, their order, their grouping, an error or an update count — and
 * the prefix it reconstructs is searched like any returned value. An attempt Veil refuses reconstructs nothing; one
 * that compares masked values reconstructs nothing either. The masked ({@code phone}) and allow ({@code email})
 * modes are attacked through what they must not permit.
 */
class PredicateOraclesIT {

    private static final String SSN1 = Secrets.CUSTOMERS.get(0).ssn();
    private static final List<String> SSN_CANDIDATES = List.of("000-00-0000", SSN1, "999-99-9999");

    private static Predicate<Result> rows() {
        return r -> r.rows() > 0;
    }

    private static Predicate<Result> firstIs(String value) {
        return r -> value.equals(r.first());
    }

    /** Blind extraction with one template per engine ({@code %1$s}: the guessed prefix). */
    private static Attempt blind(String id, String title, Map<Engine, String> templates, Predicate<Result> truthy) {
        java.util.EnumSet<Engine> engines = java.util.EnumSet.noneOf(Engine.class);
        templates.forEach((e, t) -> {
            if (t != null) {
                engines.add(e);
            }
        });
        return new Attempt(id, title, engines, false, ctx -> ctx.blindSsn(templates.get(ctx.engine()), truthy));
    }

    private static Attempt blind(String id, String title, java.util.Set<Engine> engines, String template,
                                 Predicate<Result> truthy) {
        return new Attempt(id, title, engines, false, ctx -> ctx.blindSsn(template, truthy));
    }

    static List<Attempt> attempts() {
        return List.of(
                blind("PRED-01", "WHERE ssn LIKE 'prefix%' (row oracle)", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND ssn LIKE '%1$s%%'", rows()),
                blind("PRED-02", "range comparisons on the deny column", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND ssn >= '%1$s' AND ssn < '%1$s~'", rows()),
                blind("PRED-03", "regular expressions / SIMILAR TO on the deny column", RedTeam.per(
                        "SELECT id FROM rt_customers WHERE id = 1 AND REGEXP_LIKE(ssn, '^%1$s')",
                        "SELECT id FROM rt_customers WHERE id = 1 AND ssn ~ '^%1$s' AND ssn SIMILAR TO '%1$s%%'",
                        "SELECT id FROM rt_customers WHERE id = 1 AND ssn REGEXP '^%1$s'"), rows()),
                blind("PRED-04", "function of the column in WHERE (substring, position)", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND SUBSTRING(ssn, 1, CHAR_LENGTH('%1$s')) ="
                                + " '%1$s' AND POSITION('%1$s' IN ssn) = 1", rows()),
                blind("PRED-05", "row-value comparison", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND (ssn, 1) >= ('%1$s', 0) AND (ssn, 1) <"
                                + " ('%1$s~', 0)", rows()),
                blind("PRED-06", "ORDER BY oracle: which row sorts first", ALL,
                        "SELECT id FROM rt_customers WHERE id IN (1, 2) ORDER BY CASE WHEN id = 1 AND ssn LIKE"
                                + " '%1$s%%' THEN 0 ELSE 1 END, id DESC", firstIs("1")),
                blind("PRED-07", "GROUP BY the column, HAVING on it", ALL,
                        "SELECT MIN(id) FROM rt_customers WHERE id = 1 GROUP BY ssn HAVING ssn LIKE '%1$s%%'", rows()),
                blind("PRED-08", "HAVING on an aggregate of the column", ALL,
                        "SELECT COUNT(*) FROM rt_customers WHERE id = 1 HAVING MAX(ssn) LIKE '%1$s%%'", rows()),
                blind("PRED-09", "window PARTITION BY an expression of the column", ALL,
                        "SELECT MAX(id) OVER (PARTITION BY CASE WHEN id = 1 THEN (CASE WHEN ssn LIKE '%1$s%%'"
                                + " THEN 'y' ELSE 'n' END) ELSE 'y' END) AS m, id FROM rt_customers WHERE id IN (1, 2)"
                                + " ORDER BY id", firstIs("2")),
                blind("PRED-10", "window ORDER BY an expression of the column", ALL,
                        "SELECT ROW_NUMBER() OVER (ORDER BY CASE WHEN id = 1 AND ssn LIKE '%1$s%%' THEN 0 ELSE 1"
                                + " END, id DESC) AS rn, id FROM rt_customers WHERE id IN (1, 2) ORDER BY id",
                        firstIs("1")),
                blind("PRED-11", "JOIN ON condition on the column", ALL,
                        "SELECT c.id FROM rt_customers c JOIN rt_orders o ON o.customer_id = c.id AND c.ssn LIKE"
                                + " '%1$s%%' WHERE c.id = 1", rows()),
                blind("PRED-12", "correlated EXISTS subquery", ALL,
                        "SELECT o.id FROM rt_orders o WHERE EXISTS (SELECT 1 FROM rt_customers c WHERE c.id ="
                                + " o.customer_id AND c.id = 1 AND c.ssn LIKE '%1$s%%')", rows()),
                blind("PRED-13", "IN (subquery filtering on the column)", ALL,
                        "SELECT id FROM rt_orders WHERE customer_id IN (SELECT id FROM rt_customers WHERE id = 1 AND"
                                + " ssn LIKE '%1$s%%')", rows()),
                blind("PRED-14", "scalar subquery value compared in WHERE", ALL,
                        "SELECT id FROM rt_orders WHERE (SELECT ssn FROM rt_customers WHERE id = 1) LIKE '%1$s%%'",
                        rows()),
                blind("PRED-15", "derived-table column in WHERE", ALL,
                        "SELECT d.id FROM (SELECT id, ssn AS s FROM rt_customers) d WHERE d.id = 1 AND d.s LIKE"
                                + " '%1$s%%'", rows()),
                blind("PRED-16", "CTE column in WHERE", ALL,
                        "WITH x AS (SELECT id, ssn AS s FROM rt_customers) SELECT id FROM x WHERE id = 1 AND s LIKE"
                                + " '%1$s%%'", rows()),
                blind("PRED-17", "view-of-view column in WHERE", ALL,
                        "SELECT id FROM rt_v_vv WHERE id = 1 AND ref LIKE '%1$s%%'", rows()),
                blind("PRED-18", "error oracle: CASE raising an error only when the prefix matches", RedTeam.per(
                        "SELECT CASE WHEN ssn LIKE '%1$s%%' THEN CAST(CONCAT('x', id) AS INT) ELSE 1 END FROM"
                                + " rt_customers WHERE id = 1",
                        "SELECT CASE WHEN ssn LIKE '%1$s%%' THEN CAST(CONCAT('x', id) AS INT) ELSE 1 END FROM"
                                + " rt_customers WHERE id = 1",
                        "SELECT CASE WHEN ssn LIKE '%1$s%%' THEN (SELECT 1 UNION ALL SELECT 2) ELSE 1 END FROM"
                                + " rt_customers WHERE id = 1"), Result::failed),
                blind("PRED-19", "error oracle: division by zero in WHERE", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND 1 / (CASE WHEN ssn LIKE '%1$s%%' THEN 0 ELSE 1"
                                + " END) = 1", Result::failed),
                blind("PRED-20", "LIMIT / FETCH driven by a subquery on the column", RedTeam.per(
                        "SELECT id FROM rt_customers FETCH FIRST (SELECT CASE WHEN ssn LIKE '%1$s%%' THEN 1 ELSE 0"
                                + " END FROM rt_customers WHERE id = 1) ROWS ONLY",
                        "SELECT id FROM rt_customers LIMIT (SELECT CASE WHEN ssn LIKE '%1$s%%' THEN 1 ELSE 0 END"
                                + " FROM rt_customers WHERE id = 1)",
                        null), rows()),
                blind("PRED-21", "aggregate FILTER (WHERE …) on the column", PG_H2,
                        "SELECT COUNT(*) FILTER (WHERE ssn LIKE '%1$s%%') FROM rt_customers WHERE id = 1",
                        firstIs("1")),
                blind("PRED-22", "ORDER BY inside an aggregate", RedTeam.per(
                        "SELECT LISTAGG(CAST(id AS VARCHAR), ',') WITHIN GROUP (ORDER BY CASE WHEN ssn LIKE"
                                + " '%1$s%%' THEN 0 ELSE 1 END, id DESC) FROM rt_customers WHERE id IN (1, 2)",
                        "SELECT string_agg(id::text, ',' ORDER BY CASE WHEN ssn LIKE '%1$s%%' THEN 0 ELSE 1 END, id"
                                + " DESC) FROM rt_customers WHERE id IN (1, 2)",
                        "SELECT GROUP_CONCAT(id ORDER BY CASE WHEN ssn LIKE '%1$s%%' THEN 0 ELSE 1 END, id DESC)"
                                + " FROM rt_customers WHERE id IN (1, 2)"), r -> r.first() != null
                        && r.first().startsWith("1")),
                attempt("PRED-23", "ordered-set aggregates return a raw value (percentile_disc, mode)", PG,
                        ctx -> {
                            ctx.run("SELECT percentile_disc(0) WITHIN GROUP (ORDER BY ssn) FROM rt_customers");
                            ctx.run("SELECT mode() WITHIN GROUP (ORDER BY full_name) FROM rt_customers");
                        }),
                blind("PRED-24", "DISTINCT ON an expression of the column", PG,
                        "SELECT COUNT(*) FROM (SELECT DISTINCT ON (CASE WHEN id = 1 THEN ssn LIKE '%1$s%%' ELSE TRUE"
                                + " END) id FROM rt_customers WHERE id IN (1, 2)) t", firstIs("1")),
                blind("PRED-25", "UPDATE … WHERE on the column (update-count oracle)", ALL,
                        "UPDATE rt_customers SET tier = tier WHERE id = 1 AND ssn LIKE '%1$s%%'",
                        r -> r.updated() == 1),
                attempt("PRED-26", "DELETE … WHERE on the column, rolled back (update-count oracle)", ALL,
                        PredicateOraclesIT::deleteOracle),
                blind("PRED-27", "INSERT … ON CONFLICT DO UPDATE … WHERE on the existing row's column", PG,
                        "INSERT INTO rt_customers (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET tier ="
                                + " rt_customers.tier WHERE rt_customers.ssn LIKE '%1$s%%'", r -> r.updated() == 1),
                blind("PRED-28", "MERGE … WHEN MATCHED AND <condition on the column>", PG_H2,
                        "MERGE INTO rt_customers t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED AND t.ssn"
                                + " LIKE '%1$s%%' THEN UPDATE SET tier = t.tier", r -> r.updated() == 1),
                mutating("PRED-29", "UPDATE SET x = CASE WHEN <column test> … read back x", ALL, ctx ->
                        ctx.blindSsnBy(prefix -> {
                            Result u = ctx.run("UPDATE rt_customers SET tier = CASE WHEN ssn LIKE '" + prefix
                                    + "%' THEN 'hit' ELSE 'gold' END WHERE id = 1");
                            if (u.refused()) {
                                return null;
                            }
                            return "hit".equals(ctx.run("SELECT tier FROM rt_customers WHERE id = 1").first());
                        })),
                mutating("PRED-30", "MariaDB: ON DUPLICATE KEY UPDATE x = IF(<column test>, …)", MARIADB, ctx ->
                        ctx.blindSsnBy(prefix -> {
                            Result u = ctx.run("INSERT INTO rt_customers (id) VALUES (1) ON DUPLICATE KEY UPDATE"
                                    + " tier = IF(ssn LIKE '" + prefix + "%', 'hit', 'gold')");
                            if (u.refused()) {
                                return null;
                            }
                            return "hit".equals(ctx.run("SELECT tier FROM rt_customers WHERE id = 1").first());
                        })),
                blind("PRED-31", "a subquery in the select list filtering on the column", ALL,
                        "SELECT (SELECT COUNT(*) FROM rt_customers WHERE id = 1 AND ssn LIKE '%1$s%%')", firstIs("1")),
                blind("PRED-32", "EXISTS in the select list", ALL,
                        "SELECT CASE WHEN EXISTS (SELECT 1 FROM rt_customers WHERE id = 1 AND ssn LIKE '%1$s%%')"
                                + " THEN 'y' ELSE 'n' END", firstIs("y")),
                attempt("PRED-33", "JOIN USING the deny column (dictionary of guesses)", ALL, ctx ->
                        guessJoin(ctx, "SELECT g.label FROM rt_customers c JOIN rt_guess g USING (ssn)")),
                attempt("PRED-34", "NATURAL JOIN on the deny column (dictionary of guesses)", ALL, ctx ->
                        guessJoin(ctx, "SELECT label FROM rt_customers NATURAL JOIN rt_guess")),
                attempt("PRED-35", "JOIN ON equality with a table of guesses", ALL, ctx ->
                        guessJoin(ctx, "SELECT g.label FROM rt_customers c JOIN rt_guess g ON g.ssn = c.ssn")),
                attempt("PRED-36", "IN list of guesses", ALL, ctx -> ctx.dictionary("customer 1's ssn",
                        SSN_CANDIDATES, c -> probe(ctx, "SELECT id FROM rt_customers WHERE id = 1 AND ssn IN ('"
                                + c + "')"))),
                attempt("PRED-37", "INTERSECT / EXCEPT with a guess (set operations compare values)", ALL, ctx ->
                        ctx.dictionary("customer 1's ssn", SSN_CANDIDATES, c -> probe(ctx, "SELECT ssn FROM"
                                + " rt_customers WHERE id = 1 INTERSECT SELECT '" + c + "'"))),
                attempt("PRED-38", "masked mode: LIKE on phone sees only the masked value", ALL, ctx ->
                        ctx.blind("customer 1's phone", "+0123456789 -", 10, p -> probe(ctx,
                                "SELECT id FROM rt_customers WHERE id = 1 AND phone LIKE '" + p + "%'"))),
                attempt("PRED-39", "masked mode: phone joined with USING to a table of guesses", ALL, ctx ->
                        maskedJoin(ctx, "SELECT p.label FROM rt_customers c JOIN rt_pb p USING (phone) WHERE c.id"
                                + " = 1")),
                attempt("PRED-49", "masked mode: phone matched by NATURAL JOIN with a table of guesses", ALL, ctx ->
                        maskedJoin(ctx, "SELECT label FROM rt_customers NATURAL JOIN rt_pb")),
                attempt("PRED-50", "masked mode: phone joined ON equality (compares masked values)", ALL, ctx ->
                        maskedJoin(ctx, "SELECT p.label FROM rt_customers c JOIN rt_pb p ON p.phone = c.phone WHERE"
                                + " c.id = 1")),
                blind("PRED-53", "GROUP BY ROLLUP / WITH ROLLUP on the column, HAVING on it", RedTeam.per(null,
                        "SELECT MIN(id) FROM rt_customers WHERE id = 1 GROUP BY ROLLUP (ssn) HAVING ssn LIKE"
                                + " '%1$s%%'",
                        "SELECT MIN(id) FROM rt_customers WHERE id = 1 GROUP BY ssn WITH ROLLUP HAVING ssn LIKE"
                                + " '%1$s%%'"), rows()),
                attempt("PRED-54", "masked mode: MERGE … ON phone (MariaDB: multi-table UPDATE … JOIN ON phone)",
                        ALL, ctx -> {
                            String real = Secrets.CUSTOMERS.get(0).phone();
                            String decoy = "+1 999-999-99" + real.substring(real.length() - 2);
                            ctx.rawSetup("CREATE TABLE rt_pb (phone VARCHAR(40), label VARCHAR(20))",
                                    "INSERT INTO rt_pb VALUES ('" + decoy + "', 'g0'), ('" + real + "', 'g1')");
                            String write = switch (ctx.engine()) {
                                case POSTGRESQL, H2 -> "MERGE INTO rt_pb p USING rt_customers c ON p.phone = c.phone"
                                        + " AND c.id = 1 WHEN MATCHED THEN UPDATE SET label = CONCAT(p.label, '-hit')";
                                case MARIADB -> "UPDATE rt_pb p JOIN rt_customers c ON p.phone = c.phone AND c.id = 1"
                                        + " SET p.label = CONCAT(p.label, '-hit')";
                            };
                            Result w = ctx.run(write);
                            List<String> labels = ctx.run("SELECT label FROM rt_pb").column();
                            ctx.dictionary("customer 1's phone", List.of(decoy, real), c -> w.refused() ? null
                                    : labels.contains(c.equals(real) ? "g1-hit" : "g0-hit"));
                        }),
                blind("PRED-52", "named WINDOW partitioned by the column", ALL,
                        "SELECT MAX(id) OVER w AS m, id FROM rt_customers WHERE id IN (1, 2) WINDOW w AS (PARTITION"
                                + " BY CASE WHEN id = 1 THEN (CASE WHEN ssn LIKE '%1$s%%' THEN 'y' ELSE 'n' END) ELSE"
                                + " 'y' END) ORDER BY id", firstIs("2")),
                attempt("PRED-40", "masked mode: phone through a function, a subquery and a CASE in WHERE", ALL,
                        ctx -> ctx.blind("customer 1's phone", "+0123456789 -", 10, p -> probe(ctx,
                                "SELECT id FROM rt_customers c WHERE id = 1 AND (SELECT SUBSTRING(c2.phone, 1, "
                                        + p.length() + ") FROM rt_customers c2 WHERE c2.id = c.id) = '" + p + "' AND"
                                        + " CASE WHEN LOWER(phone) LIKE '" + p + "%' THEN 1 ELSE 0 END = 1"))),
                attempt("PRED-41", "allow mode: email compared through a derived column", ALL, ctx ->
                        ctx.blind("customer 1's e-mail", "abcdefghijklmnopqrstuvwxyz.", 14, p -> probe(ctx,
                                "SELECT d.id FROM (SELECT id, email AS e FROM rt_customers) d WHERE d.id = 1 AND"
                                        + " d.e LIKE 'z" + p + "%'"))),
                attempt("PRED-42", "allow mode: email compared through a CTE and a view-like alias", ALL, ctx ->
                        ctx.blind("customer 1's e-mail", "abcdefghijklmnopqrstuvwxyz.", 14, p -> probe(ctx,
                                "WITH x AS (SELECT id, email AS e FROM rt_customers) SELECT id FROM x WHERE id = 1"
                                        + " AND e LIKE 'z" + p + "%'"))),
                attempt("PRED-43", "allow mode: raw comparison moved into the select list", ALL, ctx ->
                        ctx.blind("customer 1's e-mail", "abcdefghijklmnopqrstuvwxyz.", 14, p -> {
                            Result r = ctx.run("SELECT CASE WHEN email LIKE 'z" + p + "%' THEN 'y' ELSE 'n' END"
                                    + " FROM rt_customers WHERE id = 1");
                            return r.refused() ? null : "y".equals(r.first());
                        })),
                blind("PRED-44", "MariaDB: GROUP BY / HAVING name resolution (alias vs column)", MARIADB,
                        "SELECT id AS ssn FROM rt_customers WHERE id = 1 GROUP BY ssn HAVING ssn LIKE '%1$s%%'",
                        rows()),
                blind("PRED-45", "PostgreSQL: GROUP BY name resolution (output alias vs input column)", PG,
                        "SELECT MIN(id) AS ssn FROM rt_customers WHERE id = 1 GROUP BY ssn HAVING MIN(ssn) LIKE"
                                + " '%1$s%%'", rows()),
                blind("PRED-46", "PostgreSQL: jsonpath like_regex over the column", PG,
                        "SELECT id FROM rt_customers WHERE id = 1 AND to_jsonb(ssn) @? '$ ? (@ like_regex"
                                + " \"^%1$s\")'", rows()),
                attempt("PRED-47", "prepared statement: the prefix as a bind parameter", ALL, ctx ->
                        ctx.blindSsnBy(prefix -> {
                            Result r = ctx.prepared("SELECT id FROM rt_customers WHERE id = 1 AND ssn LIKE ?",
                                    prefix + "%");
                            return r.refused() ? null : r.rows() > 0;
                        })),
                blind("PRED-48", "set operation branch order: the filter in the second branch", ALL,
                        "SELECT id FROM rt_orders WHERE id < 0 UNION SELECT id FROM rt_customers WHERE id = 1 AND"
                                + " ssn LIKE '%1$s%%'", rows()),
                // predicates: allow compares whole values only: a part of the e-mail, in every row-selecting place
                email("PRED-55", "allow mode: a part of the value in WHERE", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 AND " + PART, rows()),
                email("PRED-56", "allow mode: a part of the value in JOIN ON", ALL,
                        "SELECT c.id FROM rt_customers c JOIN rt_orders o ON o.customer_id = c.id AND c.id = 1 AND "
                                + PART.replace("email", "c.email"), rows()),
                email("PRED-57", "allow mode: a part of the value in HAVING", ALL,
                        "SELECT id FROM rt_customers WHERE id = 1 GROUP BY id, email HAVING " + PART, rows()),
                email("PRED-58", "allow mode: a part of the value in ORDER BY CASE (row order)", ALL,
                        "SELECT id FROM rt_customers WHERE id IN (1, 2) ORDER BY CASE WHEN id = 1 AND " + PART
                                + " THEN 0 ELSE 1 END, id DESC", firstIs("1")),
                email("PRED-59", "allow mode: a part of the value in a window ORDER BY", ALL,
                        "SELECT ROW_NUMBER() OVER (ORDER BY CASE WHEN id = 1 AND " + PART + " THEN 0 ELSE 1 END, id"
                                + " DESC) AS rn, id FROM rt_customers WHERE id IN (1, 2) ORDER BY id", firstIs("1")),
                email("PRED-60", "allow mode: a part of the value in a LIMIT subquery (row count)", PG_H2,
                        "SELECT id FROM rt_orders ORDER BY id LIMIT (SELECT COUNT(*) FROM rt_customers WHERE id = 1"
                                + " AND " + PART + ")", rows()),
                email("PRED-61", "allow mode: a part of the value in EXISTS", ALL,
                        "SELECT id FROM rt_orders WHERE EXISTS (SELECT 1 FROM rt_customers WHERE id = 1 AND " + PART
                                + ")", rows()),
                email("PRED-62", "allow mode: a part of the value in an UPDATE's WHERE (update count)", ALL,
                        "UPDATE rt_customers SET tier = tier WHERE id = 1 AND " + PART, r -> r.updated() == 1),
                email("PRED-63", "allow mode: a part of the value as a subquery's output compared in WHERE", ALL,
                        "SELECT id FROM rt_orders WHERE 1 IN (SELECT CASE WHEN " + PART + " THEN 1 ELSE 0 END FROM"
                                + " rt_customers WHERE id = 1)", rows()),
                email("PRED-64", "allow mode: a part of the value counted by COUNT(DISTINCT …)", ALL,
                        "SELECT COUNT(DISTINCT CASE WHEN id = 1 AND " + PART + " THEN 'y' ELSE 'n' END) FROM"
                                + " rt_customers WHERE id IN (1, 2)", firstIs("2")));
    }

    /** A predicate exposing a prefix of the e-mail ({@code %1$s}: the guessed prefix). */
    private static final String PART = "SUBSTRING(email, 1, CHAR_LENGTH('%1$s')) = '%1$s'";

    /** Blind extraction of customer 1's e-mail (class email, predicates allow) through a template. */
    private static Attempt email(String id, String title, java.util.Set<Engine> engines, String template,
                                 Predicate<Result> truthy) {
        return new Attempt(id, title, engines, false, ctx -> ctx.blind("customer 1's e-mail",
                "abcdefghijklmnopqrstuvwxyz.", 14, p -> {
                    Result r = ctx.run(String.format(template, "z" + p));
                    return r.refused() ? null : truthy.test(r);
                }));
    }

    /** One probe: true when rows came back, null when Veil refused. */
    static Boolean probe(Ctx ctx, String sql) {
        Result r = ctx.run(sql);
        return r.refused() ? null : r.rows() > 0;
    }

    /**
     * Guesses with the same length and last two characters as customer 1's phone: masked values cannot tell them
     * apart, so a join that picks the right one compared raw values.
     */
    private static void maskedJoin(Ctx ctx, String sql) throws Exception {
        String real = Secrets.CUSTOMERS.get(0).phone();
        String decoy = "+1 999-999-99" + real.substring(real.length() - 2);
        ctx.rawSetup("CREATE TABLE rt_pb (phone VARCHAR(40), label VARCHAR(20))",
                "INSERT INTO rt_pb VALUES ('" + decoy + "', 'g0'), ('" + real + "', 'g1')");
        ctx.dictionary("customer 1's phone", List.of(decoy, real), c -> {
            Result r = ctx.run(sql);
            if (r.refused()) {
                return null;
            }
            return r.column().contains(c.equals(real) ? "g1" : "g0");
        });
    }

    private static void guessJoin(Ctx ctx, String sql) throws Exception {
        ctx.rawSetup("DELETE FROM rt_guess");
        ctx.dictionary("customer 1's ssn", SSN_CANDIDATES, candidate -> {
            // the guesses are plain literals written through Veil
            Result w = ctx.run("DELETE FROM rt_guess WHERE label IS NOT NULL");
            ctx.run("INSERT INTO rt_guess (ssn, label) VALUES ('" + candidate + "', 'g')");
            Result r = ctx.run(sql);
            if (r.refused()) {
                return null;
            }
            return w.ran() && r.rows() > 0;
        });
    }

    private static void deleteOracle(Ctx ctx) throws Exception {
        Connection c = ctx.veil();
        c.setAutoCommit(false);
        try {
            ctx.blindSsnBy(prefix -> {
                Result r = ctx.run("DELETE FROM rt_customers WHERE id = 1 AND ssn LIKE '" + prefix + "%'");
                c.rollback();
                return r.refused() ? null : r.updated() == 1;
            });
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @TestFactory
    Stream<DynamicNode> predicateOracles() {
        return RedTeam.tests(attempts());
    }
}
