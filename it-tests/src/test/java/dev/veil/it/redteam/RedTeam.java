package dev.veil.it.redteam;

import static org.assertj.core.api.Assertions.fail;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The red team's harness. An {@link Attempt} is one way of trying to get raw values out through Veil; it runs on
 * every engine where its construct exists, each time on a fresh Veil connection over freshly seeded tables. It
 * passes when Veil refuses it or when it runs and nothing it returns — values, labels, errors, warnings, tables it
 * wrote (read back raw) — contains a fragment the masks must hide ({@link LeakOracle}).
 */
final class RedTeam {

    private RedTeam() {
    }

    static final Set<Engine> ALL = EnumSet.allOf(Engine.class);
    static final Set<Engine> PG = EnumSet.of(Engine.POSTGRESQL);
    static final Set<Engine> MARIADB = EnumSet.of(Engine.MARIADB);
    static final Set<Engine> H2 = EnumSet.of(Engine.H2);
    static final Set<Engine> SERVERS = EnumSet.of(Engine.POSTGRESQL, Engine.MARIADB);
    static final Set<Engine> PG_H2 = EnumSet.of(Engine.POSTGRESQL, Engine.H2);
    static final Set<Engine> MARIADB_H2 = EnumSet.of(Engine.MARIADB, Engine.H2);

    /** What an attempt does, given a fresh Veil connection. */
    @FunctionalInterface
    interface Body {
        void run(Ctx ctx) throws Exception;
    }

    /**
     * One attempt.
     *
     * @param id      short id, unique in the suite (e.g. {@code OUT-07})
     * @param title   what it tries
     * @param engines where the construct exists
     * @param mutates whether it may change the schema or the seeded data (the tables are recreated afterwards)
     * @param body    the attempt
     */
    record Attempt(String id, String title, Set<Engine> engines, boolean mutates, Body body) {
    }

    static Attempt attempt(String id, String title, Set<Engine> engines, Body body) {
        return new Attempt(id, title, engines, false, body);
    }

    static Attempt mutating(String id, String title, Set<Engine> engines, Body body) {
        return new Attempt(id, title, engines, true, body);
    }

    /** An attempt that runs one SQL text per engine (null: the construct does not exist there). */
    static Attempt sql(String id, String title, Map<Engine, String> sqlByEngine) {
        Set<Engine> engines = EnumSet.noneOf(Engine.class);
        sqlByEngine.forEach((e, s) -> {
            if (s != null) {
                engines.add(e);
            }
        });
        return new Attempt(id, title, engines, false, ctx -> ctx.run(sqlByEngine.get(ctx.engine())));
    }

    /** The same SQL on the given engines. */
    static Attempt sql(String id, String title, Set<Engine> engines, String sql) {
        return new Attempt(id, title, engines, false, ctx -> ctx.run(sql));
    }

    static Map<Engine, String> per(String h2, String pg, String mariadb) {
        Map<Engine, String> m = new HashMap<>();
        m.put(Engine.H2, h2);
        m.put(Engine.POSTGRESQL, pg);
        m.put(Engine.MARIADB, mariadb);
        return m;
    }

    // ---- dynamic tests -----------------------------------------------------------------------------------------

    static Stream<DynamicNode> tests(List<Attempt> attempts) {
        Set<String> ids = new LinkedHashSet<>();
        for (Attempt a : attempts) {
            if (!ids.add(a.id())) {
                throw new IllegalStateException("duplicate attempt id " + a.id());
            }
        }
        return attempts.stream().map(a -> DynamicContainer.dynamicContainer(a.id() + " " + a.title(),
                a.engines().stream().sorted().map(e -> DynamicTest.dynamicTest(a.id() + " [" + e + "]",
                        () -> runOn(a, TestDatabases.of(e))))));
    }

    private static final Set<Engine> SEEDED = EnumSet.noneOf(Engine.class);

    static void runOn(Attempt attempt, TestDatabase db) throws Exception {
        synchronized (SEEDED) {
            if (!SEEDED.contains(db.engine())) {
                RedTeamSchema.recreate(db);
                bumpCatalog(db);
                SEEDED.add(db.engine());
            }
        }
        LeakOracle oracle = new LeakOracle();
        Ctx ctx = new Ctx(db, oracle, attempt);
        try {
            try {
                attempt.body().run(ctx);
            } catch (SQLException e) {
                ctx.observe("attempt", e);
            } finally {
                ctx.finish();
            }
        } finally {
            if (attempt.mutates() || ctx.dirty) {
                RedTeamSchema.recreate(db);
                bumpCatalog(db);
            }
        }
        String outcome = oracle.leaked() ? "LEAK" : ctx.summary();
        record(attempt, db, outcome, oracle.findings(), ctx.firstError);
        if (oracle.leaked()) {
            StringBuilder message = new StringBuilder(attempt.id() + " [" + db.engine() + "] " + attempt.title()
                    + ": raw values came back through Veil:");
            for (LeakOracle.Finding f : oracle.findings().stream().distinct().limit(12).toList()) {
                message.append("\n  - ").append(f);
            }
            message.append("\n  statements (first 3 of ").append(ctx.statements.size()).append("): ")
                    .append(String.join("\n              ", ctx.statements.subList(0,
                            Math.min(3, ctx.statements.size()))));
            fail(message.toString());
        }
    }

    /** A DDL statement through Veil drops the shared catalog Veil caches, so the next analysis reads it again. */
    static void bumpCatalog(TestDatabase db) throws SQLException {
        try (Connection c = db.openVeil(veilProperties(db)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rt_bump (x INT)");
            s.execute("DROP TABLE rt_bump");
        }
    }

    static Properties veilProperties(TestDatabase db) {
        Properties p = new Properties();
        p.setProperty("veil.policy", policyPath().toString());
        p.setProperty("veil.hashKey", Secrets.HASH_KEY);
        if (db.engine() == Engine.MARIADB) {
            p.setProperty("allowMultiQueries", "true");
        }
        return p;
    }

    /**
     * The red-team policy with {@code exempt.users} naming {@code user} (written under target/), for attempts that
     * run as an exempt principal or claim to be one.
     */
    static Path exemptPolicy(TestDatabase db, String user) {
        try {
            String base = Files.readString(policyPath());
            Path out = Paths.get("target", "redteam-policy-exempt-" + db.engine() + "-" + user.hashCode() + ".yaml")
                    .toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, base + "\nexempt:\n  users: [\"" + user + "\"]\n");
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database user as Veil sees it (the name {@code exempt.users} must match). */
    static String sessionUser(TestDatabase db) throws SQLException {
        String sql = switch (db.engine()) {
            case POSTGRESQL -> "SELECT session_user";
            case MARIADB -> "SELECT SUBSTRING_INDEX(USER(), '@', 1)";
            case H2 -> "SELECT CURRENT_USER";
        };
        try (Connection c = db.openRaw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Path policyPath() {
        try {
            return Paths.get(RedTeam.class.getResource("/redteam/policy.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- outcomes ----------------------------------------------------------------------------------------------

    private static final Path REPORT = Paths.get("target", "redteam-outcomes.txt");

    private static synchronized void record(Attempt a, TestDatabase db, String outcome,
                                            List<LeakOracle.Finding> findings, String firstError) {
        try {
            Files.createDirectories(REPORT.getParent());
            String line = a.id() + "\t" + db.engine() + "\t" + outcome + "\t" + a.title()
                    + (findings.isEmpty() ? "" : "\t" + findings.get(0))
                    + (firstError == null || !findings.isEmpty() ? "" : "\t" + firstError) + System.lineSeparator();
            Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what an attempt can do --------------------------------------------------------------------------------

    /** What one statement did through Veil. */
    record Result(boolean refused, SQLException error, List<List<List<String>>> resultSets, List<Long> updateCounts) {
        boolean ran() {
            return !refused && error == null;
        }

        /** Rows of the first result set; -1 when there was none. */
        int rows() {
            return resultSets.isEmpty() ? -1 : resultSets.get(0).size();
        }

        /** The first value of the first row of the first result set, or null. */
        String first() {
            return resultSets.isEmpty() || resultSets.get(0).isEmpty() ? null : resultSets.get(0).get(0).get(0);
        }

        /** A cell of the first result set (0-based), or null. */
        String cell(int row, int column) {
            if (resultSets.isEmpty() || resultSets.get(0).size() <= row
                    || resultSets.get(0).get(row).size() <= column) {
                return null;
            }
            return resultSets.get(0).get(row).get(column);
        }

        /** Every value of the first column of the first result set. */
        List<String> column() {
            List<String> out = new ArrayList<>();
            if (!resultSets.isEmpty()) {
                for (List<String> row : resultSets.get(0)) {
                    out.add(row.isEmpty() ? null : row.get(0));
                }
            }
            return out;
        }

        long updated() {
            return updateCounts.isEmpty() ? -1 : updateCounts.get(0);
        }

        /** An error of the database itself (not Veil's refusal). */
        boolean failed() {
            return error != null && !refused;
        }
    }

    /** A boolean oracle on a guessed prefix: true, false, or null when Veil refused (the attempt ends). */
    @FunctionalInterface
    interface Probe {
        Boolean test(String prefix) throws Exception;
    }

    static boolean isRefusal(SQLException e) {
        return "42501".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("veil:");
    }

    /** The attempt's view: a Veil connection, helpers that feed everything to the oracle, raw access for setup. */
    static final class Ctx {
        final TestDatabase db;
        final LeakOracle oracle;
        final Attempt attempt;
        private final Connection veil;
        private final List<Connection> extra = new ArrayList<>();
        private final List<AutoCloseable> closeLast = new ArrayList<>();
        private final Set<String> sinks = new LinkedHashSet<>(List.of("rt_sink"));
        final List<String> statements = new ArrayList<>();
        private int refused;
        private int failed;
        /** The first refusal or error, for the outcomes file. */
        String firstError;
        private int ran;
        /** Set when the attempt changed something the next attempt must not see. */
        boolean dirty;

        Ctx(TestDatabase db, LeakOracle oracle, Attempt attempt) throws SQLException {
            this.db = db;
            this.oracle = oracle;
            this.attempt = attempt;
            this.veil = db.openVeil(veilProperties(db));
        }

        Engine engine() {
            return db.engine();
        }

        boolean is(Engine e) {
            return db.engine() == e;
        }

        Connection veil() {
            return veil;
        }

        /** Another Veil connection (closed at the end; its warnings are searched too). */
        Connection openVeil() throws SQLException {
            return openVeil(new Properties());
        }

        Connection openVeil(Properties more) throws SQLException {
            Properties p = veilProperties(db);
            p.putAll(more);
            Connection c = db.openVeil(p);
            extra.add(c);
            return c;
        }

        /**
         * A Veil connection as an exempt principal: it sees raw values by design, so from here on only Veil's own
         * secrets count as leaks.
         */
        Connection openExempt() throws SQLException {
            oracle.secretsOnly();
            Properties p = new Properties();
            p.setProperty("veil.policy", exemptPolicy(db, sessionUser(db)).toString());
            return openVeil(p);
        }

        /** A connection opened elsewhere (e.g. by another Veil instance), closed at the end; its warnings searched. */
        Connection adopt(Connection c) {
            extra.add(c);
            return c;
        }

        /** Closed at the very end, after every connection (e.g. the class loader of another Veil instance). */
        <T extends AutoCloseable> T closeLast(T resource) {
            closeLast.add(resource);
            return resource;
        }

        /** A raw vendor connection for setup (closed at the end); nothing read from it is searched. */
        Connection raw() throws SQLException {
            Connection c = db.openRaw();
            extra.add(c);
            return c;
        }

        /** Runs SQL through a raw connection, for setup; failures are ignored (e.g. a privilege CI lacks). */
        void rawSetup(String... sql) throws SQLException {
            dirty = true;
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                for (String q : sql) {
                    try {
                        s.execute(q);
                    } catch (SQLException e) {
                        // setup that this engine or role does not allow; the attempt then tests what remains
                    }
                }
            }
        }

        /** A table (or a SELECT over non-sensitive columns) to read back raw after the attempt. */
        void sink(String table) {
            sinks.add(table);
        }

        /** Runs one SQL text through Veil ({@code execute}), reading every result. */
        Result run(String sql) {
            return run(veil, sql);
        }

        Result run(Connection c, String sql) {
            statements.add(sql);
            String where = "'" + abbreviate(sql) + "'";
            try (Statement s = c.createStatement()) {
                Result r;
                try {
                    boolean isResult = s.execute(sql);
                    r = collect(where, s, isResult);
                } catch (SQLException e) {
                    r = failure(where, e);
                }
                oracle.checkWarnings(where + " statement warnings", s.getWarnings());
                return r;
            } catch (SQLException e) {
                return failure(where, e);
            }
        }

        /** Prepares and executes with parameters through Veil. */
        Result prepared(String sql, Object... params) {
            statements.add(sql + " " + java.util.Arrays.toString(params));
            String where = "prepared '" + abbreviate(sql) + "'";
            try (PreparedStatement p = veil.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                Result r;
                try {
                    r = collect(where, p, p.execute());
                } catch (SQLException e) {
                    r = failure(where, e);
                }
                oracle.checkWarnings(where + " statement warnings", p.getWarnings());
                return r;
            } catch (SQLException e) {
                return failure(where, e);
            }
        }

        Result collect(String where, Statement s, boolean isResult) throws SQLException {
            List<List<List<String>>> sets = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                if (isResult) {
                    try (ResultSet rs = s.getResultSet()) {
                        sets.add(oracle.checkResultSet(where + " result " + (i + 1), rs));
                    }
                } else {
                    long count = s.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    counts.add(count);
                }
                isResult = s.getMoreResults();
            }
            ran++;
            return new Result(false, null, sets, counts);
        }

        Result failure(String where, SQLException e) {
            observe(where, e);
            return new Result(isRefusal(e), e, List.of(), List.of());
        }

        /** Searches an exception and counts it as Veil's refusal or the database's error. */
        void observe(String where, SQLException e) {
            oracle.checkException(where + " error", e);
            if (firstError == null) {
                firstError = abbreviate(String.valueOf(e.getMessage()));
            }
            if (isRefusal(e)) {
                refused++;
            } else {
                failed++;
            }
        }

        /** Searches a result set. */
        List<List<String>> scan(String where, ResultSet rs) throws SQLException {
            return oracle.checkResultSet(where, rs);
        }

        void scanValue(String where, Object value) throws SQLException {
            oracle.checkValue(where, value);
        }

        /**
         * Blind extraction: grows a prefix one character at a time while {@code probe} says the secret starts with
         * it, then searches what was reconstructed. Stops at the first refusal.
         */
        String blind(String what, String alphabet, int maxLength, Probe probe) throws Exception {
            StringBuilder known = new StringBuilder();
            for (int pos = 0; pos < maxLength; pos++) {
                boolean found = false;
                for (char ch : alphabet.toCharArray()) {
                    Boolean hit = probe.test(known.toString() + ch);
                    if (hit == null) {
                        oracle.check("blind extraction of " + what, known.toString());
                        return known.toString();
                    }
                    if (hit) {
                        known.append(ch);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    break;
                }
            }
            oracle.check("blind extraction of " + what + " (reconstructed from " + statements.size()
                    + " statements)", known.toString());
            return known.toString();
        }

        /**
         * A dictionary attack for equality-only oracles: {@code probe} is asked about each candidate (the real value is
         * among them, standing in for a brute force); a candidate it confirms is searched as if it came back.
         */
        void dictionary(String what, List<String> candidates, Probe probe) throws Exception {
            List<String> confirmed = new ArrayList<>();
            for (String candidate : candidates) {
                Boolean hit = probe.test(candidate);
                if (hit == null) {
                    return;
                }
                if (hit) {
                    confirmed.add(candidate);
                }
            }
            if (confirmed.size() < candidates.size()) { // a probe that confirms everything tells nothing
                for (String candidate : confirmed) {
                    oracle.check("dictionary attack on " + what + " confirmed a candidate", candidate);
                }
            }
        }

        /** Blind extraction of customer 1's SSN with any probe. */
        String blindSsnBy(Probe probe) throws Exception {
            return blind("customer 1's ssn", "0123456789-", 8, probe);
        }

        /** Blind extraction of customer 1's SSN through a SQL template with {@code %s} for the guessed prefix. */
        String blindSsn(String template, java.util.function.Predicate<Result> truthy) throws Exception {
            return blind("customer 1's ssn", "0123456789-", 8, prefix -> {
                Result r = run(String.format(template, prefix));
                return r.refused ? null : truthy.test(r);
            });
        }

        void finish() throws SQLException {
            try {
                oracle.checkWarnings("connection warnings", veil.getWarnings());
                for (Connection c : extra) {
                    if (c.getClass().getName().startsWith("dev.veil")) {
                        oracle.checkWarnings("connection warnings", c.getWarnings());
                    }
                }
            } finally {
                for (Connection c : extra) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // closing
                    }
                }
                veil.close();
                for (AutoCloseable resource : closeLast) {
                    try {
                        resource.close();
                    } catch (Exception ignored) {
                        // closing
                    }
                }
            }
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                for (String table : sinks) {
                    String query = table.startsWith("SELECT") ? table : "SELECT * FROM " + table;
                    try (ResultSet rs = s.executeQuery(query)) {
                        oracle.checkResultSet("table " + table + " read back raw", rs);
                    } catch (SQLException e) {
                        // not created by this attempt
                    }
                }
            }
        }

        /** Errors of the database itself observed so far (not Veil's refusals). */
        int failures() {
            return failed;
        }

        String summary() {
            if (refused > 0 && ran == 0) {
                return "REFUSED";
            }
            if (ran == 0 && failed > 0) {
                return "DB-ERROR";
            }
            return refused > 0 ? "RAN+REFUSED" : "RAN";
        }
    }

    static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
