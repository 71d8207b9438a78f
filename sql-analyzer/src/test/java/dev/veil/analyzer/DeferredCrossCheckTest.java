package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A deferred cross-check, once asked for, gives exactly the analysis an eager one gives. */
class DeferredCrossCheckTest {

    @Test
    void askingForADeferredCrossCheckGivesWhatAnEagerOneGivesOverTheCorpus() {
        SqlAnalyzer eager = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(true));
        SqlAnalyzer deferring = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(true)
                .withDeferredCrossCheck(true));
        int deferred = 0;
        int checked = 0;
        List<String> differences = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases().toList()) {
            Analysis now = eager.analyze(c.sql(), c.dialect(), c.catalog());
            Analysis later = deferring.analyze(c.sql(), c.dialect(), c.catalog());
            boolean anyDeferred = false;
            for (int i = 0; i < later.statements().size(); i++) {
                CrossCheck.Status eagerStatus = now.statements().get(i).crossCheck().status();
                CrossCheck.Status lazyStatus = later.statements().get(i).crossCheck().status();
                if (lazyStatus == CrossCheck.Status.DEFERRED) {
                    anyDeferred = true;
                } else if (lazyStatus != eagerStatus) {
                    differences.add(c + ": status " + lazyStatus + " before asking, " + eagerStatus + " eagerly");
                }
            }
            if (anyDeferred) deferred++;
            Analysis asked = deferring.crossCheck(later, c.catalog());
            assertThat(deferring.crossCheck(later, c.catalog())).isSameAs(asked);
            assertThat(asked.statements()).hasSameSizeAs(now.statements());
            for (int i = 0; i < asked.statements().size(); i++) {
                StatementAnalysis a = asked.statements().get(i);
                StatementAnalysis e = now.statements().get(i);
                if (a.crossCheck().status() != e.crossCheck().status()
                        || !a.outputColumns().equals(e.outputColumns())) {
                    differences.add(c + ": " + a.crossCheck() + " " + a.outputColumns() + " eagerly "
                            + e.crossCheck() + " " + e.outputColumns());
                }
                if (a.crossCheck().status() == CrossCheck.Status.AGREED
                        || a.crossCheck().status() == CrossCheck.Status.DISAGREED) {
                    checked++;
                }
            }
            assertThat(asked.sql()).isEqualTo(now.sql());
            assertThat(asked.fingerprint()).isEqualTo(now.fingerprint());
            assertThat(asked.hasParameters()).isEqualTo(now.hasParameters());
        }
        assertThat(differences).isEmpty();
        assertThat(deferred).isGreaterThanOrEqualTo(60);
        assertThat(checked).isGreaterThanOrEqualTo(60);
    }

    @Test
    void anAnalysisWithNothingDeferredIsReturnedAsItIs() {
        SqlAnalyzer deferring = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withDeferredCrossCheck(true));
        Analysis write = deferring.analyze("UPDATE users SET name = 'x' WHERE id = 1", Dialect.POSTGRESQL,
                TestCatalogs.postgres());
        assertThat(deferring.crossCheck(write, TestCatalogs.postgres())).isSameAs(write);
        SqlAnalyzer off = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false)
                .withDeferredCrossCheck(true));
        Analysis query = off.analyze("SELECT name FROM users", Dialect.POSTGRESQL, TestCatalogs.postgres());
        assertThat(query.statements().get(0).crossCheck().status()).isEqualTo(CrossCheck.Status.DISABLED);
        assertThat(off.crossCheck(query, TestCatalogs.postgres())).isSameAs(query);
    }
}
