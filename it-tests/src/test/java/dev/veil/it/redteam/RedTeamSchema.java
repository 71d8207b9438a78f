package dev.veil.it.redteam;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The red team's schema on each engine, created and filled through raw vendor connections: customers with every
 * kind of sensitive column, orders that join to them, views (and a view of a view), a sink table for copy attempts
 * and a table of guesses for join oracles.
 */
final class RedTeamSchema {

    private RedTeamSchema() {
    }

    /** Every table and view the red team owns, views first (drop order). */
    static final List<String> VIEWS = List.of("rt_v_vv", "rt_v_customers", "rt_v_public", "rt_v_stats",
            "rt_v_activity", "rt_v_filtered", "rt_mv", "rt_v_shape");
    static final List<String> TABLES = List.of("rt_customers", "rt_orders", "rt_sink", "rt_guess", "rt_bump",
            "rt_copy", "rt_copy2", "rt_parent", "rt_child", "rt_link", "rt_shadow", "rt_pb", "rt_tmp", "rt_log",
                    "rt_zz", "rt_customers_old");

    static void recreate(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            c.setAutoCommit(true);
            drop(c, db.engine());
            create(c, db.engine());
            fill(c);
        }
    }

    static void dropAll(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            c.setAutoCommit(true);
            drop(c, db.engine());
        }
    }

    private static void drop(Connection c, Engine engine) throws SQLException {
        List<String> statements = new ArrayList<>();
        if (engine == Engine.POSTGRESQL) {
            statements.add("DROP MATERIALIZED VIEW IF EXISTS rt_mv CASCADE");
            statements.add("DROP SCHEMA IF EXISTS rt_evil CASCADE");
            statements.add("DROP SCHEMA IF EXISTS rt_other CASCADE");
            statements.add("DROP STATISTICS IF EXISTS rt_ext_stats");
            statements.add("DROP FUNCTION IF EXISTS rt_leak_fn() CASCADE");
            statements.add("DROP FUNCTION IF EXISTS rt_leak_fn(text) CASCADE");
            statements.add("DROP PROCEDURE IF EXISTS rt_leak_proc");
            statements.add("DROP FUNCTION IF EXISTS public.lower(integer)");
            statements.add("DROP FUNCTION IF EXISTS public.md5(integer)");
        }
        if (engine == Engine.MARIADB) {
            statements.add("DROP FUNCTION IF EXISTS rt_leak_fn");
            statements.add("DROP PROCEDURE IF EXISTS rt_leak_proc");
            statements.add("DROP DATABASE IF EXISTS rt_other");
        }
        if (engine == Engine.H2) {
            statements.add("DROP ALIAS IF EXISTS RT_LEAK_FN");
            statements.add("DROP SYNONYM IF EXISTS RT_SYN");
            statements.add("SET QUERY_STATISTICS FALSE");
            statements.add("DROP SCHEMA IF EXISTS RT_OTHER CASCADE");
            statements.add("DROP SCHEMA IF EXISTS RT_EVIL CASCADE");
        }
        for (String v : VIEWS) {
            statements.add("DROP VIEW IF EXISTS " + v + (engine == Engine.MARIADB ? "" : " CASCADE"));
        }
        for (String t : TABLES) {
            statements.add("DROP TABLE IF EXISTS " + t + (engine == Engine.MARIADB ? "" : " CASCADE"));
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    // e.g. a view that is a table today, or a permission we do not have in CI
                    try {
                        s.execute(sql.replace("DROP VIEW", "DROP TABLE").replace("DROP MATERIALIZED VIEW",
                                "DROP TABLE"));
                    } catch (SQLException ignored) {
                        // nothing to drop
                    }
                }
            }
        }
    }

    private static void create(Connection c, Engine engine) throws SQLException {
        String text = switch (engine) {
            case POSTGRESQL -> "text";
            case MARIADB -> "TEXT";
            case H2 -> "VARCHAR(1000)";
        };
        String notesComment = engine == Engine.MARIADB ? " COMMENT 'Support notes. veil:free_text'" : "";
        String shipComment = engine == Engine.MARIADB ? " COMMENT 'veil:address'" : "";
        String decimal = engine == Engine.POSTGRESQL ? "numeric(10,2)" : "DECIMAL(10,2)";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rt_customers (id INT PRIMARY KEY, nickname VARCHAR(40), tier VARCHAR(20),"
                    + " city VARCHAR(40), full_name VARCHAR(100), email VARCHAR(100), phone VARCHAR(40),"
                    + " ssn VARCHAR(20), card_number VARCHAR(25), birth_date DATE, street_address VARCHAR(100),"
                    + " signup_ip VARCHAR(45), notes " + text + notesComment + ", password VARCHAR(60),"
                    + " loyalty_code VARCHAR(30), score INT)");
            s.execute("CREATE TABLE rt_orders (id INT PRIMARY KEY, customer_id INT, amount " + decimal + ","
                    + " status VARCHAR(20), ship_to VARCHAR(100)" + shipComment + ")");
            if (engine != Engine.MARIADB) {
                s.execute("COMMENT ON COLUMN rt_customers.notes IS 'Support notes. veil:free_text'");
                s.execute("COMMENT ON COLUMN rt_orders.ship_to IS 'veil:address'");
            }
            s.execute("CREATE TABLE rt_sink (id INT, a VARCHAR(500), b VARCHAR(500), c VARCHAR(500))");
            s.execute("CREATE TABLE rt_guess (ssn VARCHAR(20), label VARCHAR(20))");
            s.execute("CREATE VIEW rt_v_customers AS SELECT id, full_name, email, ssn, tier FROM rt_customers");
            s.execute("CREATE VIEW rt_v_vv AS SELECT id, ssn AS ref, full_name AS who FROM rt_v_customers");
            s.execute("CREATE VIEW rt_v_public AS SELECT id, nickname, tier FROM rt_customers");
        }
    }

    private static void fill(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO rt_customers (id, nickname, tier, city, full_name,"
                + " email, phone, ssn, card_number, birth_date, street_address, signup_ip, notes, password,"
                + " loyalty_code, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Secrets.Customer r : Secrets.CUSTOMERS) {
                p.setInt(1, r.id());
                p.setString(2, r.nickname());
                p.setString(3, r.tier());
                p.setString(4, r.city());
                p.setString(5, r.fullName());
                p.setString(6, r.email());
                p.setString(7, r.phone());
                p.setString(8, r.ssn());
                p.setString(9, r.cardNumber());
                p.setDate(10, java.sql.Date.valueOf(r.birthDate()));
                p.setString(11, r.streetAddress());
                p.setString(12, r.signupIp());
                p.setString(13, r.notes());
                p.setString(14, r.password());
                p.setString(15, r.loyaltyCode());
                p.setInt(16, r.score());
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO rt_orders (id, customer_id, amount, status, ship_to) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < Secrets.SHIP_TO.size(); i++) {
                p.setInt(1, 100 + i);
                p.setInt(2, i + 1);
                p.setBigDecimal(3, new java.math.BigDecimal("19.99").add(java.math.BigDecimal.valueOf(i)));
                p.setString(4, i == 1 ? "open" : "shipped");
                p.setString(5, Secrets.SHIP_TO.get(i));
                p.executeUpdate();
            }
        }
    }
}
