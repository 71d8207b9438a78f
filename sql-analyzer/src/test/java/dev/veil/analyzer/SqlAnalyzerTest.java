package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The analyzer's contract: caching, fingerprints, failing closed without throwing. */
class SqlAnalyzerTest {

    private final SqlAnalyzer analyzer = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    @Test
    void analysesAreCachedPerCatalogIdentityAndVersion() {
        Catalog v1 = InMemoryCatalog.builder("db-a").version(1).searchPath("public").table("public", "t",
                "a int").build();
        Catalog sameVersionOtherDb = InMemoryCatalog.builder("db-b").version(1).searchPath("public").table("public",
                "t", "b int").build();
        Catalog v2 = InMemoryCatalog.builder("db-a").version(2).searchPath("public").table("public", "t", "a int",
                "c int").build();
        Analysis first = analyzer.analyze("SELECT * FROM t", Dialect.POSTGRESQL, v1);
        assertThat(analyzer.analyze("SELECT * FROM t", Dialect.POSTGRESQL, v1)).isSameAs(first);
        assertThat(analyzer.analyze("SELECT * FROM t", Dialect.POSTGRESQL, sameVersionOtherDb).statements().get(0)
                .outputColumns()).extracting(OutputColumn::label).containsExactly("b");
        assertThat(analyzer.analyze("SELECT * FROM t", Dialect.POSTGRESQL, v2).statements().get(0).outputColumns())
                .extracting(OutputColumn::label).containsExactly("a", "c");
        assertThat(analyzer.analyze("SELECT * FROM t", Dialect.H2, v1)).isNotSameAs(first);
    }

    @Test
    void cacheIsBounded() {
        SqlAnalyzer small = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false).withCacheSize(10));
        Catalog c = TestCatalogs.postgres();
        for (int i = 0; i < 100; i++) small.analyze("SELECT " + i + " FROM users", Dialect.POSTGRESQL, c);
        Analysis a = small.analyze("SELECT 1 FROM users", Dialect.POSTGRESQL, c);
        assertThat(a.statements()).hasSize(1);
    }

    @Test
    void literalsDoNotChangeTheFingerprint() {
        Catalog c = TestCatalogs.postgres();
        Fingerprint a = analyzer.analyze("SELECT \"id\",\"ssn\" FROM users WHERE \"id\" >= 1000 AND \"id\" < 2000",
                Dialect.POSTGRESQL, c).fingerprint();
        Fingerprint b =
                analyzer.analyze("select \"id\",\"ssn\"  from users where \"id\" >= 2000 and \"id\" < 3000 -- part 3",
                Dialect.POSTGRESQL, c).fingerprint();
        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(a.normalized()).isEqualTo("select \"id\" , \"ssn\" from users where \"id\" >= ? and \"id\" < ?");
        Fingerprint other = analyzer.analyze("SELECT \"id\" FROM users WHERE \"id\" >= 1", Dialect.POSTGRESQL,
                c).fingerprint();
        assertThat(other.hash()).isNotEqualTo(a.hash());
    }

    @Test
    void parameterMarkersAreToldFromLiterals() {
        Catalog c = TestCatalogs.postgres();
        assertThat(analyzer.analyze("SELECT id FROM users WHERE id <= 10", Dialect.POSTGRESQL, c).hasParameters())
                .isFalse();
        assertThat(analyzer.analyze("SELECT id FROM users WHERE id <= ?", Dialect.POSTGRESQL, c).hasParameters())
                .isTrue();
        assertThat(analyzer.analyze("SELECT id FROM users WHERE id <= $1", Dialect.POSTGRESQL, c).hasParameters())
                .isTrue();
        assertThat(analyzer.analyze("SELECT id FROM users WHERE email = '?'", Dialect.POSTGRESQL, c)
                .hasParameters()).isFalse();
    }

    @Test
    void redactedTextHasNoLiteralsOrComments() {
        Fingerprint f =
                analyzer.analyze("SELECT name FROM users WHERE ssn = '123-45-6789' /* ssn 123-45-6789 */ AND id = 42",
                Dialect.POSTGRESQL, TestCatalogs.postgres()).fingerprint();
        assertThat(f.redacted()).isEqualTo("SELECT name FROM users WHERE ssn = ? AND id = ?");
        assertThat(f.redacted() + f.normalized()).doesNotContain("123").doesNotContain("42");
    }

    @Test
    void unknownReasonsNeverQuoteLiterals() {
        String secret = "'123-45-6789'";
        for (String sql : List.of("SELECT " + secret + " ,, FROM users", "SELECT nope FROM users WHERE ssn = " + secret,
                "SELECT " + secret + " FROM missing", "COPY (SELECT " + secret + ") TO STDOUT")) {
            StatementAnalysis s = analyzer.analyze(sql, Dialect.POSTGRESQL,
                    TestCatalogs.postgres()).statements().get(0);
            assertThat(s.isUnknown()).isTrue();
            assertThat(s.unknownReason().orElseThrow()).doesNotContain("123");
        }
    }

    @Test
    void garbageIsUnknownNotAnException() {
        for (String sql : List.of("", "   ", ";;;", "SELEC 1", "SELECT", "\u0000", "SELECT (((", ")))", "'", "\"",
                "SELECT * FROM users WHERE", "/*", "$$", "U&'\\zzzz'")) {
            for (Dialect d : Dialect.values()) {
                Analysis a = analyzer.analyze(sql, d, TestCatalogs.of(d));
                assertThat(a.statements()).isNotEmpty();
                assertThat(a.isUnknown()).as(d + ": " + sql).isTrue();
            }
        }
    }

    @Test
    void dataModifyingCtesAreRefusedByName() {
        for (String sql : List.of(
                "WITH u AS (UPDATE users SET name = name RETURNING ssn) INSERT INTO orders (note) SELECT ssn FROM u",
                "WITH u AS (DELETE FROM users RETURNING ssn) SELECT * FROM u",
                "WITH u AS (INSERT INTO people (name) VALUES ('x') RETURNING id) UPDATE orders SET amount = 1"
                        + " WHERE id IN (SELECT id FROM u)")) {
            assertThat(analyzer.analyze(sql, Dialect.POSTGRESQL, TestCatalogs.postgres()).statements().get(0)
                    .unknownReason()).as(sql).get().asString().contains("data-modifying statement in WITH");
        }
    }

    @Test
    void h2CteNamedLikeATableIsRefusedInWritesToo() {
        String sql = "WITH USERS AS (SELECT 1 AS ID) INSERT INTO ORDERS (ID) SELECT ID FROM USERS";
        assertThat(analyzer.analyze(sql, Dialect.H2, TestCatalogs.of(Dialect.H2)).statements().get(0).unknownReason())
                .get().asString().contains("has the name of a table");
    }

    @Test
    void recursiveCtesAreRefusedInWritesOnly() {
        String cte = "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) ";
        assertThat(analyzer.analyze(cte + "INSERT INTO orders (id) SELECT n FROM r", Dialect.POSTGRESQL,
                TestCatalogs.postgres()).statements().get(0).unknownReason()).get().asString()
                .contains("recursive CTE in a data-modifying statement");
        assertThat(analyzer.analyze(cte + "SELECT n FROM r", Dialect.POSTGRESQL,
TestCatalogs.postgres()).isUnknown()).isFalse();
    }

    @Test
    void aFunctionCallEscapeOfAQuotedRoutineThatIsNotABuiltinKeepsItsCallHazard() {
        // pgjdbc may send {? = call f(…)} as CALL f(…) (escapeSyntaxCallMode=call): f may be a procedure
        for (String sql : List.of("{? = call \"MyFn\"(1)}", "{? = call \"myfn\"(1)}", "{? = call \"my_fn\"(1)}",
                "{? = call public.\"my_fn\"(1)}", "{? = call \"UPPER\"(1)}")) {
            StatementAnalysis s = analyzer.analyze(sql, Dialect.POSTGRESQL,
TestCatalogs.postgres()).statements().get(0);
            assertThat(s.type()).as(sql).isEqualTo("CALL_FUNCTION");
            assertThat(s.hasHazard(Hazard.Kind.CALL)).as(sql).isTrue();
        }
        StatementAnalysis builtin = analyzer.analyze("{? = call \"upper\"(1)}", Dialect.POSTGRESQL,
TestCatalogs.postgres())
                .statements().get(0);
        assertThat(builtin.hasHazard(Hazard.Kind.CALL)).isFalse();
    }

    @Test
    void anAnalysisTheCatalogFailedIsNotCached() {
        FlakyCatalog catalog = new FlakyCatalog(TestCatalogs.postgres());
        String sql = "SELECT name FROM users WHERE id = 7";
        catalog.failing = true;
        assertThat(analyzer.analyze(sql, Dialect.POSTGRESQL,
catalog).statements().get(0).unknownReason()).get().asString()
                .isEqualTo("analyzer failure: IllegalStateException");
        catalog.failing = false;
        Analysis retried = analyzer.analyze(sql, Dialect.POSTGRESQL, catalog);
        assertThat(retried.isUnknown()).isFalse();
        assertThat(retried.statements().get(0).outputColumns()).extracting(OutputColumn::label).containsExactly("name");
        assertThat(analyzer.analyze(sql, Dialect.POSTGRESQL, catalog)).isSameAs(retried);
    }

    /** A catalog whose reads fail while {@code failing} is set, as a driver's does when the database cannot be read. */
    private static final class FlakyCatalog implements Catalog {
        private final Catalog delegate;
        volatile boolean failing;

        FlakyCatalog(Catalog delegate) {
            this.delegate = delegate;
        }

        @Override public String identity() { return "flaky:" + delegate.identity(); }
        @Override public long version() { return delegate.version(); }
        @Override public String currentCatalog() { return delegate.currentCatalog(); }
        @Override public List<String> searchPath() { return delegate.searchPath(); }

        @Override
        public java.util.Optional<Relation> relation(String catalog, String schema, String name) {
            if (failing) throw new IllegalStateException("cannot read the definition of " + name);
            return delegate.relation(catalog, schema, name);
        }

        @Override
        public boolean isUserDefinedFunction(String schema, String name) {
            if (failing) throw new IllegalStateException("cannot look up function " + name);
            return delegate.isUserDefinedFunction(schema, name);
        }
    }

    /** "public"."a.b" and "public.a"."b" print alike; lineage must keep both as sources. */
    @Test
    void sourcesWhoseNamesPrintAlikeAreKeptApart() {
        Catalog catalog = InMemoryCatalog.builder("dots").version(1).currentCatalog("app").searchPath("public")
                .table("public", "a.b", "ssn varchar").table("public.a", "b", "ssn varchar").build();
        StatementAnalysis s = analyzer.analyze("SELECT x.ssn || y.ssn AS v, upper(x.ssn || y.ssn) AS w"
                + " FROM public.\"a.b\" x, \"public.a\".b y", Dialect.POSTGRESQL, catalog).statements().get(0);
        assertThat(s.unknownReason()).isEmpty();
        for (OutputColumn out : s.outputColumns()) {
            assertThat(out.sources()).as(out.label()).containsExactlyInAnyOrder(
                    new BaseColumn(new TableName("app", "public", "a.b"), "ssn"),
                    new BaseColumn(new TableName("app", "public.a", "b"), "ssn"));
        }
        assertThat(new java.util.TreeSet<>(List.of(new BaseColumn(new TableName("app", "public", "a.b"), "ssn"),
                new BaseColumn(new TableName("app", "public.a", "b"), "ssn")))).hasSize(2);
    }

    @Test
    void longTextIsRefused() {
        SqlAnalyzer a = new SqlAnalyzer(new SqlAnalyzer.Options(Duration.ofSeconds(2), 64, false, 100, 50));
        assertThat(a.analyze("SELECT id FROM users WHERE name = '" + "x".repeat(100) + "'", Dialect.POSTGRESQL,
                TestCatalogs.postgres()).statements().get(0).unknownReason()).get().asString().contains("longer than");
    }

    @Test
    void threadsShareTheAnalyzer() throws Exception {
        Catalog c = TestCatalogs.postgres();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Analysis>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String sql = "SELECT u.ssn, o.amount FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = "
                        + (i % 7);
                fs.add(pool.submit(() -> analyzer.analyze(sql, Dialect.POSTGRESQL, c)));
            }
            for (Future<Analysis> f : fs) {
                assertThat(f.get().statements().get(0).outputColumns()).extracting(OutputColumn::label)
                        .containsExactly("ssn", "amount");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outputsOfAReadingStatementAlwaysHaveSourcesUnlessComputedFromNoColumn() {
        StatementAnalysis s = analyzer.analyze("SELECT 1, count(*), ssn, now() FROM users", Dialect.POSTGRESQL,
                TestCatalogs.postgres()).statements().get(0);
        assertThat(s.outputColumns()).extracting(o -> o.sources().isEmpty()).containsExactly(true, true, false, true);
        assertThat(s.outputColumns()).filteredOn(o -> o.sources().isEmpty()).allMatch(OutputColumn::derived);
    }
}
