package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.mutating;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * A definition Veil believes must be the one the database uses. Views are replaced keeping their shape (same column
 * names and types) while their source switches between an innocent and a sensitive column: by another Veil instance
 * in a class loader of its own (as another executor), by a plain JDBC client, and inside transactions that roll back,
 * chain or return to a savepoint. Every reader afterwards must mask; each read must return rows (a refusal would
 * hide a stale lineage instead of showing it is gone).
 */
class CatalogCoherenceIT {

    /** The documented staleness bound for changes made elsewhere: {@code veil.catalog.check}, by default 1 s. */
    private static final long CHECK_MILLIS = 1000;
    private static final Set<Engine> CHAINS = EnumSet.of(Engine.POSTGRESQL, Engine.MARIADB);

    /** rt_v_public's tier, now the ssn (both VARCHAR(20)): same names, same types, a sensitive source. */
    private static final String PUBLIC_TO_SSN = "CREATE OR REPLACE VIEW rt_v_public AS SELECT id, nickname, ssn AS tier"
            + " FROM rt_customers";
    private static final String READ_PUBLIC = "SELECT id, nickname, tier FROM rt_v_public ORDER BY id";
    /** rt_v_activity starts over the ssn; inside transactions it is replaced by one over tier, then rolled back. */
    private static final String ACTIVITY_SSN = "CREATE VIEW rt_v_activity AS SELECT id, ssn AS a FROM rt_customers";
    private static final String ACTIVITY_TO_TIER = "CREATE OR REPLACE VIEW rt_v_activity AS SELECT id, tier AS a FROM"
            + " rt_customers";
    private static final String READ_ACTIVITY = "SELECT id, a FROM rt_v_activity ORDER BY id";

    private static String begin(Ctx ctx) {
        return ctx.is(Engine.MARIADB) ? "START TRANSACTION" : "BEGIN";
    }

    /** Reads through {@code c}: the oracle searches the rows, which must be there. */
    private static void read(Ctx ctx, Connection c, String sql) {
        Result r = ctx.run(c, sql);
        assertThat(r.refused()).as("'%s' is answered, not refused: %s", sql, r.error()).isFalse();
        assertThat((Throwable) r.error()).as("'%s' runs", sql).isNull();
        assertThat(r.rows()).as("'%s' returns rows", sql).isPositive();
    }

    private static void ok(Result r) {
        assertThat((Throwable) r.error()).as("statement runs").isNull();
    }

    private static Properties check(String duration) {
        Properties p = new Properties();
        p.setProperty("veil.catalog.check", duration);
        return p;
    }

    /** rt_v_activity over the ssn, created raw; Veil's shared catalog in this JVM dropped by DDL through Veil. */
    private static void activityOverSsn(Ctx ctx) throws Exception {
        ctx.rawSetup("DROP VIEW IF EXISTS rt_v_activity", ACTIVITY_SSN);
        RedTeam.bumpCatalog(ctx.db);
    }

    /** After the transaction: this session and another of this JVM (sharing its catalog cache) read the view. */
    private static void everyoneReadsActivity(Ctx ctx) throws Exception {
        read(ctx, ctx.veil(), READ_ACTIVITY);
        read(ctx, ctx.openVeil(), READ_ACTIVITY);
    }

    static List<Attempt> attempts() {
        return List.of(
                mutating("COH-01", "another Veil instance (own class loader) swaps a view's source to the ssn,"
                        + " same shape; readers in other instances read after veil.catalog.check", ALL, ctx -> {
                            IsolatedVeil writer = ctx.closeLast(IsolatedVeil.load());
                            IsolatedVeil reader = ctx.closeLast(IsolatedVeil.load());
                            Connection w = ctx.adopt(writer.open(ctx.db, new Properties()));
                            Connection r = ctx.adopt(reader.open(ctx.db, new Properties()));
                            read(ctx, r, READ_PUBLIC);
                            read(ctx, ctx.veil(), READ_PUBLIC);
                            ok(ctx.run(w, PUBLIC_TO_SSN));
                            Thread.sleep(CHECK_MILLIS + 200); // the documented bound, not a measurement
                            read(ctx, r, READ_PUBLIC);
                            read(ctx, ctx.veil(), READ_PUBLIC);
                        }),
                mutating("COH-02", "another Veil instance swaps a view's source; a reader with veil.catalog.check=0s"
                        + " reads at once", ALL, ctx -> {
                            IsolatedVeil writer = ctx.closeLast(IsolatedVeil.load());
                            IsolatedVeil reader = ctx.closeLast(IsolatedVeil.load());
                            Connection w = ctx.adopt(writer.open(ctx.db, new Properties()));
                            Connection r = ctx.adopt(reader.open(ctx.db, check("0s")));
                            read(ctx, r, READ_PUBLIC);
                            try (java.sql.PreparedStatement p = r.prepareStatement(READ_PUBLIC)) {
                                ok(ctx.run(w, PUBLIC_TO_SSN));
                                // a statement prepared before the change is checked again when it executes
                                try (java.sql.ResultSet rs = p.executeQuery()) {
                                    assertThat(ctx.scan("prepared before the change", rs)).isNotEmpty();
                                } catch (java.sql.SQLException e) {
                                    ctx.observe("prepared before the change", e);
                                    assertThat(RedTeam.isRefusal(e)).as("refused, not failed: %s", e).isTrue();
                                }
                            }
                            read(ctx, r, READ_PUBLIC);
                        }),
                mutating("COH-03", "a plain JDBC client swaps a view's source; another Veil instance reads after"
                        + " veil.catalog.check", ALL, ctx -> {
                            IsolatedVeil reader = ctx.closeLast(IsolatedVeil.load());
                            Connection r = ctx.adopt(reader.open(ctx.db, new Properties()));
                            read(ctx, r, READ_PUBLIC);
                            ctx.rawSetup(PUBLIC_TO_SSN);
                            Thread.sleep(CHECK_MILLIS + 200); // the documented bound, not a measurement
                            read(ctx, r, READ_PUBLIC);
                        }),
                mutating("COH-04", "BEGIN; replace a sensitive view by an innocent one; read; ROLLBACK", ALL, ctx -> {
                    activityOverSsn(ctx);
                    ok(ctx.run(begin(ctx)));
                    ok(ctx.run(ACTIVITY_TO_TIER));
                    read(ctx, ctx.veil(), READ_ACTIVITY);
                    ok(ctx.run("ROLLBACK"));
                    everyoneReadsActivity(ctx);
                }),
                mutating("COH-05", "one text 'BEGIN; CREATE OR REPLACE VIEW …'; read; ROLLBACK", ALL, ctx -> {
                    activityOverSsn(ctx);
                    ok(ctx.run(begin(ctx) + "; " + ACTIVITY_TO_TIER));
                    read(ctx, ctx.veil(), READ_ACTIVITY);
                    ok(ctx.run("ROLLBACK"));
                    everyoneReadsActivity(ctx);
                }),
                mutating("COH-06", "COMMIT AND CHAIN, then replace the view in the chained transaction; ROLLBACK",
                        CHAINS, ctx -> {
                            activityOverSsn(ctx);
                            ok(ctx.run(begin(ctx)));
                            ok(ctx.run("COMMIT AND CHAIN"));
                            ok(ctx.run(ACTIVITY_TO_TIER));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ok(ctx.run("ROLLBACK"));
                            everyoneReadsActivity(ctx);
                        }),
                mutating("COH-07", "replace the view, read, ROLLBACK AND CHAIN; read in the chained transaction",
                        CHAINS, ctx -> {
                            activityOverSsn(ctx);
                            ok(ctx.run(begin(ctx)));
                            ok(ctx.run(ACTIVITY_TO_TIER));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ok(ctx.run("ROLLBACK AND CHAIN"));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ok(ctx.run(ACTIVITY_TO_TIER));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ok(ctx.run("ROLLBACK"));
                            everyoneReadsActivity(ctx);
                        }),
                mutating("COH-08", "SAVEPOINT; replace the view; read; ROLLBACK TO SAVEPOINT; read; COMMIT", ALL,
                        ctx -> {
                            activityOverSsn(ctx);
                            ok(ctx.run(begin(ctx)));
                            ok(ctx.run("SAVEPOINT rt_s"));
                            ok(ctx.run(ACTIVITY_TO_TIER));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ctx.run("ROLLBACK TO SAVEPOINT rt_s"); // gone on engines whose DDL commits
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ok(ctx.run("COMMIT"));
                            everyoneReadsActivity(ctx);
                        }),
                mutating("COH-09", "JDBC: autocommit off; replace the view; read; Connection.rollback()", ALL, ctx -> {
                    activityOverSsn(ctx);
                    ctx.veil().setAutoCommit(false);
                    ok(ctx.run(ACTIVITY_TO_TIER));
                    read(ctx, ctx.veil(), READ_ACTIVITY);
                    ctx.veil().rollback();
                    ctx.veil().setAutoCommit(true);
                    everyoneReadsActivity(ctx);
                }),
                mutating("COH-10", "JDBC: setSavepoint; replace the view; read; rollback(savepoint); read; commit",
                        ALL, ctx -> {
                            activityOverSsn(ctx);
                            ctx.veil().setAutoCommit(false);
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            Savepoint s = ctx.veil().setSavepoint();
                            ok(ctx.run(ACTIVITY_TO_TIER));
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            try {
                                ctx.veil().rollback(s);
                            } catch (java.sql.SQLException e) {
                                // engines whose DDL commits have no savepoint left
                                ctx.observe("rollback(savepoint)", e);
                            }
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                            ctx.veil().commit();
                            ctx.veil().setAutoCommit(true);
                            everyoneReadsActivity(ctx);
                        }),
                mutating("COH-11", "JDBC: autocommit off; swap an innocent view to the ssn; setAutoCommit(true)"
                        + " commits it: a warm session of the same JVM reads at once", ALL, ctx -> {
                            Connection other = ctx.openVeil();
                            read(ctx, other, READ_PUBLIC);
                            ctx.veil().setAutoCommit(false);
                            ok(ctx.run(PUBLIC_TO_SSN));
                            read(ctx, ctx.veil(), READ_PUBLIC);
                            ctx.veil().setAutoCommit(true);
                            read(ctx, other, READ_PUBLIC);
                        }),
                mutating("COH-12", "another Veil instance replaces a view inside a transaction and rolls back;"
                        + " its other sessions, and this JVM's, read", ALL, ctx -> {
                            activityOverSsn(ctx);
                            IsolatedVeil executor = ctx.closeLast(IsolatedVeil.load());
                            Connection a = ctx.adopt(executor.open(ctx.db, new Properties()));
                            Connection b = ctx.adopt(executor.open(ctx.db, new Properties()));
                            read(ctx, b, READ_ACTIVITY);
                            ok(ctx.run(a, begin(ctx)));
                            ok(ctx.run(a, ACTIVITY_TO_TIER));
                            read(ctx, a, READ_ACTIVITY);
                            ok(ctx.run(a, "ROLLBACK"));
                            read(ctx, b, READ_ACTIVITY);
                            read(ctx, a, READ_ACTIVITY);
                            read(ctx, ctx.veil(), READ_ACTIVITY);
                        }));
    }

    @TestFactory
    Stream<DynamicNode> catalogCoherence() {
        return RedTeam.tests(attempts());
    }
}
