package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Property tests: random and mutated SQL never makes the analyzer throw, and generated queries whose lineage is known
 * by construction are analyzed with at least that lineage — never an output without its sources.
 */
class AnalyzerFuzzTest {

    private static final SqlAnalyzer ANALYZER = new
            SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false).withCacheSize(0));
    private static final List<Corpus.Case> CORPUS = Corpus.cases().toList();

    private static final String[] TOKENS = {"SELECT", "FROM", "WHERE", "(", ")", ",", ";", "'", "\"", "`", "/*", "*/",
            "/*!", "--", "-- ", "#", "$$", "$a$", "E'", "U&\"", "\\", "*", ".", "ssn", "users", "u", "AS", "JOIN",
            "USING", "ON", "UNION", "WITH", "(SELECT", "LATERAL", "VALUES", "@v", "?", "1", "NULL", "::", "||", "\n"};

    @Provide
    Arbitrary<Dialect> dialects() {
        return Arbitraries.of(Dialect.values());
    }

    @Property(tries = 400)
    void randomTextNeverThrows(@ForAll @StringLength(max = 120) String sql, @ForAll("dialects") Dialect d) {
        Analysis a = ANALYZER.analyze(sql, d, TestCatalogs.of(d));
        assertThat(a.statements()).isNotEmpty();
        a.rewrite(ref -> Substitution.replaceWith("x"));
    }

    @Property(tries = 600)
    void mutatedCorpusNeverThrowsNorLosesSources(@ForAll long seed) {
        Random r = new Random(seed);
        Corpus.Case c = CORPUS.get(r.nextInt(CORPUS.size()));
        StringBuilder sql = new StringBuilder(c.sql());
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int pos = sql.length() == 0 ? 0 : r.nextInt(sql.length());
            switch (r.nextInt(4)) {
                case 0 -> sql.insert(pos, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
                case 1 -> sql.delete(pos, Math.min(sql.length(), pos + 1 + r.nextInt(8)));
                case 2 -> sql.insert(pos, TOKENS[r.nextInt(TOKENS.length)]);
                default -> {
                    int end = Math.min(sql.length(), pos + r.nextInt(20));
                    sql.insert(end, sql.substring(pos, end));
                }
            }
        }
        Analysis a = ANALYZER.analyze(sql.toString(), c.dialect(), c.catalog());
        assertThat(a.statements()).isNotEmpty();
        for (StatementAnalysis s : a.statements()) {
            if (s.isUnknown()) continue;
            for (OutputColumn o : s.outputColumns()) {
                // an output without sources must be a value computed from no column
                if (o.sources().isEmpty()) assertThat(o.derived()).isTrue();
            }
        }
        a.rewrite(ref -> Substitution.replaceWith("f(" + ref.text() + ")"));
    }

    // ---- generated queries with known lineage -------------------------------------------------------------------

    private static final String[][] TABLES = {
            {"users", "id", "name", "email", "ssn", "dept_id", "salary"},
            {"orders", "id", "user_id", "amount", "note"},
            {"depts", "id", "name", "budget"},
    };

    /** A query and, for each of its outputs, the base columns ("table.column") it must derive from. */
    record Generated(String sql, List<Set<String>> expected) { }

    @Property(tries = 500)
    void generatedQueriesHaveAtLeastTheirKnownLineage(@ForAll long seed, @ForAll("dialects") Dialect d) {
        Generated g = generate(new Random(seed), d);
        StatementAnalysis s = ANALYZER.analyze(g.sql(), d, TestCatalogs.of(d)).statements().get(0);
        assertThat(s.isUnknown()).as(g.sql() + " -> " + s.unknownReason()).isFalse();
        assertThat(s.outputColumns()).as(g.sql()).hasSize(g.expected().size());
        for (int i = 0; i < g.expected().size(); i++) {
            Set<String> actual = new TreeSet<>();
            for (BaseColumn b : s.outputColumns().get(i).sources()) {
                actual.add(b.table().name().toLowerCase(Locale.ROOT) + "." + b.column().toLowerCase(Locale.ROOT));
            }
            assertThat(actual).as(g.sql() + " column " + i).containsAll(g.expected().get(i));
        }
    }

    static Generated generate(Random r, Dialect d) {
        int nTables = 1 + r.nextInt(2);
        List<String[]> from = new ArrayList<>();
        for (int i = 0; i < nTables; i++) from.add(TABLES[r.nextInt(TABLES.length)]);
        StringBuilder fromSql = new StringBuilder(" FROM ").append(from.get(0)[0]).append(" t0");
        if (nTables == 2) fromSql.append(" JOIN ").append(from.get(1)[0]).append(" t1 ON t1.id = t0.id");
        int items = 1 + r.nextInt(4);
        List<String> exprs = new ArrayList<>();
        List<Set<String>> expected = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Set<String> cols = new TreeSet<>();
            exprs.add(expr(r, from, cols, 3) + " AS c" + i);
            expected.add(cols);
        }
        String sql = "SELECT " + String.join(", ", exprs) + fromSql;
        if (r.nextBoolean()) sql += " WHERE t0.id > " + r.nextInt(100);
        switch (r.nextInt(6)) {
            case 0 -> sql = "SELECT * FROM (" + sql + ") d";
            case 1 -> sql = "WITH w AS (" + sql + ") SELECT * FROM w";
            case 2 -> sql = sql + " UNION ALL " + sql;
            case 3 -> sql = sql + " ORDER BY 1 LIMIT 5";
            case 4 -> {
                StringBuilder outer = new StringBuilder("SELECT ");
                for (int i = 0; i < items; i++) outer.append(i == 0 ? "" : ", ").append("d.c").append(i);
                sql = outer + " FROM (" + sql + ") d";
            }
            default -> { }
        }
        return new Generated(sql, expected);
    }

    private static String expr(Random r, List<String[]> from, Set<String> cols, int depth) {
        int choice = depth == 0 ? r.nextInt(2) : r.nextInt(8);
        switch (choice) {
            case 0 -> {
                int t = r.nextInt(from.size());
                String[] table = from.get(t);
                String col = table[1 + r.nextInt(table.length - 1)];
                cols.add(table[0] + "." + col);
                return "t" + t + "." + col;
            }
            case 1 -> {
                return r.nextBoolean() ? Integer.toString(r.nextInt(10)) : "'x'";
            }
            case 2 -> {
                return new String[] {"lower", "upper", "abs", "length"}[r.nextInt(4)] + "(" + expr(r, from, cols,
                        depth - 1) + ")";
            }
            case 3 -> {
                return "coalesce(" + expr(r, from, cols, depth - 1) + ", " + expr(r, from, cols, depth - 1) + ")";
            }
            case 4 -> {
                return "(" + expr(r, from, cols, depth - 1) + " + " + expr(r, from, cols, depth - 1) + ")";
            }
            case 5 -> {
                return "CASE WHEN " + expr(r, from, cols, depth - 1) + " IS NULL THEN " + expr(r, from, cols, depth - 1)
                        + " ELSE " + expr(r, from, cols, depth - 1) + " END";
            }
            case 6 -> {
                return "CAST(" + expr(r, from, cols, depth - 1) + " AS VARCHAR(20))";
            }
            default -> {
                String[] table = TABLES[r.nextInt(TABLES.length)];
                String col = table[1 + r.nextInt(table.length - 1)];
                cols.add(table[0] + "." + col);
                String[] outer = from.get(0);
                cols.add(table[0] + ".id");
                cols.add(outer[0] + ".id");
                return "(SELECT max(x." + col + ") FROM " + table[0] + " x WHERE x.id = t0.id)";
            }
        }
    }
}
