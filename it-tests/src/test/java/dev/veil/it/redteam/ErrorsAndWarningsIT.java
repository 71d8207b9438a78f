package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;
import static dev.veil.it.redteam.RedTeam.per;
import static dev.veil.it.redteam.RedTeam.sql;

import dev.veil.it.redteam.RedTeam.Attempt;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Errors and warnings: the database quoting values in messages, details and diagnostics that a statement which does
 * not itself read sensitive columns (so is not scrubbed) can still provoke, and warnings read back as a result set.
 */
class ErrorsAndWarningsIT {

    static List<Attempt> attempts() {
        return List.of(
                mutating("ERR-01", "NOT NULL violation on a non-sensitive column (the error shows the failing row)",
                        ALL, ctx -> ctx.run("UPDATE rt_customers SET id = NULL WHERE id = 1")),
                mutating("ERR-02", "PostgreSQL: the same through INSERT … ON CONFLICT DO UPDATE", PG, ctx ->
                        ctx.run("INSERT INTO rt_customers (id) VALUES (2) ON CONFLICT (id) DO UPDATE SET id = NULL")),
                mutating("ERR-03", "CHECK constraint violation on a non-sensitive column", ALL, ctx -> {
                    ctx.rawSetup("ALTER TABLE rt_customers ADD CONSTRAINT rt_score_chk CHECK (score < 1000)");
                    ctx.run("UPDATE rt_customers SET score = 5000 WHERE id = 2");
                }),
                mutating("ERR-04", "NOT NULL violation in the orders table (tagged ship_to in the failing row)",
                        ALL, ctx -> ctx.run("UPDATE rt_orders SET id = NULL WHERE id = 100")),
                mutating("ERR-05", "value too long / out of range on a non-sensitive column of a customer row",
                        ALL, ctx -> {
                            ctx.run("UPDATE rt_customers SET nickname = '" + "x".repeat(60) + "' WHERE id = 1");
                            ctx.run("UPDATE rt_customers SET score = 99999999999 WHERE id = 1");
                        }),
                attempt("ERR-06", "MariaDB: SHOW WARNINGS after an allow-mode comparison that warns", MARIADB, ctx -> {
                    ctx.run("SELECT id FROM rt_customers WHERE email = 0");
                    ctx.run("SHOW WARNINGS");
                }),
                mutating("ERR-07", "MariaDB: SHOW ERRORS / SHOW WARNINGS after an UPDATE that fails on one",
                        MARIADB, ctx -> {
                            ctx.run("UPDATE rt_customers SET tier = tier WHERE email = 0");
                            ctx.run("SHOW ERRORS");
                            ctx.run("SHOW WARNINGS");
                        }),
                attempt("ERR-08", "MariaDB: GET DIAGNOSTICS and @@warning_count after a warning", MARIADB, ctx -> {
                    ctx.run("SELECT id FROM rt_customers WHERE email = 0");
                    ctx.run("GET DIAGNOSTICS CONDITION 1 @rt_msg = MESSAGE_TEXT");
                    ctx.run("SELECT @rt_msg");
                }),
                sql("ERR-09", "allow mode: a cast of the raw value in WHERE that fails", per(
                        "SELECT id FROM rt_customers WHERE CAST(email AS INT) = 1",
                        "SELECT id FROM rt_customers WHERE email::int = 1",
                        "SELECT id FROM rt_customers WHERE CAST(email AS DECIMAL) = 1 OR email + 0 = 1")),
                attempt("ERR-10", "allow mode: the failing cast's warnings read back later (MariaDB)", MARIADB,
                        ctx -> {
                            ctx.run("SELECT id FROM rt_customers WHERE CAST(email AS DECIMAL) = 1");
                            ctx.run("SHOW WARNINGS LIMIT 10");
                            ctx.run("SHOW COUNT(*) WARNINGS");
                        }),
                attempt("ERR-11", "masked mode: warnings of a comparison on phone, read back", MARIADB, ctx -> {
                    ctx.run("SELECT id FROM rt_customers WHERE phone = 0");
                    ctx.run("SHOW WARNINGS");
                }),
                mutating("ERR-12", "duplicate key errors on a table written with masked values", ALL, ctx -> {
                    ctx.rawSetup("CREATE UNIQUE INDEX rt_sink_a ON rt_sink (a)");
                    ctx.run("INSERT INTO rt_sink (a) SELECT full_name FROM rt_customers WHERE id = 1");
                    ctx.run("INSERT INTO rt_sink (a) SELECT full_name FROM rt_customers WHERE id = 2");
                }),
                attempt("ERR-13", "allow mode: an error raised while rows stream (cursor-based fetch)", ALL, ctx -> {
                    Connection c = ctx.veil();
                    c.setAutoCommit(false);
                    String cast = ctx.is(dev.veil.it.support.TestDatabase.Engine.MARIADB)
                            ? "CAST(email AS DECIMAL)" : "CAST(email AS INT)";
                    try (var s = c.createStatement()) {
                        s.setFetchSize(1);
                        try (var rs = s.executeQuery("SELECT id FROM rt_customers WHERE id < 3 OR " + cast
                                + " = 1 ORDER BY id")) {
                            ctx.scan("streamed result", rs);
                        }
                        ctx.oracle.checkWarnings("streamed statement warnings", s.getWarnings());
                    } catch (java.sql.SQLException e) {
                        ctx.observe("streamed result", e);
                    } finally {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                }),
                mutating("ERR-15", "a unique index on the deny column: INSERT of a guess fails only if it exists",
                        ALL, ctx -> {
                            ctx.rawSetup("CREATE UNIQUE INDEX rt_ssn_u ON rt_customers (ssn)");
                            int[] id = {200};
                            ctx.dictionary("customer 1's ssn", List.of("000-00-0001", Secrets.CUSTOMERS.get(0).ssn(),
                                    "999-99-9998"), c -> {
                                        RedTeam.Result r = ctx.run("INSERT INTO rt_customers (id, ssn) VALUES ("
                                                + (id[0]++) + ", '" + c + "')");
                                        if (r.refused()) {
                                            return null;
                                        }
                                        return r.failed() && r.error().getSQLState() != null
                                                && r.error().getSQLState().startsWith("23");
                                    });
                        }),
                mutating("ERR-16", "PostgreSQL: INSERT … ON CONFLICT (ssn) DO NOTHING as an existence oracle", PG,
                        ctx -> {
                            ctx.rawSetup("CREATE UNIQUE INDEX rt_ssn_u ON rt_customers (ssn)");
                            int[] id = {300};
                            ctx.dictionary("customer 1's ssn", List.of("000-00-0001", Secrets.CUSTOMERS.get(0).ssn(),
                                    "999-99-9998"), c -> {
                                        RedTeam.Result r = ctx.run("INSERT INTO rt_customers (id, ssn) VALUES ("
                                                + (id[0]++) + ", '" + c + "') ON CONFLICT (ssn) DO NOTHING");
                                        return r.refused() ? null : r.updated() == 0;
                                    });
                        }),
                mutating("ERR-17", "PostgreSQL: a deferred unique key quoting an e-mail, reported by commit()", PG,
                        ctx -> deferredUnique(ctx, c -> c.commit())),
                mutating("ERR-18", "PostgreSQL: the same reported by SQL COMMIT", PG,
                        ctx -> deferredUnique(ctx, c -> ctx.run("COMMIT"))),
                mutating("ERR-19", "PostgreSQL: the same reported by SET CONSTRAINTS ALL IMMEDIATE", PG,
                        ctx -> deferredUnique(ctx, c -> ctx.run("SET CONSTRAINTS ALL IMMEDIATE"))),
                mutating("ERR-20", "PostgreSQL: the same reported by setAutoCommit(true)", PG,
                        ctx -> deferredUnique(ctx, c -> c.setAutoCommit(true))),
                mutating("ERR-21", "PostgreSQL: the same reported by COMMIT AND CHAIN, then END", PG,
                        ctx -> deferredUnique(ctx, c -> {
                            ctx.run("COMMIT AND CHAIN");
                            ctx.run("END");
                        })),
                mutating("ERR-22", "PostgreSQL: a deferred trigger raising an error with the row's e-mail at commit",
                        PG, ctx -> deferredTrigger(ctx, "EXCEPTION", c -> c.commit())),
                mutating("ERR-23", "PostgreSQL: a deferred trigger's NOTICE with the e-mail, read from the"
                        + " connection's warnings after commit()", PG,
                        ctx -> deferredTrigger(ctx, "NOTICE", c -> {
                            c.commit();
                            ctx.oracle.checkWarnings("connection warnings after commit()", c.getWarnings());
                        })),
                mutating("ERR-24", "PostgreSQL: the NOTICE at SQL COMMIT, read from the statement's warnings", PG,
                        ctx -> deferredTrigger(ctx, "NOTICE", c -> ctx.run("COMMIT"))),
                mutating("ERR-25", "PostgreSQL: 'current transaction is aborted' carries the withheld error as its"
                        + " cause (fuzzer finding F-02)", PG, ctx -> {
                            // an error quoting a stored e-mail from a statement Veil lets run: a unique key
                            ctx.rawSetup("CREATE UNIQUE INDEX rt_email_tier_u ON rt_customers (email, tier)",
                                    "INSERT INTO rt_customers (id, email, tier) SELECT 950, email, 'rt-other'"
                                            + " FROM rt_customers WHERE id = 1");
                            Connection c = ctx.veil();
                            c.setAutoCommit(false);
                            try {
                                ctx.run("UPDATE rt_customers SET tier = (SELECT tier FROM rt_customers WHERE id = 1)"
                                        + " WHERE id = 950");
                                ctx.run("SELECT 1"); // reads no table: Veil reads no catalog first
                                ctx.run("SELECT id FROM rt_orders");
                                if (ctx.failures() < 2) {
                                    throw new AssertionError("the transaction was not aborted: the attempt tests"
                                            + " nothing");
                                }
                            } finally {
                                c.rollback();
                                c.setAutoCommit(true);
                            }
                        }),
                mutating("ERR-26", "a unique key quoting an e-mail raised inside a transaction, then commit(),"
                        + " rollback(), a savepoint's release and close()", ALL, ctx -> {
                            ctx.rawSetup("CREATE UNIQUE INDEX rt_email_tier_u ON rt_customers (email, tier)",
                                    "INSERT INTO rt_customers (id, email, tier) SELECT 950, email, 'rt-other'"
                                            + " FROM rt_customers WHERE id = 1");
                            // not the attempt's own connection: this one is closed here, through Veil
                            Connection c = ctx.db.openVeil(RedTeam.veilProperties(ctx.db));
                            c.setAutoCommit(false);
                            java.sql.Savepoint sp = c.setSavepoint();
                            ctx.run(c, "UPDATE rt_customers SET tier = (SELECT tier FROM rt_customers WHERE id = 1)"
                                    + " WHERE id = 950");
                            connectionCall(ctx, "rollback(savepoint)", () -> c.rollback(sp));
                            connectionCall(ctx, "releaseSavepoint()", () -> c.releaseSavepoint(sp));
                            connectionCall(ctx, "commit()", c::commit);
                            connectionCall(ctx, "rollback()", c::rollback);
                            ctx.oracle.checkWarnings("connection warnings", c.getWarnings());
                            connectionCall(ctx, "close()", c::close);
                        }),
                attempt("ERR-14", "connection warnings after statements that touched sensitive columns", ALL, ctx -> {
                    ctx.run("SELECT id FROM rt_customers WHERE email = 'nobody@example.org'");
                    ctx.oracle.checkWarnings("connection warnings (early)", ctx.veil().getWarnings());
                    ctx.run(ctx.is(dev.veil.it.support.TestDatabase.Engine.POSTGRESQL)
                            ? "SET client_min_messages = notice" : "SELECT 1");
                }));
    }

    /** What ends (or checks) the transaction in an attempt. */
    @FunctionalInterface
    interface TransactionEnd {
        void run(Connection veil) throws java.sql.SQLException;
    }

    /** A connection method that may fail; its error is searched and counted. */
    @FunctionalInterface
    interface ConnectionCall {
        void run() throws java.sql.SQLException;
    }

    static void connectionCall(RedTeam.Ctx ctx, String what, ConnectionCall call) {
        try {
            call.run();
        } catch (java.sql.SQLException e) {
            ctx.observe(what, e);
        }
    }

    /**
     * A deferred unique key over (email, tier), and a second row with customer 1's e-mail: an UPDATE that writes only
     * the tier makes the two rows equal, and the end of the transaction reports the key — e-mail included.
     */
    static void deferredUnique(RedTeam.Ctx ctx, TransactionEnd end) throws Exception {
        ctx.rawSetup("ALTER TABLE rt_customers ADD CONSTRAINT rt_email_tier_u UNIQUE (email, tier)"
                        + " DEFERRABLE INITIALLY DEFERRED",
                "INSERT INTO rt_customers (id, email, tier) SELECT 950, email, 'rt-other' FROM rt_customers"
                        + " WHERE id = 1");
        Connection c = ctx.veil();
        c.setAutoCommit(false);
        try {
            RedTeam.Result update = ctx.run("UPDATE rt_customers SET tier = (SELECT tier FROM rt_customers"
                    + " WHERE id = 1) WHERE id = 950");
            if (!update.ran()) {
                throw new AssertionError("the UPDATE should run; the deferred key fails later: " + update.error());
            }
            connectionCall(ctx, "end of the transaction", () -> end.run(c));
        } finally {
            connectionCall(ctx, "rollback()", c::rollback);
            connectionCall(ctx, "setAutoCommit(true)", () -> c.setAutoCommit(true));
        }
        if (ctx.failures() == 0) {
            throw new AssertionError("the deferred key did not fail: the attempt tests nothing");
        }
    }

    /** A deferred constraint trigger on customers that raises {@code level} (EXCEPTION, NOTICE) with the e-mail. */
    static void deferredTrigger(RedTeam.Ctx ctx, String level, TransactionEnd end) throws Exception {
        ctx.rawSetup("CREATE FUNCTION rt_leak_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE " + level
                        + " 'checked customer %', NEW.email; RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER rt_defer_t AFTER UPDATE ON rt_customers DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION rt_leak_fn()");
        Connection c = ctx.veil();
        c.setAutoCommit(false);
        try {
            ctx.run("UPDATE rt_customers SET score = score + 1 WHERE id = 1");
            connectionCall(ctx, "end of the transaction", () -> end.run(c));
        } finally {
            connectionCall(ctx, "rollback()", c::rollback);
            connectionCall(ctx, "setAutoCommit(true)", () -> c.setAutoCommit(true));
        }
    }

    @TestFactory
    Stream<DynamicNode> errorsAndWarnings() {
        return RedTeam.tests(attempts());
    }
}
