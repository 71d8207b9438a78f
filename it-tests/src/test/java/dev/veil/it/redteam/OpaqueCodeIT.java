package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Code and data Veil cannot see through: user-defined functions and procedures (created through a raw connection, and
 * through Veil), dynamic SQL, cursors, exports and file access, linked tables, JDBC escapes.
 */
class OpaqueCodeIT {

    private static void runAll(Ctx ctx, String... sql) {
        for (String s : sql) {
            ctx.run(s);
        }
    }

    /** A function, created raw, that reads the customers itself. */
    private static void leakFunction(Ctx ctx) throws Exception {
        switch (ctx.engine()) {
            case POSTGRESQL -> ctx.rawSetup("CREATE FUNCTION rt_leak_fn() RETURNS text LANGUAGE sql AS"
                    + " 'SELECT string_agg(ssn || '' '' || full_name, '','') FROM rt_customers'",
                    "CREATE FUNCTION rt_leak_fn(text) RETURNS text LANGUAGE sql AS"
                            + " 'SELECT string_agg(notes, '','') FROM rt_customers'");
            case MARIADB -> ctx.rawSetup("CREATE FUNCTION rt_leak_fn() RETURNS TEXT READS SQL DATA RETURN (SELECT"
                    + " GROUP_CONCAT(CONCAT(ssn, ' ', full_name)) FROM rt_customers)");
            case H2 -> ctx.rawSetup("CREATE ALIAS RT_LEAK_FN AS 'String f(java.sql.Connection c) throws Exception {"
                    + " java.sql.ResultSet rs = c.createStatement().executeQuery(\"SELECT LISTAGG(SSN || '' '' ||"
                    + " FULL_NAME, '','') FROM RT_CUSTOMERS\"); rs.next(); return rs.getString(1); }'");
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                mutating("CODE-01", "a user-defined function (created raw) that reads the table", ALL, ctx -> {
                    leakFunction(ctx);
                    runAll(ctx, "SELECT rt_leak_fn()", "SELECT id FROM rt_customers WHERE rt_leak_fn() IS NOT NULL",
                            "SELECT * FROM rt_orders ORDER BY rt_leak_fn()");
                }),
                mutating("CODE-02", "the same function named every way (qualified, quoted, case)", ALL, ctx -> {
                    leakFunction(ctx);
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "SELECT public.rt_leak_fn()", "SELECT \"rt_leak_fn\"()",
                                "SELECT RT_LEAK_FN()", "SELECT rt_leak_fn('x')", "SELECT * FROM rt_leak_fn()",
                                "SELECT U&\"rt_leak_f\\006e\"()");
                        case MARIADB -> runAll(ctx, "SELECT `rt_leak_fn`()", "SELECT RT_LEAK_FN()",
                                "SELECT " + ctx.run("SELECT DATABASE()").first() + ".rt_leak_fn()");
                        case H2 -> runAll(ctx, "SELECT PUBLIC.RT_LEAK_FN()", "SELECT \"RT_LEAK_FN\"()",
                                "CALL RT_LEAK_FN()", "SELECT * FROM TABLE(X VARCHAR = (RT_LEAK_FN()))");
                    }
                }),
                mutating("CODE-03", "PostgreSQL: a user function named like a built-in, chosen by its signature",
                        RedTeam.PG, ctx -> {
                            ctx.rawSetup("CREATE FUNCTION public.lower(integer) RETURNS text LANGUAGE sql AS"
                                    + " 'SELECT string_agg(full_name, '','') FROM rt_customers'",
                                    "CREATE FUNCTION public.md5(integer) RETURNS text LANGUAGE sql AS"
                                            + " 'SELECT string_agg(ssn, '','') FROM rt_customers'");
                            runAll(ctx, "SELECT lower(1)", "SELECT md5(42)", "SELECT upper(lower(id)) FROM rt_orders");
                            ctx.rawSetup("DROP FUNCTION public.lower(integer)", "DROP FUNCTION public.md5(integer)");
                        }),
                mutating("CODE-04", "creating such a function through Veil, then calling it", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "CREATE FUNCTION rt_leak_fn() RETURNS text LANGUAGE sql"
                                        + " RETURN (SELECT string_agg(full_name, ',') FROM rt_customers)",
                                "CREATE FUNCTION rt_leak_fn(text) RETURNS text LANGUAGE sql AS $$ SELECT"
                                        + " string_agg(notes, ',') FROM rt_customers $$", "SELECT rt_leak_fn()");
                        case MARIADB -> runAll(ctx, "CREATE FUNCTION rt_leak_fn() RETURNS TEXT RETURN (SELECT"
                                + " GROUP_CONCAT(full_name) FROM rt_customers)", "SELECT rt_leak_fn()");
                        case H2 -> runAll(ctx, "CREATE ALIAS RT_LEAK_FN FOR 'java.lang.System.getProperty'",
                                "CREATE ALIAS RT_LEAK_FN AS $$ String f(java.sql.Connection c) throws Exception {"
                                        + " java.sql.ResultSet rs = c.createStatement().executeQuery(\"SELECT"
                                        + " LISTAGG(FULL_NAME, ',') FROM RT_CUSTOMERS\"); rs.next(); return"
                                        + " rs.getString(1); } $$", "SELECT RT_LEAK_FN()");
                    }
                }),
                mutating("CODE-05", "triggers and rules that copy raw rows on a harmless write", ALL, ctx -> {
                    ctx.sink("rt_log");
                    ctx.rawSetup("CREATE TABLE rt_log (v VARCHAR(1000))");
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "CREATE RULE rt_r AS ON INSERT TO rt_sink DO ALSO INSERT"
                                        + " INTO rt_log SELECT full_name FROM rt_customers",
                                "INSERT INTO rt_sink (id) VALUES (1)");
                        case MARIADB -> runAll(ctx, "CREATE TRIGGER rt_t AFTER INSERT ON rt_sink FOR EACH ROW"
                                        + " INSERT INTO rt_log SELECT full_name FROM rt_customers",
                                "INSERT INTO rt_sink (id) VALUES (1)");
                        case H2 -> runAll(ctx, "CREATE TRIGGER rt_t AFTER INSERT ON rt_sink FOR EACH ROW AS $$"
                                        + "org.h2.api.Trigger create() { return new org.h2.api.Trigger() { public void"
                                        + " fire(java.sql.Connection c, Object[] o, Object[] n) throws"
                                        + " java.sql.SQLException { c.createStatement().execute(\"INSERT INTO RT_LOG"
                                        + " SELECT FULL_NAME FROM RT_CUSTOMERS\"); } }; } $$",
                                "INSERT INTO rt_sink (id) VALUES (1)");
                    }
                }),
                attempt("CODE-06", "code blocks (DO, BEGIN NOT ATOMIC) and dynamic SQL", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "DO $$ BEGIN RAISE NOTICE '%', (SELECT string_agg(full_name,"
                                        + " ',') FROM rt_customers); END $$",
                                "PREPARE rt_p AS SELECT full_name FROM rt_customers", "EXECUTE rt_p",
                                "SELECT query_to_xml('SELECT full_name FROM rt_customers', true, true, '')",
                                "SELECT table_to_xml('rt_customers', true, true, '')",
                                "SELECT * FROM dblink('dbname=test', 'SELECT full_name FROM rt_customers') AS t(x"
                                        + " text)");
                        case MARIADB -> runAll(ctx, "BEGIN NOT ATOMIC SELECT full_name FROM rt_customers; END",
                                "PREPARE rt_p FROM 'SELECT full_name FROM rt_customers'", "EXECUTE rt_p",
                                "EXECUTE IMMEDIATE 'SELECT full_name FROM rt_customers'",
                                "EXECUTE IMMEDIATE CONCAT('SELECT full', '_name FROM rt_customers')");
                        case H2 -> runAll(ctx, "EXECUTE IMMEDIATE 'SELECT full_name FROM rt_customers'",
                                "CALL (SELECT LISTAGG(full_name, ',') FROM rt_customers)");
                    }
                }),
                attempt("CODE-07", "cursors", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "BEGIN", "DECLARE rt_c CURSOR FOR SELECT full_name, ssn FROM"
                                + " rt_customers", "FETCH ALL FROM rt_c", "MOVE FIRST IN rt_c", "CLOSE rt_c",
                                "COMMIT");
                        case MARIADB -> runAll(ctx, "HANDLER rt_customers OPEN", "HANDLER rt_customers READ FIRST",
                                "HANDLER rt_customers CLOSE");
                        case H2 -> runAll(ctx, "SELECT * FROM rt_customers FOR UPDATE");
                    }
                }),
                mutating("CODE-08", "exports and file access", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "COPY (SELECT full_name FROM rt_customers) TO STDOUT",
                                "COPY rt_customers TO '/tmp/rt_pg_export.csv'",
                                "SELECT pg_read_file('/etc/hostname')", "SELECT lo_import('/etc/hostname')",
                                "COPY rt_sink (a) FROM '/tmp/rt_pg_export.csv'");
                        case MARIADB -> runAll(ctx, "SELECT full_name FROM rt_customers INTO OUTFILE"
                                        + " '/tmp/rt_mariadb_export.txt'",
                                "SELECT full_name FROM rt_customers INTO DUMPFILE '/tmp/rt_mariadb_dump.txt'",
                                "SELECT LOAD_FILE('/tmp/rt_mariadb_export.txt')",
                                "LOAD DATA INFILE '/tmp/rt_mariadb_export.txt' INTO TABLE rt_sink (a)");
                        case H2 -> runAll(ctx, "CALL CSVWRITE('target/rt_h2_export.csv', 'SELECT full_name FROM"
                                        + " rt_customers')",
                                "SCRIPT TO 'target/rt_h2_script.sql'",
                                "SELECT FILE_WRITE('x', 'target/rt_h2_file.txt')",
                                "SELECT * FROM CSVREAD('target/rt_h2_export.csv')",
                                "SELECT FILE_READ('target/rt_h2_script.sql')",
                                "RUNSCRIPT FROM 'target/rt_h2_script.sql'");
                    }
                }),
                mutating("CODE-09", "H2: a LINKED TABLE pointing back at the customers", H2, ctx -> {
                    String url = ctx.db.url();
                    runAll(ctx, "CREATE LINKED TABLE rt_link('org.h2.Driver', '" + url + "', '" + ctx.db.user()
                            + "', '" + ctx.db.password() + "', 'RT_CUSTOMERS')", "SELECT notes, ssn FROM rt_link",
                            "CREATE FORCE LINKED TABLE rt_link2('', '" + url + "', 'sa', '', '(SELECT FULL_NAME FROM"
                                    + " RT_CUSTOMERS)')", "SELECT * FROM rt_link2",
                            "CALL LINK_SCHEMA('RT_LS', '', '" + url + "', 'sa', '', 'PUBLIC')");
                    ctx.rawSetup("DROP TABLE IF EXISTS rt_link2", "DROP SCHEMA IF EXISTS RT_LS CASCADE");
                }),
                mutating("CODE-10", "procedures (created raw) returning result sets, called through Veil", ALL,
                        ctx -> {
                            switch (ctx.engine()) {
                                case POSTGRESQL -> {
                                    ctx.rawSetup("CREATE PROCEDURE rt_leak_proc(INOUT r text DEFAULT NULL) LANGUAGE"
                                            + " sql AS 'SELECT string_agg(full_name, '','') FROM rt_customers'");
                                    runAll(ctx, "CALL rt_leak_proc()", "{call rt_leak_proc(?)}");
                                    ctx.rawSetup("DROP PROCEDURE rt_leak_proc");
                                }
                                case MARIADB -> {
                                    ctx.rawSetup("CREATE PROCEDURE rt_leak_proc() SELECT full_name FROM"
                                            + " rt_customers");
                                    runAll(ctx, "CALL rt_leak_proc()", "{call rt_leak_proc()}");
                                }
                                case H2 -> {
                                    leakFunction(ctx);
                                    runAll(ctx, "{call RT_LEAK_FN()}", "{? = call RT_LEAK_FN()}");
                                }
                            }
                        }),
                mutating("CODE-11", "callable statements (prepareCall) and OUT parameters", ALL, ctx -> {
                    leakFunction(ctx);
                    try (var cs = ctx.veil().prepareCall("{? = call rt_leak_fn()}")) {
                        cs.registerOutParameter(1, java.sql.Types.VARCHAR);
                        cs.execute();
                        ctx.scanValue("OUT parameter", cs.getObject(1));
                    }
                }),
                attempt("CODE-12", "JDBC escape syntax around sensitive columns", ALL, ctx ->
                        runAll(ctx, "SELECT {fn ucase(full_name)}, {fn concat(ssn, notes)} FROM rt_customers",
                                "SELECT id FROM rt_customers WHERE {fn ucase(ssn)} LIKE '5%'",
                                "SELECT id FROM {oj rt_customers c LEFT OUTER JOIN rt_orders o ON o.customer_id ="
                                        + " c.id AND c.ssn LIKE '5%'}",
                                "SELECT id FROM rt_customers WHERE email LIKE 'z\\_%' {escape '\\'}")),
                attempt("CODE-13", "MariaDB: DO, PROCEDURE ANALYSE, SELECT … INTO variables", RedTeam.MARIADB, ctx ->
                        runAll(ctx, "DO (SELECT @rt_v := full_name FROM rt_customers LIMIT 1)",
                                "SELECT ssn FROM rt_customers PROCEDURE ANALYSE()",
                                "SELECT full_name, ssn INTO @a, @b FROM rt_customers LIMIT 1", "SELECT @a, @b")),
                attempt("CODE-14", "table functions over data Veil cannot see (JSON_TABLE, CSVREAD, unnest of a"
                        + " subquery)", ALL, ctx -> {
                            switch (ctx.engine()) {
                                case POSTGRESQL -> runAll(ctx, "SELECT * FROM json_to_recordset((SELECT json_agg("
                                        + "json_build_object('n', full_name)) FROM rt_customers)) AS t(n text)",
                                        "SELECT * FROM jsonb_each_text((SELECT jsonb_object_agg(nickname, notes) FROM"
                                                + " rt_customers))");
                                case MARIADB -> runAll(ctx, "SELECT * FROM JSON_TABLE((SELECT JSON_ARRAYAGG(full_name)"
                                        + " FROM rt_customers), '$[*]' COLUMNS (n TEXT PATH '$')) t");
                                case H2 -> runAll(ctx, "SELECT * FROM UNNEST((SELECT ARRAY_AGG(full_name) FROM"
                                        + " rt_customers))", "SELECT * FROM TABLE(N VARCHAR = (SELECT"
                                        + " ARRAY_AGG(notes) FROM rt_customers))");
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicNode> opaqueCode() {
        return RedTeam.tests(attempts());
    }
}
