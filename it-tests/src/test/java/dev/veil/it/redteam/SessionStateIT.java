package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Session state: Veil's hash secrets, session and user variables carrying values between statements, settings that
 * change how SQL is read, the name search path and temporary tables (a statement analyzed under one session state and
 * run under another), exempt principals.
 */
class SessionStateIT {

    private static void runAll(Ctx ctx, String... sql) {
        for (String s : sql) {
            ctx.run(s);
        }
    }

    private static void runAll(Ctx ctx, Connection c, String... sql) {
        for (String s : sql) {
            ctx.run(c, s);
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                attempt("SESS-01", "PostgreSQL: SHOW ALL spelled as a quoted identifier, SHOW of the secrets", PG,
                        ctx -> runAll(ctx, "SHOW \"all\"", "SHOW \"ALL\"", "SHOW U&\"\\0061ll\"",
                                "SHOW veil.hash_ikey", "SHOW \"VEIL.hash_ikey\"", "SHOW U&\"\\0076eil.hash_ikey\"",
                                "SHOW \"veil\".\"hash_okey\"")),
                attempt("SESS-02", "PostgreSQL: current_setting of the secrets, name spelled every way", PG, ctx ->
                        runAll(ctx, "SELECT current_setting('veil.hash_ikey')",
                                "SELECT current_setting('VEIL.HASH_IKEY')",
                                "SELECT current_setting(U&'\\0076eil.hash_ikey')",
                                "SELECT current_setting(E'\\x76eil.hash_ikey')",
                                "SELECT current_setting('ve' || 'il.hash_okey')",
                                "SELECT current_setting($$veil.hash_okey$$)",
                                "SELECT pg_catalog.current_setting(lower('VEIL.hash_okey'))")),
                attempt("SESS-03", "PostgreSQL: settings catalogs and functions", PG, ctx ->
                        runAll(ctx, "SELECT name, setting FROM pg_settings WHERE name LIKE 've%'",
                                "SELECT * FROM pg_catalog.pg_show_all_settings()",
                                "SELECT * FROM \"pg_settings\"", "SELECT * FROM pg_file_settings",
                                "SELECT * FROM pg_db_role_setting")),
                attempt("SESS-04", "MariaDB: information_schema.USER_VARIABLES (the plugin is active)", MARIADB, ctx ->
                        runAll(ctx, "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.user_variables",
                                "SELECT * FROM information_schema.USER_VARIABLES",
                                "SELECT * FROM `information_schema`.`User_Variables`",
                                "SHOW USER_VARIABLES")),
                attempt("SESS-05", "MariaDB: the secrets as user variables, every quoting", MARIADB, ctx ->
                        runAll(ctx, "SELECT @veil_hash_ikey", "SELECT @VEIL_HASH_IKEY", "SELECT @`veil_hash_ikey`",
                                "SELECT @'veil_hash_ikey'", "SELECT @\"veil_hash_okey\"",
                                "SELECT /*!@veil_hash_okey*/ 1", "SELECT HEX(@veil_hash_okey)")),
                attempt("SESS-06", "H2: the secrets as variables, SESSION_STATE, SCRIPT", H2, ctx ->
                        runAll(ctx, "SELECT @VEIL_HASH_IKEY", "SELECT @veil_hash_ikey", "CALL @VEIL_HASH_OKEY",
                                "VALUES (@VEIL_HASH_OKEY)", "SELECT * FROM INFORMATION_SCHEMA.SESSION_STATE",
                                "SELECT * FROM information_schema.session_state", "SCRIPT NODATA",
                                "SELECT * FROM INFORMATION_SCHEMA.SETTINGS")),
                attempt("SESS-07", "exempt principals still cannot read Veil's hash secrets", ALL, ctx -> {
                    Connection exempt = ctx.openExempt();
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, exempt, "SELECT current_setting('veil.hash_ikey')",
                                "SELECT current_setting(E'\\x76eil.hash_ikey')",
                                "SELECT current_setting(U&'\\0076eil.hash_okey')",
                                "SELECT current_setting('ve' || 'il.hash_okey')",
                                "SELECT setting FROM pg_settings WHERE name LIKE 'veil%'", "SHOW \"VEIL.hash_ikey\"");
                        case MARIADB -> runAll(ctx, exempt, "SELECT @veil_hash_ikey",
                                "SELECT VARIABLE_VALUE FROM information_schema.user_variables",
                                "SELECT @'veil_hash_okey'");
                        case H2 -> runAll(ctx, exempt, "SELECT @VEIL_HASH_IKEY",
                                "SELECT * FROM INFORMATION_SCHEMA.SESSION_STATE", "SCRIPT NODATA");
                    }
                }),
                attempt("SESS-08", "session variables carrying a value from one statement to the next", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx,
                                "SELECT set_config('rt.x', (SELECT full_name FROM rt_customers WHERE id = 1), false)",
                                "SET rt.y = 'x'", "SELECT current_setting('rt.x')");
                        case MARIADB -> runAll(ctx, "SET @rt_x = (SELECT full_name FROM rt_customers WHERE id = 1)",
                                "SELECT @rt_x := full_name FROM rt_customers WHERE id = 1",
                                "SELECT full_name INTO @rt_y FROM rt_customers WHERE id = 1",
                                "SELECT @rt_x, @rt_y");
                        case H2 -> runAll(ctx, "SET @RT_X = (SELECT full_name FROM rt_customers WHERE id = 1)",
                                "SELECT SET(@RT_Y, full_name) FROM rt_customers WHERE id = 1",
                                "SELECT @RT_X, @RT_Y");
                    }
                }),
                attempt("SESS-09", "settings that change how text is read, then text read the other way", ALL,
                        ctx -> {
                            switch (ctx.engine()) {
                                case POSTGRESQL -> runAll(ctx, "SET standard_conforming_strings = off",
                                        "SET SESSION standard_conforming_strings TO off",
                                        "SET escape_string_warning = off", "SET backslash_quote = on",
                                        "SELECT 'a\\'', ssn -- ', 1\nFROM rt_customers");
                                case MARIADB -> runAll(ctx, "SET sql_mode = 'ANSI_QUOTES'",
                                        "SET SESSION sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES'",
                                        "SET @@sql_mode := 'ANSI_QUOTES'", "SET @@session.sql_mode = 'ANSI_QUOTES'",
                                        "SET STATEMENT sql_mode = 'ANSI_QUOTES' FOR SELECT \"ssn\" FROM rt_customers",
                                        "/*!40101 SET sql_mode = 'ANSI_QUOTES' */",
                                        "SET NAMES gbk", "SET CHARACTER SET gbk", "SET character_set_client = gbk",
                                        "SELECT \"ssn\", \"full_name\" FROM rt_customers");
                                case H2 -> runAll(ctx, "SET MODE MySQL", "SET MODE PostgreSQL",
                                        "SET IGNORECASE TRUE", "SET DATABASE_TO_UPPER FALSE",
                                        "SELECT `ssn` FROM rt_customers");
                            }
                        }),
                mutating("SESS-10", "PostgreSQL: one string that changes the search path, then selects", PG, ctx -> {
                    ctx.rawSetup("CREATE SCHEMA rt_other",
                            "CREATE TABLE rt_other.rt_customers (id int, notes text, birth_date int)");
                    ctx.run("SET search_path = rt_other");
                    ctx.run("SET search_path = public; SELECT notes, birth_date FROM rt_customers");
                }),
                attempt("SESS-11", "PostgreSQL: a temporary table shadows the customers, dropped in the same string",
                        PG, ctx -> {
                            ctx.run("CREATE TEMP TABLE rt_customers (id int, notes text, birth_date int)");
                            ctx.run("DROP TABLE pg_temp.rt_customers; SELECT notes, birth_date FROM rt_customers");
                        }),
                attempt("SESS-12", "PostgreSQL: a statement prepared while a temporary table shadows the customers",
                        PG, ctx -> {
                            ctx.run("CREATE TEMP TABLE rt_customers (id int, notes text, birth_date int)");
                            try (PreparedStatement p = ctx.veil().prepareStatement(
                                    "SELECT notes, birth_date FROM rt_customers")) {
                                ctx.run("DROP TABLE pg_temp.rt_customers");
                                try (ResultSet rs = p.executeQuery()) {
                                    ctx.scan("prepared statement", rs);
                                }
                            }
                        }),
                mutating("SESS-13", "a statement prepared under another search path / schema / database", ALL,
                        SessionStateIT::preparedElsewhere),
                mutating("SESS-14", "MariaDB: one string that switches the database, then selects", MARIADB, ctx -> {
                    String home = ctx.run("SELECT DATABASE()").first();
                    ctx.rawSetup("CREATE DATABASE rt_other",
                            "CREATE TABLE rt_other.rt_customers (id INT, notes TEXT, birth_date INT)");
                    ctx.run("USE rt_other");
                    ctx.run("USE " + home + "; SELECT notes, birth_date FROM rt_customers");
                }),
                mutating("SESS-15", "H2: one string that switches the schema, then selects", H2, ctx -> {
                    ctx.rawSetup("CREATE SCHEMA rt_other",
                            "CREATE TABLE rt_other.rt_customers (id INT, notes VARCHAR(1000), birth_date INT)");
                    ctx.run("SET SCHEMA rt_other");
                    ctx.run("SET SCHEMA PUBLIC; SELECT notes, birth_date FROM rt_customers");
                    ctx.run("SET SCHEMA_SEARCH_PATH PUBLIC; SELECT notes FROM rt_customers");
                }),
                mutating("SESS-16", "JDBC setSchema / setCatalog between prepare and execute", ALL, ctx -> {
                    prepareShadow(ctx);
                    Connection c = ctx.veil();
                    String home = ctx.is(Engine.MARIADB) ? c.getCatalog() : c.getSchema();
                    if (ctx.is(Engine.MARIADB)) {
                        c.setCatalog("rt_other");
                    } else {
                        c.setSchema(ctx.is(Engine.H2) ? "RT_OTHER" : "rt_other");
                    }
                    try (PreparedStatement p = c.prepareStatement("SELECT notes, birth_date FROM rt_customers")) {
                        if (ctx.is(Engine.MARIADB)) {
                            c.setCatalog(home);
                        } else {
                            c.setSchema(home);
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            ctx.scan("prepared statement", rs);
                        }
                    }
                }),
                attempt("SESS-17", "claiming to be an exempt principal with veil.requester", ALL, ctx -> {
                    Properties p = new Properties();
                    p.setProperty("veil.policy", RedTeam.exemptPolicy(ctx.db, "rt_requester").toString());
                    p.setProperty("veil.requester", "rt_requester");
                    Connection c = ctx.openVeil(p);
                    ctx.run(c, "SELECT full_name, ssn, notes FROM rt_customers");
                }),
                attempt("SESS-18", "switching role or session user", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "SET ROLE postgres", "SET SESSION AUTHORIZATION postgres",
                                "SET ROLE NONE", "RESET ROLE", "SELECT full_name FROM rt_customers");
                        case MARIADB -> runAll(ctx, "SET ROLE NONE", "SET DEFAULT ROLE NONE",
                                "SELECT full_name FROM rt_customers");
                        case H2 -> runAll(ctx, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL"
                                + " READ COMMITTED", "SELECT full_name FROM rt_customers");
                    }
                }),
                attempt("SESS-19", "clearing session state (RESET ALL, DISCARD, RESET of secrets) then hashing", ALL,
                        ctx -> {
                            switch (ctx.engine()) {
                                case POSTGRESQL -> runAll(ctx, "RESET ALL", "DISCARD ALL", "RESET veil.hash_ikey",
                                        "SET veil.hash_ikey = '00'", "SET search_path TO DEFAULT",
                                        "SELECT loyalty_code, ssn FROM rt_customers");
                                case MARIADB -> runAll(ctx, "SET @veil_hash_ikey = NULL", "RESET QUERY CACHE",
                                        "SELECT loyalty_code, ssn FROM rt_customers");
                                case H2 -> runAll(ctx, "SET @VEIL_HASH_IKEY = NULL",
                                        "SELECT loyalty_code, ssn FROM rt_customers");
                            }
                        }),
                mutating("SESS-21", "PostgreSQL: SET LOCAL search_path, then COMMIT (the path reverts silently)",
                        PG, ctx -> {
                            innocentTwin(ctx);
                            runAll(ctx, "BEGIN", "SET LOCAL search_path = rt_other", "COMMIT",
                                    "SELECT notes, birth_date FROM rt_customers");
                        }),
                mutating("SESS-22", "PostgreSQL: SET search_path in a transaction rolled back by a ROLLBACK statement",
                        PG, ctx -> {
                            innocentTwin(ctx);
                            runAll(ctx, "BEGIN", "SET search_path = rt_other", "ROLLBACK",
                                    "SELECT notes, birth_date FROM rt_customers");
                        }),
                mutating("SESS-23", "PostgreSQL: SET search_path undone by ROLLBACK TO SAVEPOINT", PG, ctx -> {
                    innocentTwin(ctx);
                    runAll(ctx, "BEGIN", "SAVEPOINT rt_s", "SET search_path = rt_other", "ROLLBACK TO SAVEPOINT rt_s",
                            "SELECT notes, birth_date FROM rt_customers", "COMMIT");
                }),
                attempt("SESS-24", "PostgreSQL: a temporary table created in a transaction that is rolled back", PG,
                        ctx -> {
                            Connection c = ctx.veil();
                            c.setAutoCommit(false);
                            runAll(ctx, "CREATE TEMP TABLE rt_customers (id int, notes text, birth_date int)",
                                    "SELECT notes, birth_date FROM rt_customers");
                            c.rollback();
                            c.setAutoCommit(true);
                            runAll(ctx, "SELECT notes, birth_date FROM rt_customers");
                        }),
                attempt("SESS-25", "PostgreSQL: a temporary table ON COMMIT DROP", PG, ctx ->
                        runAll(ctx, "BEGIN", "CREATE TEMP TABLE rt_customers (id int, notes text, birth_date int) ON"
                                        + " COMMIT DROP", "SELECT notes, birth_date FROM rt_customers", "COMMIT",
                                "SELECT notes, birth_date FROM rt_customers")),
                mutating("SESS-26", "PostgreSQL: rolled-back DDL poisons Veil's shared catalog for other sessions",
                        PG, ctx -> {
                            runAll(ctx, "BEGIN", "ALTER TABLE rt_customers RENAME COLUMN notes TO rt_n",
                                    "ALTER TABLE rt_customers RENAME COLUMN city TO notes",
                                    "SELECT notes FROM rt_customers", "ROLLBACK");
                            ctx.run(ctx.openVeil(), "SELECT notes FROM rt_customers");
                        }),
                attempt("SESS-27", "vendor connection properties that change how SQL is read", ALL, ctx -> {
                    Properties p = new Properties();
                    switch (ctx.engine()) {
                        case POSTGRESQL -> p.setProperty("options", "-c standard_conforming_strings=off");
                        case MARIADB -> p.setProperty("sessionVariables", "sql_mode='ANSI_QUOTES'");
                        case H2 -> p.setProperty("MODE", "MySQL");
                    }
                    try {
                        Connection c = ctx.openVeil(p);
                        ctx.run(c, ctx.is(Engine.MARIADB) ? "SELECT \"ssn\", \"full_name\" FROM rt_customers"
                                : "SELECT 'a\\'', ssn -- ', 1\nFROM rt_customers");
                    } catch (java.sql.SQLException e) {
                        ctx.observe("connect", e);
                    } finally {
                        if (ctx.is(Engine.H2)) {
                            ctx.rawSetup("SET MODE REGULAR"); // H2's mode belongs to the database, not the session
                        }
                    }
                }),
                mutating("SESS-28", "a batch that changes the search path / schema / database before a copy", ALL,
                        ctx -> {
                            prepareShadow(ctx);
                            String away = switch (ctx.engine()) {
                                case POSTGRESQL -> "SET search_path = rt_other";
                                case MARIADB -> "USE rt_other";
                                case H2 -> "SET SCHEMA rt_other";
                            };
                            String home = switch (ctx.engine()) {
                                case POSTGRESQL -> "SET search_path = public";
                                case MARIADB -> "USE " + ctx.run("SELECT DATABASE()").first();
                                case H2 -> "SET SCHEMA PUBLIC";
                            };
                            String sink = ctx.is(Engine.MARIADB) ? ctx.run("SELECT DATABASE()").first() + ".rt_sink"
                                    : ctx.is(Engine.H2) ? "PUBLIC.rt_sink" : "public.rt_sink";
                            ctx.sink(sink);
                            ctx.run(away);
                            try (java.sql.Statement s = ctx.veil().createStatement()) {
                                s.addBatch(home);
                                s.addBatch("INSERT INTO " + sink + " (a, b) SELECT notes, CAST(birth_date AS"
                                        + (ctx.is(Engine.MARIADB) ? " CHAR" : " VARCHAR(20)") + ") FROM rt_customers");
                                ctx.statements.add("batch: " + home + "; INSERT INTO rt_sink … SELECT notes …");
                                s.executeBatch();
                            } catch (java.sql.SQLException e) {
                                ctx.observe("batch", e);
                            }
                        }),
                attempt("SESS-20", "PostgreSQL: search path games resolving a leaky catalog under an innocent name",
                        PG, ctx -> runAll(ctx, "SET search_path = pg_catalog",
                                "SELECT * FROM pg_stats WHERE tablename = 'rt_customers'",
                                "SET search_path = information_schema", "SELECT * FROM columns WHERE false",
                                "SET search_path = public")));
    }

    /** An innocent twin of the customers table, created through Veil itself (DDL needs no approval here). */
    private static void innocentTwin(Ctx ctx) {
        runAll(ctx, "CREATE SCHEMA rt_other",
                "CREATE TABLE rt_other.rt_customers (id int, notes text, birth_date int)");
        ctx.dirty = true;
    }

    /** A same-named, innocent table elsewhere: rt_other.rt_customers (PostgreSQL, H2) or database rt_other. */
    private static void prepareShadow(Ctx ctx) throws Exception {
        switch (ctx.engine()) {
            case POSTGRESQL -> ctx.rawSetup("CREATE SCHEMA rt_other",
                    "CREATE TABLE rt_other.rt_customers (id int, notes text, birth_date int)");
            case MARIADB -> ctx.rawSetup("CREATE DATABASE rt_other",
                    "CREATE TABLE rt_other.rt_customers (id INT, notes TEXT, birth_date INT)");
            case H2 -> ctx.rawSetup("CREATE SCHEMA rt_other",
                    "CREATE TABLE rt_other.rt_customers (id INT, notes VARCHAR(1000), birth_date INT)");
        }
    }

    private static void preparedElsewhere(Ctx ctx) throws Exception {
        prepareShadow(ctx);
        String home = switch (ctx.engine()) {
            case POSTGRESQL -> "SET search_path = public";
            case MARIADB -> "USE " + ctx.run("SELECT DATABASE()").first();
            case H2 -> "SET SCHEMA PUBLIC";
        };
        String away = switch (ctx.engine()) {
            case POSTGRESQL -> "SET search_path = rt_other";
            case MARIADB -> "USE rt_other";
            case H2 -> "SET SCHEMA rt_other";
        };
        ctx.run(away);
        try (PreparedStatement p = ctx.veil().prepareStatement("SELECT notes, birth_date FROM rt_customers")) {
            ctx.run(home);
            try (ResultSet rs = p.executeQuery()) {
                ctx.scan("prepared statement", rs);
            }
        }
    }

    @TestFactory
    Stream<DynamicNode> sessionState() {
        return RedTeam.tests(attempts());
    }
}
