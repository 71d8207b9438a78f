package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.PG_H2;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.support.TestDatabase.Engine;
import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The JDBC API around the SQL: generated keys (the vendor driver appends RETURNING), updatable result sets, unwrap and
 * back-references to vendor objects, arrays and nested result sets, metadata, escape processing.
 */
class JdbcApiIT {

    /** Column names as the engine spells them in generated-key requests. */
    private static String[] cols(Ctx ctx, String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = ctx.is(Engine.H2) ? names[i].toUpperCase(java.util.Locale.ROOT) : names[i];
        }
        return out;
    }

    private static void keys(Ctx ctx, Statement s) throws SQLException {
        try (ResultSet rs = s.getGeneratedKeys()) {
            ctx.scan("generated keys", rs);
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                mutating("JDBC-01", "executeUpdate(UPDATE, column names): generated keys of sensitive columns",
                        ALL, ctx -> {
                            ctx.statements.add("executeUpdate(UPDATE …, String[])");
                            try (Statement s = ctx.veil().createStatement()) {
                                s.executeUpdate("UPDATE rt_customers SET tier = tier WHERE id = 1",
                                        cols(ctx, "ssn", "full_name", "notes"));
                                keys(ctx, s);
                            }
                        }),
                mutating("JDBC-02", "executeUpdate(UPDATE, RETURN_GENERATED_KEYS)", ALL, ctx -> {
                    ctx.statements.add("executeUpdate(UPDATE …, RETURN_GENERATED_KEYS)");
                    try (Statement s = ctx.veil().createStatement()) {
                        s.executeUpdate("UPDATE rt_customers SET tier = tier WHERE id = 1",
                                Statement.RETURN_GENERATED_KEYS);
                        keys(ctx, s);
                    }
                }),
                mutating("JDBC-03", "prepareStatement(UPDATE, column names) and (…, column indexes)", ALL, ctx -> {
                    ctx.statements.add("prepareStatement(UPDATE …, String[] / int[])");
                    try (PreparedStatement p = ctx.veil().prepareStatement(
                            "UPDATE rt_customers SET tier = tier WHERE id = ?", cols(ctx, "ssn", "street_address"))) {
                        p.setInt(1, 2);
                        p.executeUpdate();
                        keys(ctx, p);
                    }
                    try (PreparedStatement p = ctx.veil().prepareStatement(
                            "UPDATE rt_customers SET tier = tier WHERE id = ?", new int[] {5, 13})) {
                        p.setInt(1, 3);
                        p.executeUpdate();
                        keys(ctx, p);
                    }
                }),
                mutating("JDBC-04", "execute(DELETE, RETURN_GENERATED_KEYS) of a customer", ALL, ctx -> {
                    ctx.statements.add("execute(DELETE …, RETURN_GENERATED_KEYS)");
                    try (Statement s = ctx.veil().createStatement()) {
                        s.execute("DELETE FROM rt_customers WHERE id = 3", Statement.RETURN_GENERATED_KEYS);
                        keys(ctx, s);
                    }
                }),
                mutating("JDBC-05", "generated keys of INSERT … SELECT (the inserted, masked values)", ALL, ctx -> {
                    ctx.statements.add("executeUpdate(INSERT … SELECT, String[])");
                    try (Statement s = ctx.veil().createStatement()) {
                        s.executeUpdate("INSERT INTO rt_sink (id, a) SELECT id, full_name FROM rt_customers",
                                cols(ctx, "a", "id"));
                        keys(ctx, s);
                    }
                }),
                attempt("JDBC-06", "unwrap to vendor classes and isWrapperFor, on every wrapper", ALL, ctx -> {
                    Connection c = ctx.veil();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM rt_customers");
                    DatabaseMetaData md = c.getMetaData();
                    List<Class<?>> targets = List.of(Connection.class, Statement.class, ResultSet.class,
                            DatabaseMetaData.class);
                    for (Object w : List.of(c, s, rs, md)) {
                        for (String vendor : List.of("org.postgresql.PGConnection", "org.postgresql.jdbc.PgConnection",
                                "org.mariadb.jdbc.Connection", "org.h2.jdbc.JdbcConnection",
                                "org.postgresql.PGStatement", "org.h2.jdbc.JdbcStatement",
                                "org.mariadb.jdbc.Statement", "org.h2.jdbc.JdbcResultSet", "java.lang.Object")) {
                            try {
                                Class<?> k = Class.forName(vendor);
                                Object u = ((java.sql.Wrapper) w).unwrap(k);
                                if (!u.getClass().getName().startsWith("dev.veil")) {
                                    // a vendor object: use it to read raw values around Veil
                                    ctx.scanValue("unwrapped " + vendor, rawThrough(u));
                                }
                            } catch (SQLException | ClassNotFoundException e) {
                                // refused or absent
                            }
                        }
                        for (Class<?> k : targets) {
                            try {
                                Object u = ((java.sql.Wrapper) w).unwrap(k);
                                ctx.scanValue("unwrapped " + k.getSimpleName(), rawThrough(u));
                            } catch (SQLException e) {
                                // refused
                            }
                        }
                    }
                    rs.close();
                    s.close();
                }),
                attempt("JDBC-07", "back-references: getConnection / getStatement / metadata connection", ALL, ctx -> {
                    try (Statement s = ctx.veil().createStatement();
                         ResultSet rs = s.executeQuery("SELECT id FROM rt_customers")) {
                        for (Connection back : List.of(s.getConnection(), rs.getStatement().getConnection(),
                                ctx.veil().getMetaData().getConnection(), rs.getStatement().getConnection()
                                        .getMetaData().getConnection())) {
                            ctx.scanValue("back-reference", rawThrough(back));
                        }
                    }
                }),
                attempt("JDBC-08", "arrays: getArray, getResultSet and its statement's connection", PG_H2, ctx -> {
                    try (Statement s = ctx.veil().createStatement();
                         ResultSet rs = s.executeQuery("SELECT ARRAY_AGG(full_name) FROM rt_customers")) {
                        rs.next();
                        Array a = rs.getArray(1);
                        ctx.scanValue("array", a.getArray());
                        try (ResultSet ars = a.getResultSet()) {
                            ctx.scan("array result set", ars);
                            Statement back = ars.getStatement();
                            if (back != null) {
                                ctx.scanValue("array statement", rawThrough(back.getConnection()));
                            }
                        }
                    }
                }),
                attempt("JDBC-09", "updatable result sets: refreshRow, updateRow, insertRow", ALL, ctx -> {
                    try (Statement s = ctx.veil().createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                            ResultSet.CONCUR_UPDATABLE);
                         ResultSet rs = s.executeQuery("SELECT id, full_name, ssn FROM rt_customers")) {
                        rs.next();
                        try {
                            rs.refreshRow();
                            ctx.scanValue("refreshed row", rs.getString(2) + " " + rs.getString(3));
                            rs.updateInt(1, rs.getInt(1));
                            rs.updateRow();
                            ctx.scanValue("updated row", rs.getString(2) + " " + rs.getString(3));
                        } catch (SQLException e) {
                            ctx.observe("updatable result set", e);
                        }
                    }
                    try (Statement s = ctx.veil().createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                            ResultSet.CONCUR_UPDATABLE);
                         ResultSet rs = s.executeQuery("SELECT * FROM rt_customers")) {
                        rs.next();
                        try {
                            rs.refreshRow();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                ctx.scanValue("refreshed * row", rs.getObject(i));
                            }
                        } catch (SQLException e) {
                            ctx.observe("updatable result set", e);
                        }
                    }
                }),
                attempt("JDBC-10", "DatabaseMetaData: every result-set method with wide patterns", ALL, ctx -> {
                    DatabaseMetaData md = ctx.veil().getMetaData();
                    for (Method m : DatabaseMetaData.class.getMethods()) {
                        if (m.getReturnType() != ResultSet.class) {
                            continue;
                        }
                        Object[] args = new Object[m.getParameterCount()];
                        Class<?>[] types = m.getParameterTypes();
                        for (int i = 0; i < args.length; i++) {
                            args[i] = types[i] == String.class ? (i == 0 ? null : "%")
                                    : types[i] == boolean.class ? Boolean.FALSE
                                    : types[i] == int.class ? Integer.valueOf(0) : null;
                        }
                        if (m.getName().equals("getBestRowIdentifier") || m.getName().equals("getPrimaryKeys")
                                || m.getName().equals("getIndexInfo") || m.getName().endsWith("Keys")
                                || m.getName().equals("getVersionColumns") || m.getName().equals("getCrossReference")) {
                            for (int i = 0; i < args.length; i++) {
                                if (types[i] == String.class && i >= 2) {
                                    args[i] = ctx.is(Engine.H2) ? "RT_CUSTOMERS" : "rt_customers";
                                }
                            }
                        }
                        try (ResultSet rs = (ResultSet) m.invoke(md, args)) {
                            ctx.scan("metadata " + m.getName(), rs);
                        } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
                            // unsupported by this driver
                        }
                    }
                    ctx.scanValue("metadata URL", md.getURL());
                    ctx.scanValue("nativeSQL", ctx.veil().nativeSQL("SELECT full_name, ssn FROM rt_customers"));
                }),
                attempt("JDBC-11", "getObject with type conversions, getCharacterStream, getAsciiStream", ALL, ctx -> {
                    try (Statement s = ctx.veil().createStatement();
                         ResultSet rs = s.executeQuery("SELECT full_name, ssn, notes, birth_date FROM rt_customers")) {
                        while (rs.next()) {
                            for (int i = 1; i <= 4; i++) {
                                for (Class<?> k : List.<Class<?>>of(String.class, Object.class, byte[].class,
                                        java.time.LocalDate.class)) {
                                    try {
                                        ctx.scanValue("getObject as " + k.getSimpleName(), rs.getObject(i, k));
                                    } catch (SQLException | RuntimeException e) {
                                        // not convertible
                                    }
                                }
                                try (var r = rs.getCharacterStream(i)) {
                                    if (r != null) {
                                        ctx.scanValue("character stream", new java.io.BufferedReader(r).lines()
                                                .reduce("", String::concat));
                                    }
                                } catch (Exception e) {
                                    // not a stream
                                }
                            }
                        }
                    }
                }),
                attempt("JDBC-12", "getMoreResults across a multi-statement execute", ALL, ctx -> {
                    ctx.statements.add("execute(SELECT 1; SELECT full_name …)");
                    try (Statement s = ctx.veil().createStatement()) {
                        boolean r = s.execute("SELECT 1; SELECT full_name FROM rt_customers; SELECT notes FROM"
                                + " rt_customers");
                        ctx.collect("multi-result", s, r);
                    }
                }),
                attempt("JDBC-13", "setEscapeProcessing(false) and cursor names", ALL, ctx -> {
                    try (Statement s = ctx.veil().createStatement()) {
                        s.setEscapeProcessing(false);
                        s.setCursorName("rt_cursor");
                        s.setFetchSize(1);
                        s.setMaxRows(1);
                        ctx.statements.add("SELECT {fn ucase(full_name)} … without escape processing");
                        boolean r = s.execute("SELECT {fn ucase(full_name)} FROM rt_customers");
                        ctx.collect("no escape processing", s, r);
                    }
                }),
                attempt("JDBC-14", "a prepared statement reused after the session's schema changed", ALL, ctx -> {
                    try (PreparedStatement p = ctx.veil().prepareStatement("SELECT nickname, tier FROM rt_customers"
                            + " WHERE id = ?")) {
                        p.setInt(1, 1);
                        try (ResultSet rs = p.executeQuery()) {
                            ctx.scan("before", rs);
                        }
                        ctx.run(ctx.is(Engine.H2)
                                ? "ALTER TABLE rt_customers ALTER COLUMN nickname RENAME TO rt_n"
                                : "ALTER TABLE rt_customers RENAME COLUMN nickname TO rt_n");
                        ctx.run(ctx.is(Engine.H2)
                                ? "ALTER TABLE rt_customers ALTER COLUMN full_name RENAME TO nickname"
                                : "ALTER TABLE rt_customers RENAME COLUMN full_name TO nickname");
                        ctx.dirty = true;
                        try (ResultSet rs = p.executeQuery()) {
                            ctx.scan("after", rs);
                        }
                    }
                }));
    }

    /** What a caller holding {@code o} (a connection or a vendor object) could read around Veil. */
    private static String rawThrough(Object o) {
        StringBuilder out = new StringBuilder();
        Connection c = null;
        try {
            if (o instanceof Connection conn) {
                c = conn;
            } else if (o instanceof Statement st) {
                c = st.getConnection();
            } else if (o instanceof ResultSet rs) {
                c = rs.getStatement() == null ? null : rs.getStatement().getConnection();
            } else if (o instanceof DatabaseMetaData md) {
                c = md.getConnection();
            }
            if (c == null) {
                return "";
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT full_name, ssn FROM rt_customers")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
                }
            }
        } catch (SQLException e) {
            out.append(e.getMessage());
        }
        return out.toString();
    }

    @TestFactory
    Stream<DynamicNode> jdbcApi() {
        return RedTeam.tests(attempts());
    }
}
