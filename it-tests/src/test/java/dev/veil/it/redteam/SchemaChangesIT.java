package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * DDL: statements that change what Veil classified (names, comments, types, inheritance, generated columns), that
 * make the database quote values in errors, and schema changes between Veil's analysis and the execution (within one
 * multi-statement string, or by someone else while Veil's catalog cache is warm).
 */
class SchemaChangesIT {

    /** Runs the engine's statements in order through Veil (each separately). */
    private static Attempt steps(String id, String title, Map<Engine, List<String>> steps) {
        java.util.EnumSet<Engine> engines = java.util.EnumSet.noneOf(Engine.class);
        steps.forEach((e, s) -> {
            if (s != null) {
                engines.add(e);
            }
        });
        return mutating(id, title, engines, ctx -> {
            for (String sql : steps.get(ctx.engine())) {
                ctx.run(sql);
            }
        });
    }

    private static Map<Engine, List<String>> per3(List<String> h2, List<String> pg, List<String> mariadb) {
        Map<Engine, List<String>> m = new java.util.HashMap<>();
        m.put(Engine.H2, h2);
        m.put(Engine.POSTGRESQL, pg);
        m.put(Engine.MARIADB, mariadb);
        return m;
    }

    static List<Attempt> attempts() {
        return List.of(
                steps("DDL-01", "rename the sensitive columns, then select them under their new names", per3(
                        List.of("ALTER TABLE rt_customers ALTER COLUMN ssn RENAME TO rt_a",
                                "ALTER TABLE rt_customers ALTER COLUMN loyalty_code RENAME TO rt_b",
                                "SELECT rt_a, rt_b FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers RENAME COLUMN ssn TO rt_a",
                                "ALTER TABLE rt_customers RENAME COLUMN loyalty_code TO rt_b",
                                "SELECT rt_a, rt_b FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers RENAME COLUMN ssn TO rt_a",
                                "ALTER TABLE rt_customers CHANGE loyalty_code rt_b VARCHAR(30)",
                                "SELECT rt_a, rt_b FROM rt_customers"))),
                steps("DDL-02", "rename the table, then select columns whose rules name the old table", per3(
                        List.of("ALTER TABLE rt_customers RENAME TO rt_zz", "SELECT loyalty_code, email FROM rt_zz"),
                        List.of("ALTER TABLE rt_customers RENAME TO rt_zz", "SELECT loyalty_code, email FROM rt_zz"),
                        List.of("RENAME TABLE rt_customers TO rt_zz", "SELECT loyalty_code, email FROM rt_zz"))),
                steps("DDL-03", "overwrite the column comment that tags notes ('veil:none')", per3(
                        List.of("COMMENT ON COLUMN rt_customers.notes IS 'veil:none'",
                                "SELECT notes FROM rt_customers"),
                        List.of("COMMENT ON COLUMN rt_customers.notes IS 'veil:none'",
                                "SELECT notes FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers MODIFY notes TEXT COMMENT 'veil:none'",
                                "SELECT notes FROM rt_customers"))),
                steps("DDL-04", "change the tagged column's type (MariaDB drops the comment with it)", per3(
                        List.of("ALTER TABLE rt_customers ALTER COLUMN notes SET DATA TYPE VARCHAR(2000)",
                                "SELECT notes FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers ALTER COLUMN notes TYPE varchar(2000)",
                                "SELECT notes FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers MODIFY notes TEXT", "SELECT notes FROM rt_customers"))),
                steps("DDL-05", "PostgreSQL: a new parent table the customers INHERIT from", per3(null,
                        List.of("CREATE TABLE rt_parent (notes text, birth_date date)",
                                "ALTER TABLE rt_customers INHERIT rt_parent",
                                        "SELECT notes, birth_date FROM rt_parent"),
                        null)),
                steps("DDL-06", "change a sensitive column's type so the conversion error quotes values", per3(
                        List.of("ALTER TABLE rt_customers ALTER COLUMN full_name SET DATA TYPE INT",
                                "ALTER TABLE rt_customers ALTER COLUMN street_address INT"),
                        List.of("ALTER TABLE rt_customers ALTER COLUMN full_name TYPE int USING full_name::int",
                                "ALTER TABLE rt_customers ALTER COLUMN street_address TYPE int USING"
                                        + " CAST(street_address AS int)"),
                        List.of("ALTER TABLE rt_customers MODIFY full_name INT",
                                "ALTER TABLE rt_customers CHANGE street_address street_address INT"))),
                steps("DDL-07", "a CHECK constraint whose validation fails on a value", per3(
                        List.of("ALTER TABLE rt_customers ADD CONSTRAINT rt_chk CHECK (CAST(full_name AS INT) > 0)"),
                        List.of("ALTER TABLE rt_customers ADD CONSTRAINT rt_chk CHECK (full_name::int > 0)"),
                        List.of("ALTER TABLE rt_customers ADD CONSTRAINT rt_chk CHECK (CAST(full_name AS DATE) >"
                                + " '2000-01-01')"))),
                steps("DDL-08", "an index on an expression that fails on a value", per3(
                        List.of("CREATE INDEX rt_ix ON rt_customers (full_name)",
                                "ALTER TABLE rt_customers ADD COLUMN rt_g INT GENERATED ALWAYS AS (CAST(full_name AS"
                                        + " INT))"),
                        List.of("CREATE INDEX rt_ix ON rt_customers ((full_name::int))"),
                        List.of("ALTER TABLE rt_customers ADD COLUMN rt_g INT AS (CAST(full_name AS DATE) + 0)"
                                + " PERSISTENT"))),
                steps("DDL-09", "a generated column copying a sensitive column, selected by its new name", per3(
                        List.of("ALTER TABLE rt_customers ADD COLUMN rt_g VARCHAR(200) GENERATED ALWAYS AS"
                                + " (full_name || '')", "SELECT rt_g FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers ADD COLUMN rt_g text GENERATED ALWAYS AS (full_name ||"
                                + " '') STORED", "SELECT rt_g FROM rt_customers"),
                        List.of("ALTER TABLE rt_customers ADD COLUMN rt_g VARCHAR(200) AS (CONCAT(full_name, ''))"
                                + " PERSISTENT", "SELECT rt_g FROM rt_customers"))),
                steps("DDL-10", "a column DEFAULT computed from a sensitive column / a new column filled by UPDATE",
                        per3(List.of("ALTER TABLE rt_customers ADD COLUMN rt_g VARCHAR(200) DEFAULT 'x'",
                                        "UPDATE rt_customers SET rt_g = notes", "SELECT rt_g FROM rt_customers"),
                                List.of("ALTER TABLE rt_customers ADD COLUMN rt_g text DEFAULT 'x'",
                                        "UPDATE rt_customers SET rt_g = notes", "SELECT rt_g FROM rt_customers"),
                                List.of("ALTER TABLE rt_customers ADD COLUMN rt_g TEXT",
                                        "UPDATE rt_customers SET rt_g = notes", "SELECT rt_g FROM rt_customers"))),
                steps("DDL-11", "a view created through Veil renaming sensitive columns", per3(
                        List.of("CREATE VIEW rt_v_filtered AS SELECT id, ssn AS ref2, notes AS memo FROM"
                                + " rt_customers", "SELECT * FROM rt_v_filtered"),
                        List.of("CREATE VIEW rt_v_filtered AS SELECT id, ssn AS ref2, notes AS memo FROM"
                                + " rt_customers", "SELECT * FROM rt_v_filtered"),
                        List.of("CREATE VIEW rt_v_filtered AS SELECT id, ssn AS ref2, notes AS memo FROM"
                                + " rt_customers", "SELECT * FROM rt_v_filtered"))),
                mutating("DDL-12", "a view created through Veil whose WHERE filters on the deny column", ALL,
                        ctx -> ctx.blindSsnBy(prefix -> {
                            ctx.run("DROP VIEW IF EXISTS rt_v_filtered");
                            Result create = ctx.run("CREATE VIEW rt_v_filtered AS SELECT id FROM rt_customers"
                                    + " WHERE id = 1 AND ssn LIKE '" + prefix + "%'");
                            if (create.refused()) {
                                return null;
                            }
                            return ctx.run("SELECT id FROM rt_v_filtered").rows() > 0;
                        })),
                mutating("DDL-13", "PostgreSQL: materialized view created and refreshed through Veil", PG, ctx -> {
                    ctx.sink("rt_mv");
                    ctx.run("CREATE MATERIALIZED VIEW rt_mv AS SELECT id, ssn AS x, full_name AS y FROM"
                            + " rt_customers");
                    ctx.run("SELECT * FROM rt_mv");
                    ctx.run("REFRESH MATERIALIZED VIEW rt_mv");
                }),
                steps("DDL-14", "one string: swap a tagged column's name with an innocent one, then select it",
                        per3(List.of("ALTER TABLE rt_customers ALTER COLUMN city RENAME TO rt_c; ALTER TABLE"
                                        + " rt_customers ALTER COLUMN notes RENAME TO city; SELECT city FROM"
                                        + " rt_customers"),
                                List.of("ALTER TABLE rt_customers RENAME COLUMN city TO rt_c; ALTER TABLE rt_customers"
                                        + " RENAME COLUMN notes TO city; SELECT city FROM rt_customers"),
                                List.of("ALTER TABLE rt_customers RENAME COLUMN city TO rt_c; ALTER TABLE rt_customers"
                                        + " RENAME COLUMN notes TO city; SELECT city FROM rt_customers"))),
                steps("DDL-15", "one string: drop an innocent view and recreate it over sensitive columns", per3(
                        List.of("DROP VIEW rt_v_public; CREATE VIEW rt_v_public AS SELECT id, full_name AS"
                                + " nickname, notes AS tier FROM rt_customers; SELECT * FROM rt_v_public"),
                        List.of("DROP VIEW rt_v_public; CREATE VIEW rt_v_public AS SELECT id, full_name AS"
                                + " nickname, notes AS tier FROM rt_customers; SELECT * FROM rt_v_public"),
                        List.of("CREATE OR REPLACE VIEW rt_v_public AS SELECT id, full_name AS nickname, notes AS"
                                + " tier FROM rt_customers; SELECT * FROM rt_v_public"))),
                mutating("DDL-16", "someone else swaps two column names outside Veil: seen once veil.catalog.check"
                        + " has passed", ALL, SchemaChangesIT::concurrentSwap),
                mutating("DDL-17", "someone else adds a column while the cache is warm (result shape check)", ALL,
                        ctx -> {
                            java.sql.Connection warm = ctx.openVeil(warmCache());
                            ctx.run(warm, "SELECT * FROM rt_customers");
                            ctx.rawSetup("ALTER TABLE rt_customers ADD COLUMN rt_extra VARCHAR(100)",
                                    "UPDATE rt_customers SET rt_extra = full_name");
                            ctx.run(warm, "SELECT * FROM rt_customers");
                        }),
                mutating("DDL-18", "someone else drops a column and adds one holding copied values (same shape)"
                        + " while the cache is warm", ALL, ctx -> {
                            java.sql.Connection warm = ctx.openVeil(warmCache());
                            ctx.run(warm, "SELECT * FROM rt_customers");
                            ctx.rawSetup("ALTER TABLE rt_customers DROP COLUMN notes",
                                    "ALTER TABLE rt_customers ADD COLUMN notes VARCHAR(1000)",
                                    "UPDATE rt_customers SET notes = full_name");
                            ctx.run(warm, "SELECT * FROM rt_customers");
                        }),
                steps("DDL-19", "H2: a synonym for the customers table", per3(
                        List.of("CREATE SYNONYM rt_syn FOR rt_customers", "SELECT notes, loyalty_code FROM rt_syn"),
                        null, null)),
                steps("DDL-20", "move the table to another schema, then select", per3(
                        List.of("CREATE SCHEMA rt_other", "ALTER TABLE rt_customers SET SCHEMA rt_other",
                                "SELECT loyalty_code, notes FROM rt_other.rt_customers"),
                        List.of("CREATE SCHEMA rt_other", "ALTER TABLE rt_customers SET SCHEMA rt_other",
                                "SELECT loyalty_code, notes FROM rt_other.rt_customers"),
                        List.of("CREATE DATABASE rt_other", "RENAME TABLE rt_customers TO rt_other.rt_customers",
                                "SELECT loyalty_code, notes FROM rt_other.rt_customers",
                                "RENAME TABLE rt_other.rt_customers TO rt_customers"))),
                steps("DDL-21", "copy the table's definition (LIKE) and fill it from the original", per3(
                        List.of("CREATE TABLE rt_copy AS SELECT * FROM rt_customers WITH NO DATA",
                                "INSERT INTO rt_copy SELECT * FROM rt_customers", "SELECT * FROM rt_copy"),
                        List.of("CREATE TABLE rt_copy (LIKE rt_customers INCLUDING ALL)",
                                "INSERT INTO rt_copy SELECT * FROM rt_customers", "SELECT * FROM rt_copy"),
                        List.of("CREATE TABLE rt_copy LIKE rt_customers",
                                "INSERT INTO rt_copy SELECT * FROM rt_customers", "SELECT * FROM rt_copy"))),
                mutating("DDL-24", "a batch that swaps column names before copying the innocent-named one", ALL,
                        ctx -> {
                            boolean h2 = ctx.is(Engine.H2);
                            try (java.sql.Statement s = ctx.veil().createStatement()) {
                                s.addBatch(h2 ? "ALTER TABLE rt_customers ALTER COLUMN city RENAME TO rt_c"
                                        : "ALTER TABLE rt_customers RENAME COLUMN city TO rt_c");
                                s.addBatch(h2 ? "ALTER TABLE rt_customers ALTER COLUMN notes RENAME TO city"
                                        : "ALTER TABLE rt_customers RENAME COLUMN notes TO city");
                                s.addBatch("INSERT INTO rt_sink (a) SELECT city FROM rt_customers");
                                ctx.statements.add("batch: rename city, rename notes to city, copy city");
                                s.executeBatch();
                            } catch (java.sql.SQLException e) {
                                ctx.observe("batch", e);
                            }
                        }),
                steps("DDL-22", "PostgreSQL: ALTER TABLE … ALTER COLUMN … TYPE without USING (implicit cast)",
                        per3(null, List.of("ALTER TABLE rt_customers ALTER COLUMN ssn TYPE varchar(3)",
                                "ALTER TABLE rt_customers ALTER COLUMN birth_date TYPE varchar(5)"), null)),
                steps("DDL-23", "H2: CREATE TABLE … AS with column definitions and a LINKED copy", per3(
                        List.of("CREATE TABLE rt_copy (a VARCHAR(100), b VARCHAR(1000)) AS SELECT ssn, notes FROM"
                                + " rt_customers", "SELECT * FROM rt_copy"), null, null)));
    }

    /**
     * A cache that stays warm however slow the machine: DDL-17 and DDL-18 test what Veil does with a change made
     * outside it before it checks the schema fingerprint again ({@code veil.catalog.check}). Once it has checked, a
     * column someone filled with copied values is classified by its name and comment like any other.
     */
    private static java.util.Properties warmCache() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("veil.catalog.check", "1h");
        return p;
    }

    /**
     * Schema changes made outside Veil are seen once Veil reads the schema fingerprint again, at most
     * {@code veil.catalog.check} (1 s by default) after its last check; until then Veil analyzes against what it
     * read — the documented bound. With the default settings, the swap is seen after that.
     */
    private static void concurrentSwap(Ctx ctx) throws Exception {
        java.sql.Connection veil = ctx.openVeil();
        ctx.run(veil, "SELECT city, notes FROM rt_customers");
        if (ctx.is(Engine.H2)) {
            ctx.rawSetup("ALTER TABLE rt_customers ALTER COLUMN city RENAME TO rt_c",
                    "ALTER TABLE rt_customers ALTER COLUMN notes RENAME TO city",
                    "ALTER TABLE rt_customers ALTER COLUMN rt_c RENAME TO notes");
        } else {
            ctx.rawSetup("ALTER TABLE rt_customers RENAME COLUMN city TO rt_c",
                    "ALTER TABLE rt_customers RENAME COLUMN notes TO city",
                    "ALTER TABLE rt_customers RENAME COLUMN rt_c TO notes");
        }
        Thread.sleep(1200); // the documented bound, not a measurement
        ctx.run(veil, "SELECT city FROM rt_customers");
    }

    @TestFactory
    Stream<DynamicNode> schemaChanges() {
        return RedTeam.tests(attempts());
    }
}
