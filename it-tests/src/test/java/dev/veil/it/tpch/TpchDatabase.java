package dev.veil.it.tpch;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.tpch.TpchData.Column;
import dev.veil.it.tpch.TpchData.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and loads the TPC-H tables through the vendor driver, once per engine: when the eight tables are already
 * there with the data set's row counts and column sums (a rerun against the same server), nothing is reloaded.
 */
final class TpchDatabase {

    private static final int ROWS_PER_BATCH = 1_000;
    private static final Set<Engine> READY = ConcurrentHashMap.newKeySet();
    private static volatile TpchData data;

    private TpchDatabase() {
    }

    static TpchData data() {
        TpchData d = data;
        if (d == null) {
            synchronized (TpchDatabase.class) {
                if (data == null) {
                    data = TpchData.generate();
                }
                d = data;
            }
        }
        return d;
    }

    /** Makes sure {@code db} holds exactly the data set; loads it when it does not. */
    static synchronized void ensureLoaded(TestDatabase db) throws SQLException {
        if (READY.contains(db.engine())) {
            return;
        }
        try (Connection c = db.openRaw()) {
            if (!loaded(c)) {
                load(c, db.engine());
                // what a server stored is checked, as a rerun trusts it; H2's in-memory tables live as long as the JVM
                List<String> wrong = db.engine() == Engine.H2 ? List.of() : mismatches(c);
                if (!wrong.isEmpty()) {
                    throw new IllegalStateException("the TPC-H data set did not load as generated on " + db.engine()
                            + ": " + wrong);
                }
            }
        }
        READY.add(db.engine());
    }

    private static boolean loaded(Connection c) {
        try {
            return mismatches(c).isEmpty();
        } catch (SQLException e) {
            return false; // a table is missing or has other columns
        } finally {
            rollbackQuietly(c);
        }
    }

    /** Tables whose row count or column sums differ from the generated data set. */
    private static List<String> mismatches(Connection c) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (Table table : data().tables()) {
            List<BigDecimal> expected = fingerprint(table);
            List<BigDecimal> actual = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(fingerprintQuery(table))) {
                rs.next();
                for (int i = 1; i <= expected.size(); i++) {
                    BigDecimal v = rs.getBigDecimal(i);
                    actual.add(v == null ? BigDecimal.ZERO : v);
                }
            }
            for (int i = 0; i < expected.size(); i++) {
                if (expected.get(i).compareTo(actual.get(i)) != 0) {
                    wrong.add(table.name());
                    break;
                }
            }
        }
        return wrong;
    }

    /** {@code count(*)} and one sum per column: values, lengths of text, and a number for each date. */
    private static String fingerprintQuery(Table table) {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Column column : table.columns()) {
            String n = column.name();
            sql.append(", sum(").append(switch (column.type()) {
                case KEY, INT, MONEY -> n;
                case CHAR, VARCHAR -> "char_length(rtrim(" + n + "))";
                case DATE -> "extract(year from " + n + ") * 372 + extract(month from " + n + ") * 31 + extract(day"
                        + " from " + n + ")";
            }).append(')');
        }
        return sql.append(" FROM ").append(table.name()).toString();
    }

    private static List<BigDecimal> fingerprint(Table table) {
        List<BigDecimal> sums = new ArrayList<>();
        sums.add(BigDecimal.valueOf(table.rows().size()));
        for (int i = 0; i < table.columns().size(); i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Object[] row : table.rows()) {
                Object v = row[i];
                sum = sum.add(switch (table.columns().get(i).type()) {
                    case KEY, INT -> BigDecimal.valueOf(((Number) v).longValue());
                    case MONEY -> (BigDecimal) v;
                    case CHAR, VARCHAR -> BigDecimal.valueOf(((String) v).stripTrailing().length());
                    case DATE -> {
                        LocalDate d = (LocalDate) v;
                        yield BigDecimal.valueOf(d.getYear() * 372L + d.getMonthValue() * 31L + d.getDayOfMonth());
                    }
                });
            }
            sums.add(sum);
        }
        return sums;
    }

    private static void load(Connection c, Engine engine) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(engine == Engine.H2); // one transaction on the servers; H2 gains nothing from it
        try (Statement s = c.createStatement()) {
            for (Table table : data().tables()) {
                s.execute("DROP TABLE IF EXISTS " + table.name());
            }
            for (Table table : data().tables()) {
                List<String> columns = new ArrayList<>();
                table.columns().forEach(col -> columns.add(col.ddl(engine == Engine.H2)));
                s.execute("CREATE TABLE " + table.name() + " (" + String.join(", ", columns) + ", PRIMARY KEY ("
                        + String.join(", ", table.primaryKey()) + "))");
            }
            for (Table table : data().tables()) {
                insert(c, table);
            }
            s.execute("CREATE INDEX lineitem_part_supp ON lineitem (l_partkey, l_suppkey)");
            s.execute("CREATE INDEX lineitem_supp ON lineitem (l_suppkey)");
            s.execute("CREATE INDEX orders_cust ON orders (o_custkey)");
            s.execute("CREATE INDEX partsupp_supp ON partsupp (ps_suppkey)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
            for (Table table : data().tables()) {
                switch (engine) {
                    case POSTGRESQL -> s.execute("ANALYZE " + table.name());
                    case MARIADB -> {
                        try (ResultSet ignored = s.executeQuery("ANALYZE TABLE " + table.name())) {
                            // statistics for the optimizer
                        }
                    }
                    case H2 -> {
                    }
                }
            }
            if (engine == Engine.H2) {
                s.execute("ANALYZE");
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void insert(Connection c, Table table) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table.name() + " VALUES (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : table.rows()) {
                for (int i = 0; i < row.length; i++) {
                    p.setObject(i + 1, row[i]);
                }
                p.addBatch();
                if (++pending == ROWS_PER_BATCH) {
                    p.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                p.executeBatch();
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }
}
