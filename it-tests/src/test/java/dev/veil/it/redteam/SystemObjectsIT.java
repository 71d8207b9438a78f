package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * System objects: column statistics (most common values, histograms, min/max), other sessions' statements (a raw
 * "bystander" session whose statement text holds seeded values), query statistics, EXPLAIN output.
 */
class SystemObjectsIT {

    private static final String SSN1 = Secrets.CUSTOMERS.get(0).ssn();
    private static final String NAME1 = Secrets.CUSTOMERS.get(0).fullName();

    private static void runAll(Ctx ctx, String... sql) {
        for (String s : sql) {
            ctx.run(s);
        }
    }

    /** A raw session whose last statement (PostgreSQL keeps it after it ran) quotes seeded values. */
    private static Connection bystander(Ctx ctx) throws Exception {
        Connection raw = ctx.raw();
        try (Statement s = raw.createStatement()) {
            s.execute("SELECT id FROM rt_customers WHERE ssn = '" + SSN1 + "' OR full_name = '" + NAME1 + "'");
        }
        return raw;
    }

    /** A raw session running (for a few seconds) a statement that quotes seeded values. */
    private static CompletableFuture<Void> runningBystander(Ctx ctx, String sql) throws Exception {
        Connection raw = ctx.raw();
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
            try (Statement s = raw.createStatement()) {
                s.execute(sql);
            } catch (Exception ignored) {
                // the bystander's own outcome does not matter
            }
        });
        Thread.sleep(700);
        return f;
    }

    static List<Attempt> attempts() {
        return List.of(
                mutating("SYS-01", "PostgreSQL: pg_stats most_common_vals / histogram_bounds", PG, ctx -> {
                    ctx.rawSetup("ANALYZE rt_customers");
                    runAll(ctx, "SELECT attname, most_common_vals, histogram_bounds FROM pg_stats WHERE tablename ="
                                    + " 'rt_customers'",
                            "SELECT * FROM pg_catalog.pg_stats", "SELECT * FROM \"pg_stats\"",
                            "SELECT * FROM PG_CATALOG.PG_STATS", "SELECT * FROM pg_catalog.\"pg_stats\" s");
                }),
                mutating("SYS-02", "PostgreSQL: extended statistics (pg_stats_ext, pg_stats_ext_exprs)", PG, ctx -> {
                    ctx.rawSetup("CREATE STATISTICS rt_ext_stats (mcv) ON ssn, full_name FROM rt_customers",
                            "ANALYZE rt_customers");
                    runAll(ctx, "SELECT most_common_vals FROM pg_stats_ext", "SELECT * FROM pg_stats_ext_exprs",
                            "CREATE STATISTICS rt_ext_stats2 (mcv) ON notes, street_address FROM rt_customers",
                            "SELECT * FROM pg_statistic_ext_data");
                }),
                mutating("SYS-03", "PostgreSQL: pg_statistic (superuser only)", PG, ctx -> {
                    ctx.rawSetup("ANALYZE rt_customers");
                    runAll(ctx, "SELECT stavalues1::text, stavalues2::text FROM pg_statistic",
                            "SELECT * FROM pg_catalog.pg_statistic s JOIN pg_class c ON c.oid = s.starelid");
                }),
                attempt("SYS-04", "PostgreSQL: pg_stat_activity shows a bystander's last statement", PG, ctx -> {
                    bystander(ctx);
                    runAll(ctx, "SELECT query FROM pg_stat_activity", "SELECT query FROM pg_catalog.pg_stat_activity",
                            "SELECT query FROM \"pg_stat_activity\"", "SELECT * FROM pg_stat_get_activity(NULL)",
                            "SELECT pg_stat_get_backend_activity(s) FROM generate_series(1, 20) s");
                }),
                mutating("SYS-05", "PostgreSQL: DBA-created views over pg_stat_activity and pg_stats", PG, ctx -> {
                    ctx.rawSetup("ANALYZE rt_customers",
                            "CREATE VIEW rt_v_activity AS SELECT pid, query FROM pg_stat_activity",
                            "CREATE VIEW rt_v_stats AS SELECT attname, most_common_vals::text AS v FROM pg_stats");
                    bystander(ctx);
                    runAll(ctx, "SELECT * FROM rt_v_activity", "SELECT * FROM rt_v_stats");
                }),
                attempt("SYS-06", "PostgreSQL: this session's prepared statements and cursors", PG, ctx ->
                        runAll(ctx, "SELECT * FROM pg_prepared_statements", "SELECT * FROM pg_cursors",
                                "SELECT * FROM pg_locks")),
                attempt("SYS-07", "EXPLAIN (ANALYZE) with a predicate on the deny column", ALL, ctx -> {
                    switch (ctx.engine()) {
                        case POSTGRESQL -> runAll(ctx, "EXPLAIN ANALYZE SELECT id FROM rt_customers WHERE ssn LIKE"
                                + " '5%'", "EXPLAIN (VERBOSE, COSTS OFF) SELECT ssn FROM rt_customers");
                        case MARIADB -> runAll(ctx, "EXPLAIN SELECT id FROM rt_customers WHERE ssn LIKE '5%'",
                                "ANALYZE FORMAT=JSON SELECT id FROM rt_customers WHERE ssn LIKE '5%'",
                                "EXPLAIN FORMAT=JSON SELECT ssn FROM rt_customers");
                        case H2 -> runAll(ctx, "EXPLAIN ANALYZE SELECT id FROM rt_customers WHERE ssn LIKE '5%'",
                                "EXPLAIN SELECT ssn FROM rt_customers");
                    }
                }),
                attempt("SYS-08", "MariaDB: PROCESSLIST while a bystander's statement runs", MARIADB, ctx -> {
                    CompletableFuture<Void> f = runningBystander(ctx, "SELECT SLEEP(3) FROM rt_customers WHERE"
                            + " ssn = '" + SSN1 + "' OR full_name = '" + NAME1 + "'");
                    runAll(ctx, "SELECT INFO FROM information_schema.PROCESSLIST",
                            "SELECT info FROM INFORMATION_SCHEMA.processlist", "SHOW FULL PROCESSLIST",
                            "SELECT * FROM sys.processlist", "SELECT * FROM sys.session");
                    f.join();
                }),
                attempt("SYS-09", "MariaDB: INNODB_TRX while a bystander's transaction runs a statement", MARIADB,
                        ctx -> {
                            Connection raw = ctx.raw();
                            raw.setAutoCommit(false);
                            CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
                                try (Statement s = raw.createStatement()) {
                                    s.execute("SELECT SLEEP(3), id FROM rt_customers WHERE ssn = '" + SSN1
                                            + "' OR full_name = '" + NAME1 + "' FOR UPDATE");
                                    raw.rollback();
                                } catch (Exception ignored) {
                                    // bystander
                                }
                            });
                            Thread.sleep(700);
                            runAll(ctx, "SELECT trx_query FROM information_schema.INNODB_TRX",
                                    "SELECT * FROM information_schema.innodb_trx",
                                    "SELECT * FROM information_schema.INNODB_LOCKS");
                            f.join();
                        }),
                mutating("SYS-10", "MariaDB: engine-independent statistics (mysql.column_stats min/max)", MARIADB,
                        ctx -> {
                            ctx.rawSetup("ANALYZE TABLE rt_customers PERSISTENT FOR ALL");
                            runAll(ctx, "SELECT column_name, min_value, max_value FROM mysql.column_stats",
                                    "SELECT * FROM mysql.column_stats WHERE table_name = 'rt_customers'",
                                    "SELECT * FROM `mysql`.`COLUMN_STATS`");
                        }),
                attempt("SYS-11", "MariaDB: performance_schema and sys statement tables", MARIADB, ctx -> {
                    bystander(ctx);
                    runAll(ctx, "SELECT PROCESSLIST_INFO FROM performance_schema.threads",
                            "SELECT SQL_TEXT FROM performance_schema.events_statements_current",
                            "SELECT SQL_TEXT FROM performance_schema.events_statements_history",
                            "SELECT DIGEST_TEXT, QUERY_SAMPLE_TEXT FROM"
                                    + " performance_schema.events_statements_summary_by_digest",
                            "SELECT * FROM sys.statement_analysis", "SELECT * FROM sys.x$processlist",
                            "SELECT argument FROM mysql.general_log");
                }),
                mutating("SYS-12", "H2: INFORMATION_SCHEMA.QUERY_STATISTICS after someone enabled it", H2, ctx -> {
                    ctx.rawSetup("SET QUERY_STATISTICS TRUE");
                    bystander(ctx);
                    runAll(ctx, "SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
                            "SELECT * FROM information_schema.query_statistics");
                }),
                attempt("SYS-13", "H2: SESSIONS, LOCKS and other sessions' state", H2, ctx -> {
                    bystander(ctx);
                    runAll(ctx, "SELECT * FROM INFORMATION_SCHEMA.SESSIONS", "SELECT * FROM INFORMATION_SCHEMA.LOCKS",
                            "SELECT * FROM INFORMATION_SCHEMA.IN_DOUBT", "SELECT * FROM INFORMATION_SCHEMA.RIGHTS");
                }),
                attempt("SYS-14", "MariaDB: SHOW statements a client may use", MARIADB, ctx -> {
                    bystander(ctx);
                    runAll(ctx, "SHOW CREATE TABLE rt_customers", "SHOW TABLE STATUS", "SHOW INDEX FROM rt_customers",
                            "SHOW SESSION STATUS", "SHOW GLOBAL VARIABLES", "SHOW EXPLAIN FOR 1",
                            "SHOW ENGINE INNODB STATUS", "SHOW OPEN TABLES", "SHOW PROFILES");
                }),
                attempt("SYS-15", "information_schema metadata views (harmless: names, types, comments)", ALL, ctx ->
                        runAll(ctx, "SELECT * FROM information_schema.columns WHERE table_name IN ('rt_customers',"
                                        + " 'RT_CUSTOMERS')",
                                "SELECT * FROM information_schema.tables WHERE table_name LIKE 'rt%'",
                                "SELECT * FROM information_schema.views")),
                attempt("SYS-16", "PostgreSQL: catalog functions that read data (sizes, definitions, comments)", PG,
                        ctx -> runAll(ctx, "SELECT pg_relation_size('rt_customers'),"
                                        + " pg_get_viewdef('rt_v_customers'), col_description('rt_customers'::regclass,"
                                        + " 13), obj_description('rt_customers'::regclass)",
                                "SELECT * FROM pg_largeobject", "SELECT ts_stat('SELECT to_tsvector(notes) FROM"
                                        + " rt_customers')")));
    }

    @TestFactory
    Stream<DynamicNode> systemObjects() {
        return RedTeam.tests(attempts());
    }
}
