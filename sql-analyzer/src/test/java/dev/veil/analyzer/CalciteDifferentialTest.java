package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.crosscheck.CalciteCrossCheck;

import org.junit.jupiter.api.Test;

/**
 * Calcite as a test oracle: over every corpus query the analyzer understood and Calcite can parse and validate, the
 * analyzer's lineage of each output contains Calcite's. (The analyzer is deliberately wider: it counts columns read
 * by subqueries, window partitions and filters inside an expression.)
 */
class CalciteDifferentialTest {

    @Test
    void analyzerLineageContainsCalcites() throws Exception {
        SqlAnalyzer analyzer = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));
        int compared = 0;
        int columns = 0;
        List<String> misses = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases().toList()) {
            Catalog catalog = c.catalog();
            Analysis a = analyzer.analyze(c.sql(), c.dialect(), catalog);
            if (a.statements().size() != 1) continue;
            StatementAnalysis s = a.statements().get(0);
            if (s.kind() != StatementKind.QUERY || s.tablesRead().isEmpty()) continue;
            if (s.tablesRead().stream().anyMatch(t -> catalog.relation(t.catalog(), t.schema(), t.name())
                    .map(r -> r.kind() != Relation.Kind.TABLE).orElse(true))) continue;
            Map<TableName, Relation> relations = new LinkedHashMap<>();
            for (TableName t : s.tablesRead()) relations.put(t, catalog.relation(t.catalog(), t.schema(),
                    t.name()).orElseThrow());
            List<Set<BaseColumn>> calcite;
            try {
                calcite = CalciteCrossCheck.origins(s.text(), c.dialect(), relations, catalog.searchPath());
            } catch (Exception | AssertionError e) {
                notApplicable.add(c + ": " + e.getClass().getSimpleName());
                continue;
            }
            if (calcite == null || calcite.size() != s.outputColumns().size()) {
                notApplicable.add(c + ": shape");
                continue;
            }
            compared++;
            for (int i = 0; i < calcite.size(); i++) {
                if (calcite.get(i) == null) continue;
                columns++;
                Set<BaseColumn> ours = s.outputColumns().get(i).sources();
                if (!ours.containsAll(calcite.get(i))) {
                    misses.add(c + " column " + i + ": analyzer " + ours + " calcite " + calcite.get(i));
                }
            }
        }
        System.out.println("Calcite compared " + compared + " queries (" + columns + " columns); not applicable: "
                + notApplicable.size());
        assertThat(misses).isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aSourceOnlyCalciteNamesIsAddedAndRecorded() {
        Catalog catalog = TestCatalogs.postgres();
        StatementDraft d = new StatementDraft();
        d.text = "SELECT lower(name), ssn FROM users";
        TableName users = new TableName("app", "public", "users");
        d.tablesRead.add(users);
        // an analysis that (wrongly) lost the source of its first column
        d.outputs.add(new OutputColumn("lower", java.util.Set.of(), true));
        d.outputs.add(new OutputColumn("ssn", java.util.Set.of(new BaseColumn(users, "ssn")), false));
        Fingerprint fp = new Fingerprint(d.text, "test-" + System.nanoTime(), d.text);
        CrossCheck cc = new CalciteCrossCheck(16).check(Dialect.POSTGRESQL, catalog, d, fp);
        assertThat(cc.status()).isEqualTo(CrossCheck.Status.DISAGREED);
        assertThat(cc.disagreements()).singleElement().satisfies(x -> {
            assertThat(x.column()).isZero();
            assertThat(x.calcite()).containsExactly(new BaseColumn(users, "name"));
        });
        assertThat(d.outputs.get(0).sources()).containsExactly(new BaseColumn(users, "name"));
        assertThat(d.outputs.get(0).derived()).isTrue();
    }

    @Test
    void crossCheckRecordsAgreementInTheAnalysis() {
        SqlAnalyzer analyzer = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(true));
        StatementAnalysis s = analyzer.analyze("SELECT u.name, o.amount FROM users u JOIN orders o ON o.user_id = u.id",
                Dialect.POSTGRESQL, TestCatalogs.postgres()).statements().get(0);
        assertThat(s.crossCheck().status()).isEqualTo(CrossCheck.Status.AGREED);
        StatementAnalysis off = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false))
                .analyze("SELECT name FROM users", Dialect.POSTGRESQL, TestCatalogs.postgres()).statements().get(0);
        assertThat(off.crossCheck().status()).isEqualTo(CrossCheck.Status.DISABLED);
        StatementAnalysis pgOnly = analyzer.analyze("SELECT DISTINCT ON (dept_id) name FROM users", Dialect.POSTGRESQL,
                TestCatalogs.postgres()).statements().get(0);
        assertThat(pgOnly.crossCheck().status()).isEqualTo(CrossCheck.Status.NOT_APPLICABLE);
    }
}
