package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.analyzer.internal.parsing.JsqlParsing;
import org.junit.jupiter.api.Test;

/** Parsing stops at its timeout whether it runs on the calling thread or on the parse threads. */
class ParseTimeoutTest {

    /** Hundreds of terms: short and shallow enough to parse on the calling thread, yet it takes a while. */
    private static String longExpression() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; sql.length() < 15_000; i++) {
            sql.append("coalesce(a, ").append(i).append(") + ");
        }
        return sql.append("1 FROM t").toString();
    }

    @Test
    void aParseOnTheCallingThreadStopsAtItsTimeoutAndTheNextParseIsUnaffected() throws Exception {
        String slow = longExpression();
        assertThat(slow.length()).isLessThan(16_384);
        long started = System.nanoTime();
        assertThatThrownBy(() -> JsqlParsing.parse(slow, Dialect.POSTGRESQL, 1, 64))
                .isInstanceOf(JsqlParsing.ParseFailure.class).hasMessage("parse timed out");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);

        JsqlParsing.Parsed ok = JsqlParsing.parse("SELECT a FROM t WHERE b = 1", Dialect.POSTGRESQL, 2_000, 64);
        assertThat(ok.statement().toString()).isEqualTo("SELECT a FROM t WHERE b = 1");
    }

    @Test
    void aStatementWithinItsTimeoutParsesWhereverItRuns() throws Exception {
        String deep = "SELECT " + "(".repeat(20) + "a" + ")".repeat(20) + " FROM t";
        assertThat(JsqlParsing.parse(deep, Dialect.POSTGRESQL, 2_000, 64).statement().toString())
                .startsWith("SELECT ((");
        String shallow = "SELECT (a) FROM t";
        assertThat(JsqlParsing.parse(shallow, Dialect.POSTGRESQL, 2_000, 64).statement().toString())
                .isEqualTo("SELECT (a) FROM t");
    }

    @Test
    void theAnalyzerRefusesToUnderstandAStatementWhoseParseTimedOut() {
        String slow = longExpression();
        SqlAnalyzer analyzer = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withParseTimeout(
                java.time.Duration.ofMillis(1)));
        Analysis analysis = analyzer.analyze(slow, Dialect.POSTGRESQL, InMemoryCatalog.builder("c").build());
        assertThat(analysis.isUnknown()).isTrue();
    }
}
