package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuzz schema: a small shop (customers, orders, products) whose sensitive columns hold {@link Canaries}, plus a
 * scratch table that writes may fill. Created and filled through the vendor driver; the generators read its shape
 * from {@link #TABLES}.
 */
final class FuzzSchema {

    private FuzzSchema() {
    }

    enum Type { INT, NUM, TEXT, DATE }

    /** A column; {@code sensitive} when the fuzz policy names it. */
    record Column(String name, Type type, boolean sensitive) {
    }

    /** A table and its columns in order; {@code scratch} tables may be written. */
    record Table(String name, List<Column> columns, boolean scratch) {
        boolean hasSensitive() {
            return columns.stream().anyMatch(Column::sensitive);
        }

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private static Column plain(String name, Type type) {
        return new Column(name, type, false);
    }

    private static Column secret(String name, Type type) {
        return new Column(name, type, true);
    }

    static final Table CUSTOMERS = new Table("fz_customers", List.of(plain("id", Type.INT), plain("tier", Type.TEXT),
            plain("city", Type.TEXT), plain("score", Type.INT), plain("joined", Type.DATE),
            secret("full_name", Type.TEXT), secret("email", Type.TEXT), secret("phone", Type.TEXT),
            secret("ssn", Type.TEXT), secret("birth_date", Type.DATE), secret("salary", Type.INT),
            secret("api_token", Type.TEXT), secret("loyalty_code", Type.TEXT), secret("profile", Type.TEXT)), false);
    static final Table ORDERS = new Table("fz_orders", List.of(plain("id", Type.INT), plain("customer_id", Type.INT),
            plain("amount", Type.NUM), plain("status", Type.TEXT), plain("qty", Type.INT), plain("placed", Type.DATE),
            secret("ship_to", Type.TEXT), secret("card_number", Type.TEXT), secret("note", Type.TEXT)), false);
    static final Table PRODUCTS = new Table("fz_products", List.of(plain("id", Type.INT), plain("sku", Type.TEXT),
            plain("title", Type.TEXT), plain("price", Type.NUM), plain("stock", Type.INT)), false);
    static final Table SCRATCH = new Table("fz_scratch", List.of(plain("id", Type.INT), plain("a", Type.TEXT),
            plain("b", Type.TEXT), plain("n", Type.INT)), true);

    static final List<Table> TABLES = List.of(CUSTOMERS, ORDERS, PRODUCTS, SCRATCH);

    /** The predicate mode of each sensitive column's class in {@code fuzz/policy.yaml} (deny when not listed). */
    static final java.util.Map<String, String> PREDICATE_MODES = java.util.Map.of(
            "fz_customers.email", "allow", "fz_customers.profile", "allow",
            "fz_customers.phone", "masked", "fz_customers.loyalty_code", "masked", "fz_customers.salary", "masked",
            "fz_orders.card_number", "masked", "fz_orders.note", "masked");

    static String predicateMode(String table, String column) {
        return PREDICATE_MODES.getOrDefault(table + "." + column, "deny");
    }
    /** Objects the DDL generator may create; dropped after every DDL unit. */
    static final List<String> DDL_TABLES = List.of("fz_d1", "fz_d2");
    static final List<String> DDL_VIEWS = List.of("fz_dv");

    private static final String[] TIERS = {"gold", "silver", "bronze", null};
    private static final String[] CITIES = {"Lisbon", "Oslo", "Quito", "Lima", "Porto", "Nairobi", "Dakar", "Rome"};
    private static final String[] STATUSES = {"open", "paid", "shipped", "void"};

    /** Drops and creates everything, fills it. */
    static void recreate(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            c.setAutoCommit(true);
            dropAll(c, db.engine());
            c.setAutoCommit(false); // one commit for the whole schema, not one per row
            create(c, db.engine());
            fill(c);
            c.commit();
        }
    }

    /** Drops the objects DDL units may create and empties the scratch table back to its three rows. */
    static void resetScratch(Connection c, Engine engine) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String v : DDL_VIEWS) {
                quietly(s, "DROP VIEW IF EXISTS " + v);
            }
            for (String t : DDL_TABLES) {
                quietly(s, "DROP TABLE IF EXISTS " + t);
            }
            if (engine == Engine.POSTGRESQL) {
                quietly(s, "DROP MATERIALIZED VIEW IF EXISTS fz_dm");
            }
            quietly(s, "DROP INDEX IF EXISTS fz_di" + (engine == Engine.MARIADB ? " ON fz_customers" : ""));
        }
    }

    static void dropAll(Connection c, Engine engine) throws SQLException {
        resetScratch(c, engine);
        String cascade = engine == Engine.MARIADB ? "" : " CASCADE";
        try (Statement s = c.createStatement()) {
            for (String t : List.of("fz_scratch", "fz_orders", "fz_products", "fz_customers", "fz_bump")) {
                quietly(s, "DROP TABLE IF EXISTS " + t + cascade);
            }
        }
    }

    private static void quietly(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException ignored) {
            // nothing to drop
        }
    }

    private static void create(Connection c, Engine engine) throws SQLException {
        String text = "VARCHAR(200)";
        String decimal = "DECIMAL(10,2)";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE fz_customers (id INT PRIMARY KEY, tier " + text + ", city " + text + ","
                    + " score INT CHECK (score >= 0), joined DATE, full_name " + text + " NOT NULL,"
                    + " email " + text + " UNIQUE, phone " + text + ", ssn " + text + ", birth_date DATE,"
                    + " salary INT, api_token " + text + ", loyalty_code " + text + ", profile VARCHAR(400))");
            s.execute("CREATE TABLE fz_orders (id INT PRIMARY KEY, customer_id INT, amount " + decimal + ","
                    + " status " + text + ", qty INT, placed DATE, ship_to " + text + ", card_number " + text
                    + " UNIQUE, note " + text + ")");
            s.execute("CREATE TABLE fz_products (id INT PRIMARY KEY, sku " + text + ", title " + text + ","
                    + " price " + decimal + ", stock INT)");
            s.execute("CREATE TABLE fz_scratch (id INT, a VARCHAR(500), b VARCHAR(500), n INT)");
        }
    }

    private static void fill(Connection c) throws SQLException {
        Canaries k = Canaries.get();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO fz_customers (id, tier, city, score, joined,"
                + " full_name, email, phone, ssn, birth_date, salary, api_token, loyalty_code, profile)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= Canaries.CUSTOMERS; id++) {
                p.setInt(1, id);
                p.setString(2, TIERS[id % TIERS.length]);
                p.setString(3, CITIES[id % CITIES.length]);
                if (id == 4) {
                    p.setNull(4, java.sql.Types.INTEGER);
                } else {
                    p.setInt(4, (id * 17) % 61);
                }
                p.setDate(5, java.sql.Date.valueOf("202" + (id % 4) + "-0" + (1 + id % 9) + "-1" + (id % 9)));
                p.setString(6, k.of("fz_customers", "full_name", id).value());
                p.setString(7, k.of("fz_customers", "email", id).value());
                p.setString(8, k.of("fz_customers", "phone", id).value());
                p.setString(9, k.of("fz_customers", "ssn", id).value());
                p.setDate(10, java.sql.Date.valueOf(k.of("fz_customers", "birth_date", id).value()));
                p.setInt(11, Integer.parseInt(k.of("fz_customers", "salary", id).value()));
                p.setString(12, id == 6 ? null : k.of("fz_customers", "api_token", id).value());
                p.setString(13, k.of("fz_customers", "loyalty_code", id).value());
                p.setString(14, k.of("fz_customers", "profile", id).value());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO fz_orders (id, customer_id, amount, status, qty,"
                + " placed, ship_to, card_number, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < Canaries.ORDERS; i++) {
                int id = 101 + i;
                p.setInt(1, id);
                p.setInt(2, 1 + (i * 3) % Canaries.CUSTOMERS);
                p.setBigDecimal(3, new java.math.BigDecimal((10 + i * 7) + "." + (10 + i * 9) % 100));
                p.setString(4, STATUSES[i % STATUSES.length]);
                p.setInt(5, 1 + i % 5);
                p.setDate(6, java.sql.Date.valueOf("2023-1" + (i % 3) + "-0" + (1 + i % 9)));
                p.setString(7, k.of("fz_orders", "ship_to", id).value());
                p.setString(8, k.of("fz_orders", "card_number", id).value());
                p.setString(9, i == 3 ? null : k.of("fz_orders", "note", id).value());
                p.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO fz_products (id, sku, title, price, stock) VALUES (1, 'SKU-0001', 'Blue mug', 9.50,"
                    + " 40), (2, 'SKU-0002', 'Red kettle', 35.00, 3), (3, 'SKU-0003', 'Tea towel', 4.25, NULL),"
                    + " (4, 'SKU-0004', 'Oak board', 22.10, 12), (5, 'SKU-0005', 'Olive oil', 11.00, 0)");
            s.execute("INSERT INTO fz_scratch (id, a, b, n) VALUES (1, 'alpha', 'one', 1), (2, 'beta', NULL, 2),"
                    + " (3, 'gamma', 'three', 3)");
        }
    }

    /** Every sensitive column, for generators that aim at them. */
    static List<Column> sensitiveColumns(Table t) {
        List<Column> out = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.sensitive()) {
                out.add(c);
            }
        }
        return out;
    }
}
