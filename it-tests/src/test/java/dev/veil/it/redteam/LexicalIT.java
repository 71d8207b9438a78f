package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;
import static dev.veil.it.redteam.RedTeam.per;
import static dev.veil.it.redteam.RedTeam.sql;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Text the database reads differently from a naive reader: comments the server executes, comment styles, string
 * literal forms, quoted identifiers, multi-statement strings and batches.
 */
class LexicalIT {

    private static void runAll(Ctx ctx, String... sql) {
        for (String s : sql) {
            ctx.run(s);
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                attempt("LEX-01", "MariaDB executable comments: /*! */, /*!NNNNN */, /*M! */, /*M!NNNNNN */", MARIADB,
                        ctx -> runAll(ctx, "SELECT id /*!, full_name */ FROM rt_customers",
                                "SELECT id /*!50000 , ssn */ FROM rt_customers",
                                "SELECT id /*M! , notes */ FROM rt_customers",
                                "SELECT id /*M!100100 , street_address */ FROM rt_customers",
                                "SELECT id /*!99999 , signup_ip */ FROM rt_customers",
                                "SELECT id /*M!999999 , birth_date */ FROM rt_customers")),
                attempt("LEX-02", "MariaDB executable comments hiding a predicate on the deny column", MARIADB,
                        ctx -> ctx.blindSsnBy(p -> PredicateOraclesIT.probe(ctx,
                                "SELECT id FROM rt_customers WHERE id = 1 /*! AND ssn LIKE '" + p + "%' */"))),
                attempt("LEX-03", "MariaDB comment styles: '-- ' vs '--1', '#', nested /* */", MARIADB, ctx ->
                        runAll(ctx, "SELECT id FROM rt_customers WHERE id = 1 --1 AND ssn LIKE '5%'",
                                "SELECT id, 1--1 AS x, full_name FROM rt_customers",
                                "SELECT id # , full_name\n, notes FROM rt_customers",
                                "SELECT id /* /* */ , full_name /* */ FROM rt_customers",
                                "SELECT id --\t, full_name\n FROM rt_customers",
                                "SELECT id --\u000b, full_name\n FROM rt_customers")),
                attempt("LEX-04", "PostgreSQL / H2 nested comments and H2 '//' comments", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL, H2 -> runAll(ctx, "SELECT id /* /* */ , full_name */ FROM rt_customers",
                                "SELECT id /* /* */ */ , full_name FROM rt_customers",
                                "SELECT id FROM rt_customers WHERE id = 1 /* /* */ AND ssn LIKE '5%' */");
                        case MARIADB -> runAll(ctx, "SELECT id /* /* */ , full_name FROM rt_customers");
                    }
                    if (ctx.is(dev.veil.it.support.TestDatabase.Engine.H2)) {
                        runAll(ctx, "SELECT id // , full_name\n, notes FROM rt_customers");
                    }
                }),
                attempt("LEX-05", "string literals with backslashes, doubled quotes and escapes", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "SELECT '\\' , full_name FROM rt_customers -- '",
                                "SELECT E'\\'' , full_name, '' FROM rt_customers",
                                "SELECT 'a\\'', ssn -- ', 1\nFROM rt_customers",
                                "SELECT U&'\\0027' , full_name FROM rt_customers",
                                "SELECT U&'!0027' UESCAPE '!', full_name FROM rt_customers");
                        case MARIADB -> runAll(ctx, "SELECT '\\' , full_name FROM rt_customers -- '",
                                "SELECT 'a''', full_name FROM rt_customers",
                                "SELECT \"a\\\"\" , full_name FROM rt_customers",
                                "SELECT _binary'\\'' , full_name, '' FROM rt_customers",
                                "SELECT N'x', X'41', B'1', 'a' 'b', full_name FROM rt_customers");
                        case H2 -> runAll(ctx, "SELECT '\\' , full_name FROM rt_customers -- '",
                                "SELECT 'a''', full_name FROM rt_customers",
                                "SELECT U&'\\0027', full_name FROM rt_customers");
                    }
                }),
                attempt("LEX-06", "dollar-quoted strings (PostgreSQL, H2)", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "SELECT $$ ' $$, full_name FROM rt_customers",
                                "SELECT $a$ $b$ ' $a$ AS x, full_name FROM rt_customers -- $b$",
                                "SELECT $a$x$a$$b$y$b$, full_name FROM rt_customers",
                                "SELECT 1 AS a$b, full_name FROM rt_customers");
                        case H2 -> runAll(ctx, "SELECT $$ ' $$, full_name FROM rt_customers");
                        case MARIADB -> runAll(ctx, "SELECT '$$', full_name FROM rt_customers");
                    }
                }),
                attempt("LEX-07", "PostgreSQL: string continuation across a newline and a comment", PG, ctx ->
                        runAll(ctx, "SELECT 'a'\n', full_name' FROM rt_customers",
                                "SELECT 'a' -- x\n' , full_name, ' FROM rt_customers",
                                "SELECT 'a' /* x */\n' , full_name, ' AS y, full_name FROM rt_customers")),
                sql("LEX-08", "quoted identifiers: U& with UESCAPE, backticks, doubled quotes", per(
                        "SELECT \"SSN\", \"FULL_NAME\" AS \"a\"\"b\" FROM rt_customers",
                        "SELECT U&\"!0073sn\" UESCAPE '!', \"full_name\" AS \"a\"\"b\" FROM rt_customers",
                        "SELECT `ssn`, `full_name` AS `a``b`, `Notes` FROM rt_customers")),
                sql("LEX-09", "MariaDB: identifiers that differ only in accents or case", MARIADB,
                        "SELECT `śsn`, `FULL_NAME`, `nötes` FROM rt_customers"),
                attempt("LEX-10", "a harmless statement, then a leaking one, in one string", ALL, ctx ->
                        runAll(ctx, "SELECT 1; SELECT full_name, ssn FROM rt_customers",
                                "SELECT id FROM rt_orders; SELECT notes FROM rt_customers WHERE id = 1",
                                "SELECT 1;SELECT street_address FROM rt_customers;")),
                mutating("LEX-11", "a batch: harmless statements, then a copy of sensitive values", ALL, ctx -> {
                    try (Statement s = ctx.veil().createStatement()) {
                        s.addBatch("UPDATE rt_customers SET tier = tier WHERE id = 1");
                        s.addBatch("INSERT INTO rt_sink (id, a) VALUES (1, 'x')");
                        s.addBatch("INSERT INTO rt_sink (id, a, b) SELECT id, full_name, notes FROM rt_customers");
                        ctx.statements.add("batch of 3");
                        ctx.scanValue("batch counts", Arrays.toString(s.executeBatch()));
                    }
                }),
                mutating("LEX-12", "a prepared batch with parameters", ALL, ctx -> {
                    try (var p = ctx.veil().prepareStatement("INSERT INTO rt_sink (id, a) SELECT id, street_address"
                            + " FROM rt_customers WHERE id = ?")) {
                        p.setInt(1, 1);
                        p.addBatch();
                        p.setInt(1, 2);
                        p.addBatch();
                        ctx.statements.add("prepared batch");
                        ctx.scanValue("batch counts", Arrays.toString(p.executeBatch()));
                    }
                }),
                attempt("LEX-13", "unterminated comments and strings at the end of the text", ALL, ctx ->
                        runAll(ctx, "SELECT id, full_name FROM rt_customers /*", "SELECT id FROM rt_customers --",
                                "SELECT id, 'x FROM rt_customers", "SELECT full_name FROM rt_customers;;;")),
                attempt("LEX-14", "Unicode and control characters around identifiers", ALL, ctx ->
                        runAll(ctx, "SELECT\u00a0full_name FROM rt_customers",
                                "SELECT\u2028full_name FROM rt_customers",
                                "SELECT full_name\u0000 FROM rt_customers",
                                "SELECT\u000bfull_name\u000cFROM rt_customers")),
                attempt("LEX-15", "very long and deeply nested statements", ALL, ctx -> {
                    String nested = "(".repeat(70) + "full_name" + ")".repeat(70);
                    runAll(ctx, "SELECT " + nested + " FROM rt_customers",
                            "SELECT full_name FROM rt_customers WHERE 'x' <> '" + "y".repeat(1_100_000) + "'");
                }));
    }

    @TestFactory
    Stream<DynamicNode> lexical() {
        return RedTeam.tests(attempts());
    }
}
