package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Physical identity and name resolution: the same stored values read under another name (a partition, an
 * inheritance child or parent, a synonym, a table renamed through another object type's ALTER), and names that the
 * database resolves to another relation than the one Veil would pick (the temporary schema's real place on the
 * search path, a {@code $user} schema created after the session started).
 */
class IdentityIT {

    static List<Attempt> attempts() {
        return List.of(
                mutating("ID-01", "PostgreSQL: read an inheritance child holding the customers' rows", PG, ctx -> {
                    ctx.rawSetup("CREATE TABLE rt_child () INHERITS (rt_customers)",
                            "INSERT INTO rt_child SELECT * FROM ONLY rt_customers");
                    RedTeam.bumpCatalog(ctx.db);
                    ctx.run("SELECT email, loyalty_code, notes, ssn FROM rt_child");
                    ctx.run("SELECT * FROM rt_child");
                }),
                mutating("ID-02", "PostgreSQL: read a partition of a partitioned customers table", PG, ctx -> {
                    ctx.rawSetup("ALTER TABLE rt_customers RENAME TO rt_customers_old",
                            "CREATE TABLE rt_customers (LIKE rt_customers_old INCLUDING COMMENTS) PARTITION BY"
                                    + " RANGE (id)",
                            "CREATE TABLE rt_cust_p1 PARTITION OF rt_customers FOR VALUES FROM (MINVALUE) TO"
                                    + " (MAXVALUE)",
                            "INSERT INTO rt_customers SELECT * FROM rt_customers_old");
                    RedTeam.bumpCatalog(ctx.db);
                    ctx.run("SELECT email, loyalty_code, notes FROM rt_cust_p1");
                    ctx.run("SELECT * FROM rt_cust_p1");
                    ctx.run("CREATE VIEW rt_v_filtered AS SELECT id, email AS a, notes AS b FROM rt_cust_p1");
                    ctx.run("SELECT * FROM rt_v_filtered");
                }),
                mutating("ID-03", "PostgreSQL: read a parent table whose child is the customers table", PG, ctx -> {
                    ctx.rawSetup("CREATE TABLE rt_parent (LIKE rt_customers)",
                            "ALTER TABLE rt_customers INHERIT rt_parent");
                    RedTeam.bumpCatalog(ctx.db);
                    ctx.run("SELECT email, loyalty_code, notes FROM rt_parent");
                    ctx.run("SELECT * FROM rt_parent");
                }),
                mutating("ID-04", "H2: read the customers through a synonym", H2, ctx -> {
                    ctx.rawSetup("CREATE SYNONYM rt_syn FOR rt_customers");
                    RedTeam.bumpCatalog(ctx.db);
                    ctx.run("SELECT email, loyalty_code, notes FROM rt_syn");
                    ctx.run("SELECT * FROM rt_syn");
                    ctx.run("SELECT rt_customers.notes, rt_customers.ssn FROM rt_syn");
                }),
                mutating("ID-05", "PostgreSQL: rename the customers table with ALTER INDEX, then select", PG, ctx -> {
                    ctx.run("ALTER INDEX rt_customers RENAME TO rt_zz");
                    ctx.run("SELECT email, loyalty_code, notes FROM rt_zz");
                }),
                mutating("ID-06", "PostgreSQL: pg_temp listed last, a temporary table of the same name", PG, ctx -> {
                    ctx.run("SET search_path = public, pg_temp");
                    ctx.run("CREATE TEMPORARY TABLE rt_customers (id INT, notes text)");
                    ctx.run("SELECT notes FROM rt_customers");
                }),
                mutating("ID-07", "PostgreSQL: a $user schema created after the session started", PG,
                        IdentityIT::userSchemaCreatedLater),
                mutating("ID-08", "generated-key names the vendor turns into RETURNING * or appends as written", ALL,
                        IdentityIT::keyNames));
    }

    /** Key names that are not column names: each reaches the vendor only if Veil lets it through. */
    private static void keyNames(Ctx ctx) throws Exception {
        String update = "UPDATE rt_customers SET tier = tier WHERE id = 1";
        for (String name : List.of("*x", "**", "*", "\"id\", ssn, notes", "id, ssn", "\"*\"")) {
            ctx.statements.add("executeUpdate(UPDATE …, {" + name + "})");
            try (java.sql.Statement s = ctx.veil().createStatement()) {
                s.executeUpdate(update, new String[] {name});
                try (java.sql.ResultSet rs = s.getGeneratedKeys()) {
                    ctx.scan("generated keys " + name, rs);
                }
            } catch (java.sql.SQLException e) {
                ctx.observe("keys " + name, e);
            }
            ctx.statements.add("prepareStatement(UPDATE …, {" + name + "})");
            try (java.sql.PreparedStatement p = ctx.veil().prepareStatement(update, new String[] {name})) {
                p.executeUpdate();
                try (java.sql.ResultSet rs = p.getGeneratedKeys()) {
                    ctx.scan("prepared generated keys " + name, rs);
                }
            } catch (java.sql.SQLException e) {
                ctx.observe("prepared keys " + name, e);
            }
        }
    }

    /**
     * The session starts with {@code "$user", public} and no schema of the user's name; another connection then
     * creates it with an {@code rt_orders} whose {@code status} is tagged and holds notes. The database reads that
     * table for {@code rt_orders}, so Veil must too, once its catalog is read again.
     */
    private static void userSchemaCreatedLater(Ctx ctx) throws Exception {
        String user = RedTeam.sessionUser(ctx.db);
        Connection veil = ctx.veil();
        ctx.run(veil, "SELECT status FROM rt_orders");
        try {
            ctx.rawSetup("CREATE SCHEMA \"" + user + "\"",
                    "CREATE TABLE \"" + user + "\".rt_orders (LIKE public.rt_orders)",
                    "ALTER TABLE \"" + user + "\".rt_orders ALTER COLUMN status TYPE text",
                    "COMMENT ON COLUMN \"" + user + "\".rt_orders.status IS 'veil:free_text'",
                    "INSERT INTO \"" + user + "\".rt_orders (id, status) SELECT id, notes FROM public.rt_customers");
            RedTeam.bumpCatalog(ctx.db);
            ctx.run(veil, "SELECT status FROM rt_orders");
        } finally {
            ctx.rawSetup("DROP SCHEMA IF EXISTS \"" + user + "\" CASCADE");
        }
    }

    @TestFactory
    Stream<DynamicNode> identity() {
        return RedTeam.tests(attempts());
    }
}
