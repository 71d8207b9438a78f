package dev.veil.it.fuzz;

import dev.veil.it.fuzz.Canaries.Canary;
import dev.veil.it.support.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * One seeded run on one database: generates units, runs each through Veil (and, for the transparency oracle, through
 * the vendor driver), applies the oracles, confirms and minimizes what they catch, and writes a report.
 */
final class FuzzRun {

    /** Hash key for the {@code hash} mask (a test value). */
    static final String HASH_KEY = "fuzz-canary-hash-key-0123456789";

    private final TestDatabase db;
    private final FuzzDialect dialect;
    private final long seed;
    private final long count;
    private final Long only;
    private final CanaryOracle oracle = new CanaryOracle(Canaries.get().all());
    final FuzzStats stats = new FuzzStats();
    final List<Finding> findings = new ArrayList<>();
    /** First finding of each signature (later ones are counted, not minimized again). */
    final Map<String, Finding> distinct = new LinkedHashMap<>();
    final List<String> unconfirmed = new ArrayList<>();
    private final Set<String> coincidences = new HashSet<>();
    private Connection veil;
    private Connection raw;
    long elapsedMillis;
    long harnessErrors;

    FuzzRun(TestDatabase db, long seed, long count, Long only) {
        this.db = db;
        this.dialect = FuzzDialect.of(db.engine());
        this.seed = seed;
        this.count = count;
        this.only = only;
    }

    static Properties veilProperties() {
        Properties p = new Properties();
        try {
            p.setProperty("veil.policy", Paths.get(FuzzRun.class.getResource("/fuzz/policy.yaml").toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        p.setProperty("veil.hashKey", HASH_KEY);
        return p;
    }

    FuzzRun run(Path progress) throws SQLException, IOException {
        FuzzSchema.recreate(db);
        open();
        bumpCatalog();
        long start = System.nanoTime();
        try {
            for (long i = only == null ? 0 : only; i < (only == null ? count : only + 1); i++) {
                Unit u = UnitGen.generate(seed, i, dialect);
                try {
                    runUnit(i, u);
                } catch (SQLException e) {
                    harnessErrors++;
                    reopen();
                }
                if (progress != null && (i + 1) % 1000 == 0) {
                    elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                    Files.writeString(progress, report());
                }
            }
        } finally {
            elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            close();
        }
        return this;
    }

    // ---- one unit ----------------------------------------------------------------------------------------------

    private void runUnit(long index, Unit u) throws SQLException {
        stats.of(u.family()).units++;
        if (u.kind() == Unit.Kind.PROBE) {
            probe(index, u);
            return;
        }
        String sql = u.sql();
        Observation v = runVeil(u, sql);
        stats.outcome(u.family(), v.outcome);
        stats.refusal(v, sql);
        leaks(index, u, sql, v);
        if (!u.sensitive() && u.kind() != Unit.Kind.DDL) {
            transparency(index, u, sql, v);
        }
    }

    private Observation runVeil(Unit u, String sql) throws SQLException {
        try {
            return Executor.run(veil, sql, u.readbacks(), u.writes(), u.generatedKeys());
        } finally {
            if (u.kind() == Unit.Kind.DDL) {
                restoreAfterDdl(u);
            }
        }
    }

    private void leaks(long index, Unit u, String sql, Observation v) throws SQLException {
        List<CanaryOracle.Hit> hits = fresh(oracle.scan(v));
        if (hits.isEmpty()) {
            return;
        }
        CanaryOracle.Hit confirmed = confirm(u, sql, hits);
        if (confirmed == null) {
            return;
        }
        stats.of(u.family()).leaks++;
        String signature = "LEAK|" + u.family() + "|" + confirmed.column() + "|" + confirmed.route() + "|"
                + confirmed.encoding().replace(", reversed", "");
        String detail = "canary " + confirmed.canaryLabel() + " (" + confirmed.encoding() + ") in " + confirmed.where()
                + " [route: " + confirmed.route() + "]; outcome " + v.summary();
        KnownGaps.Gap gap = KnownGaps.of(db.engine(), u, Finding.Kind.LEAK, confirmed.route());
        record(new Finding(Finding.Kind.LEAK, signature, db.engine(), seed, index, u.family(), u.features(), sql,
                null, detail, gap), u, candidate -> {
                    try {
                        Observation again = runVeil(u, candidate);
                        return oracle.scan(again).stream().anyMatch(h -> h.column().equals(confirmed.column()));
                    } catch (SQLException e) {
                        return false;
                    }
                });
    }

    /** Hits not already shown to be coincidences. */
    private List<CanaryOracle.Hit> fresh(List<CanaryOracle.Hit> hits) {
        List<CanaryOracle.Hit> out = new ArrayList<>();
        for (CanaryOracle.Hit h : hits) {
            if (!coincidences.contains(h.fragment() + "|" + h.textHash())) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * Rotates every canary of the column a hit names (all rows, so that a change of row order cannot hide the value),
     * runs the unit again and searches for the rotated canaries: the hit is a leak only if the output follows the
     * values. Returns the confirming hit, or null (the hits are then coincidences).
     */
    private CanaryOracle.Hit confirm(Unit u, String sql, List<CanaryOracle.Hit> hits) throws SQLException {
        Set<String> tried = new HashSet<>();
        for (CanaryOracle.Hit h : hits) {
            if (!tried.add(h.column()) || tried.size() > 3) {
                continue;
            }
            List<Canary> column = new ArrayList<>();
            for (Canary k : Canaries.get().all()) {
                if ((k.table() + "." + k.column()).equals(h.column())) {
                    column.add(k);
                }
            }
            List<Canary> rotated = column.stream().map(Canary::rotated).toList();
            setCells(rotated);
            try {
                Observation again = runVeil(u, sql);
                List<CanaryOracle.Hit> back = new CanaryOracle(rotated).scan(again);
                if (!back.isEmpty()) {
                    return back.get(0);
                }
            } finally {
                setCells(column);
            }
        }
        for (CanaryOracle.Hit h : hits) {
            coincidences.add(h.fragment() + "|" + h.textHash());
            stats.of(u.family()).unconfirmed++;
            if (unconfirmed.size() < 20) {
                unconfirmed.add(u.family() + ": " + h.canary() + " (" + h.encoding() + ", fragment '" + h.fragment()
                        + "') in " + h.where() + " — " + abbreviate(sql));
            }
        }
        return null;
    }

    private void setCells(List<Canary> cells) throws SQLException {
        raw.setAutoCommit(false);
        try {
            for (Canary k : cells) {
                setCell(k);
            }
            raw.commit();
        } finally {
            raw.setAutoCommit(true);
        }
    }

    private void setCell(Canary k) throws SQLException {
        String sql = "UPDATE " + k.table() + " SET " + k.column() + " = ? WHERE id = ?";
        try (PreparedStatement p = raw.prepareStatement(sql)) {
            switch (k.kind()) {
                case TEXT -> p.setString(1, k.value());
                case NUMBER -> p.setInt(1, Integer.parseInt(k.value()));
                case DATE -> p.setDate(1, java.sql.Date.valueOf(k.value()));
            }
            p.setInt(2, k.rowId());
            p.executeUpdate();
        }
    }

    private void transparency(long index, Unit u, String sql, Observation v) throws SQLException {
        FuzzStats.Counts counts = stats.of(u.family());
        if (v.outcome == Observation.Outcome.REFUSED) {
            counts.overRefused++;
            return;
        }
        Observation r = Executor.run(raw, sql, u.readbacks(), u.writes(), u.generatedKeys());
        counts.compared++;
        String expected = r.comparable(u);
        String actual = v.comparable(u);
        if (expected.equals(actual)) {
            return;
        }
        Observation r2 = Executor.run(raw, sql, u.readbacks(), u.writes(), u.generatedKeys());
        if (!r2.comparable(u).equals(expected)) {
            return; // the statement itself is not deterministic
        }
        counts.mismatches++;
        String what = differenceKind(r, v);
        String detail = what + ": vendor " + abbreviate(expected.replace('\n', ' ')) + " / Veil "
                + abbreviate(actual.replace('\n', ' '));
        KnownGaps.Gap gap = KnownGaps.of(db.engine(), u, Finding.Kind.TRANSPARENCY, what);
        record(new Finding(Finding.Kind.TRANSPARENCY, "TRANSPARENCY|" + u.family() + "|" + what, db.engine(), seed,
                index, u.family(), u.features(), sql, null, detail, gap), u, candidate -> {
                    try {
                        Observation a = Executor.run(raw, candidate, u.readbacks(), u.writes(), u.generatedKeys());
                        Observation b = Executor.run(veil, candidate, u.readbacks(), u.writes(), u.generatedKeys());
                        return b.outcome != Observation.Outcome.REFUSED && !a.comparable(u).equals(b.comparable(u))
                                && differenceKind(a, b).equals(what);
                    } catch (SQLException e) {
                        return false;
                    }
                });
    }

    private static String differenceKind(Observation vendor, Observation veil) {
        if (vendor.outcome != veil.outcome || !java.util.Objects.equals(vendor.sqlState, veil.sqlState)) {
            return "outcome";
        }
        if (vendor.results.size() != veil.results.size()) {
            return "result sets";
        }
        for (int i = 0; i < vendor.results.size(); i++) {
            if (!vendor.results.get(i).columns().equals(veil.results.get(i).columns())) {
                return "columns";
            }
            if (!vendor.results.get(i).sorted().equals(veil.results.get(i).sorted())) {
                return "rows";
            }
        }
        if (!vendor.updateCounts.equals(veil.updateCounts)) {
            return "update counts";
        }
        if (!vendor.readbacks.equals(veil.readbacks) || !vendor.readbackOutcomes.equals(veil.readbackOutcomes)) {
            return "readback";
        }
        return "row order";
    }

    private void probe(long index, Unit u) throws SQLException {
        Unit.Probe p = u.probe();
        Observation right = Executor.run(veil, p.truthful(), List.of(), p.write(), false);
        Observation wrong = Executor.run(veil, p.wrong(), List.of(), p.write(), false);
        stats.outcome(u.family(), right.outcome);
        stats.outcome(u.family(), wrong.outcome);
        stats.refusal(right, p.truthful());
        leaks(index, u, p.truthful(), right);
        if (right.outcome == Observation.Outcome.REFUSED || wrong.outcome == Observation.Outcome.REFUSED) {
            return;
        }
        String a = right.comparable(true, true);
        String b = wrong.comparable(true, true);
        if (a.equals(b)) {
            return;
        }
        Observation again = Executor.run(veil, p.truthful(), List.of(), p.write(), false);
        if (!again.comparable(true, true).equals(a)) {
            return; // not deterministic
        }
        stats.of(u.family()).extractions++;
        String column = p.canary().substring(0, p.canary().indexOf(' '));
        KnownGaps.Gap gap = KnownGaps.of(db.engine(), u, Finding.Kind.EXTRACTION, null);
        String detail = "the answer depends on a hidden character of " + p.canary() + ": right guess → "
                + abbreviate(a.replace('\n', ' ')) + " / wrong guess → " + abbreviate(b.replace('\n', ' '));
        record(new Finding(Finding.Kind.EXTRACTION, "EXTRACTION|" + u.family() + "|" + column, db.engine(), seed,
                index, u.family(), u.features(), p.truthful(), null, detail + "\n    wrong guess: " + p.wrong(), gap),
                null, null);
    }

    private void record(Finding f, Unit u, java.util.function.Predicate<String> stillFails) {
        if (f.gap() != null) {
            stats.of(f.family()).knownGap++;
        }
        Finding first = distinct.get(f.signature());
        if (first == null) {
            String minimized = null;
            if (u != null && stillFails != null) {
                minimized = Minimizer.minimize(u.statement(), stillFails, 60);
            }
            f = new Finding(f.kind(), f.signature(), f.engine(), f.seed(), f.index(), f.family(), f.features(),
                    f.statement(), minimized, f.detail(), f.gap());
            distinct.put(f.signature(), f);
        }
        findings.add(f);
    }

    // ---- the schema and connections ----------------------------------------------------------------------------

    private void restoreAfterDdl(Unit u) throws SQLException {
        FuzzSchema.resetScratch(raw, db.engine());
        if (u.restoreSchema()) {
            FuzzSchema.recreate(db);
        }
        bumpCatalog();
    }

    /** A DDL statement through Veil: Veil drops its cached catalog, so it reads the restored tables again. */
    private void bumpCatalog() throws SQLException {
        try (Statement s = veil.createStatement()) {
            s.execute("CREATE TABLE fz_bump (x INT)");
            s.execute("DROP TABLE fz_bump");
        }
    }

    private void open() throws SQLException {
        Properties session = sessionProperties(db);
        Properties rawProperties = db.credentials();
        rawProperties.putAll(session);
        raw = java.sql.DriverManager.getConnection(db.url(), rawProperties);
        raw.setAutoCommit(true);
        Properties veilProperties = veilProperties();
        veilProperties.putAll(session);
        veil = db.openVeil(veilProperties);
    }

    /**
     * MariaDB compares the text of {@code CAST(… AS CHAR)} and of literals in the connection's collation, which is
     * case-insensitive by default: {@code ORDER BY … LIMIT} may then pick either of {@code 'Oslo'} and {@code 'OSLO'},
     * and the transparency oracle would see the vendor driver and Veil differ for no fault of Veil's. Both
     * connections use the binary collation, as the fuzz tables do.
     */
    static Properties sessionProperties(TestDatabase db) {
        Properties p = new Properties();
        if (db.engine() == dev.veil.it.support.TestDatabase.Engine.MARIADB) {
            p.setProperty("sessionVariables", "collation_connection=utf8mb4_bin");
        }
        return p;
    }

    private void reopen() throws SQLException {
        close();
        FuzzSchema.recreate(db);
        open();
        bumpCatalog();
    }

    private void close() {
        for (Connection c : new Connection[] {veil, raw}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    // ---- reporting ---------------------------------------------------------------------------------------------

    /** Findings outside the known gaps: these fail the run. */
    List<Finding> unexpected() {
        return findings.stream().filter(f -> f.gap() == null).toList();
    }

    String report() {
        FuzzStats.Counts t = stats.total();
        StringBuilder b = new StringBuilder();
        b.append("# Canary fuzz run: ").append(db.engine()).append(", seed ").append(seed).append("\n\n");
        b.append(String.format("%d units, %d statements through Veil in %.1f s (%.0f statements/s); %d leaks,"
                        + " %d extractions, %d transparency mismatches (%d compared), %d findings in known gaps,"
                        + " %d distinct findings, %d unconfirmed canary hits, %d harness errors%n%n", t.units,
                t.statements, elapsedMillis / 1000.0, t.statements * 1000.0 / Math.max(1, elapsedMillis), t.leaks,
                t.extractions, t.mismatches, t.compared, findings.stream().filter(f -> f.gap() != null).count(),
                distinct.size(), t.unconfirmed, harnessErrors));
        b.append(stats.table()).append('\n');
        b.append("## Why Veil refused\n\n").append(stats.refusalTable()).append('\n');
        b.append("## Distinct findings\n\n");
        for (Finding f : distinct.values()) {
            long n = findings.stream().filter(x -> x.signature().equals(f.signature())).count();
            b.append("- (").append(n).append("×) ").append(f.describe().replace("\n", "\n  ")).append("\n");
        }
        if (!unconfirmed.isEmpty()) {
            b.append("\n## Unconfirmed canary hits (the rotated canary did not come back)\n\n");
            unconfirmed.forEach(x -> b.append("- ").append(x).append('\n'));
        }
        return b.toString();
    }
}
