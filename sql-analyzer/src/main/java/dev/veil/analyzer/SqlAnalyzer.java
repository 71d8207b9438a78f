package dev.veil.analyzer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.veil.analyzer.internal.CacheEviction;
import dev.veil.analyzer.internal.StatementAnalyzer;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.crosscheck.CalciteCrossCheck;
import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.JdbcEscapes;
import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.facts.KeywordHazards;
import dev.veil.analyzer.internal.facts.KeywordStatements;
import dev.veil.analyzer.internal.facts.StatementFacts;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.resolve.ViewDefinitions;

/**
 * Analyzes SQL statements: statement kinds, tables read and written, the lineage of every output and written
 * column, predicate columns, functions, whole-row references and hazards. Thread-safe; build one per driver and
 * share it. Analyses are cached by (SQL text, dialect, catalog identity, catalog version), except those of a failure
 * (a catalog that could not be read, a defect), which may be transient: the next call analyzes again.
 *
 * <p>It never throws for bad input: anything it does not fully understand yields a statement of kind
 * {@link StatementKind#UNKNOWN} with the reason.
 */
public final class SqlAnalyzer {

    /**
     * Options; {@link #defaults()} suits a driver.
     *
     * @param crossCheck      whether queries get Calcite's second opinion on their lineage ({@link CrossCheck})
     * @param deferCrossCheck whether that opinion waits until the caller asks for it with {@link #crossCheck}: a
     *                        caller that knows which queries' lineage matters (those reading a sensitive column) pays
     *                        Calcite's cost for those only
     */
    public record Options(Duration parseTimeout, int maxNestingDepth, boolean crossCheck, int cacheSize,
                          int maxSqlLength, boolean deferCrossCheck) {
        public Options {
            Objects.requireNonNull(parseTimeout, "parseTimeout");
            if (maxNestingDepth < 1) throw new IllegalArgumentException("maxNestingDepth must be >= 1");
            if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must be >= 0");
            if (maxSqlLength < 1) throw new IllegalArgumentException("maxSqlLength must be >= 1");
        }

        /** Options whose cross-check, when on, runs with every analysis. */
        public Options(Duration parseTimeout, int maxNestingDepth, boolean crossCheck, int cacheSize,
                       int maxSqlLength) {
            this(parseTimeout, maxNestingDepth, crossCheck, cacheSize, maxSqlLength, false);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), 64, true, 10_000, 1 << 20);
        }

        public Options withCrossCheck(boolean on) {
            return new Options(parseTimeout, maxNestingDepth, on, cacheSize, maxSqlLength, deferCrossCheck);
        }

        public Options withDeferredCrossCheck(boolean deferred) {
            return new Options(parseTimeout, maxNestingDepth, crossCheck, cacheSize, maxSqlLength, deferred);
        }

        public Options withCacheSize(int size) {
            return new Options(parseTimeout, maxNestingDepth, crossCheck, size, maxSqlLength, deferCrossCheck);
        }

        public Options withParseTimeout(Duration timeout) {
            return new Options(timeout, maxNestingDepth, crossCheck, cacheSize, maxSqlLength, deferCrossCheck);
        }

        public Options withMaxNestingDepth(int depth) {
            return new Options(parseTimeout, depth, crossCheck, cacheSize, maxSqlLength, deferCrossCheck);
        }
    }

    private record Key(String sql, Dialect dialect, String catalog, long version) { }

    private final Options options;
    private final ConcurrentHashMap<Key, Analysis> cache = new ConcurrentHashMap<>();
    /** Analyses whose deferred cross-check ran, by the same key. */
    private final ConcurrentHashMap<Key, Analysis> crossChecked = new ConcurrentHashMap<>();
    private final CalciteCrossCheck calcite;
    private final StatementAnalyzer statements;

    public SqlAnalyzer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.calcite = options.crossCheck() ? new CalciteCrossCheck(options.cacheSize()) : null;
        long timeout = options.parseTimeout().toMillis();
        ViewDefinitions views = new ViewDefinitions(timeout, options.maxNestingDepth(), options.cacheSize());
        this.statements = new StatementAnalyzer(timeout, options.maxNestingDepth(), calcite, views,
                options.deferCrossCheck());
    }

    public SqlAnalyzer() {
        this(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** Analyzes {@code sql} (one or several statements) against {@code catalog}. Never throws for any SQL text. */
    public Analysis analyze(String sql, Dialect dialect, Catalog catalog) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(catalog, "catalog");
        if (options.cacheSize() == 0) return analyzeUncached(sql, dialect, catalog);
        Key key = new Key(sql, dialect, catalog.identity(), catalog.version());
        Analysis cached = cache.get(key);
        if (cached != null) return cached;
        Outcome o = outcome(sql, dialect, catalog);
        if (o.cacheable()) {
            if (cache.size() >= options.cacheSize()) CacheEviction.evict(cache, options.cacheSize());
            cache.put(key, o.analysis());
        }
        return o.analysis();
    }

    /**
     * Runs the cross-check an analysis deferred ({@link CrossCheck.Status#DEFERRED}): the analysis as
     * {@link #analyze} would have returned it without {@link Options#deferCrossCheck()} — each query's outputs with the
     * sources Calcite names added. Calcite names sources only among the relations a query's analysis found it reads,
     * so a caller to whom none of those relations matters loses nothing by not asking. An analysis with nothing
     * deferred is returned as it is. Cached like analyses.
     *
     * @param catalog the catalog {@code analysis} was made against
     * @throws RuntimeException what the catalog throws when it cannot be read
     */
    public Analysis crossCheck(Analysis analysis, Catalog catalog) {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(catalog, "catalog");
        if (calcite == null || analysis.statements().stream()
                .noneMatch(s -> s.crossCheck().status() == CrossCheck.Status.DEFERRED)) {
            return analysis;
        }
        Key key = new Key(analysis.sql(), analysis.dialect(), catalog.identity(), catalog.version());
        Analysis cached = crossChecked.get(key);
        if (cached != null && cached.statements().size() == analysis.statements().size()) return cached;
        List<StatementAnalysis> checked = new ArrayList<>(analysis.statements().size());
        for (StatementAnalysis s : analysis.statements()) {
            if (s.crossCheck().status() != CrossCheck.Status.DEFERRED) {
                checked.add(s);
                continue;
            }
            List<OutputColumn> outputs = new ArrayList<>(s.outputColumns());
            CrossCheck cc = calcite.check(analysis.dialect(), catalog, s.text(), s.tablesRead(), outputs,
                    s.fingerprint());
            checked.add(s.crossChecked(outputs, cc));
        }
        Analysis result = analysis.withStatements(checked);
        if (options.cacheSize() > 0) {
            if (crossChecked.size() >= options.cacheSize()) CacheEviction.evict(crossChecked, options.cacheSize());
            crossChecked.put(key, result);
        }
        return result;
    }

    /** Analyzes without consulting or filling the cache (benchmarks, tools). */
    public Analysis analyzeUncached(String sql, Dialect dialect, Catalog catalog) {
        return outcome(sql, dialect, catalog).analysis();
    }

    /** An analysis, and whether it may be cached: not one produced by a failure, which a later call may not meet. */
    private record Outcome(Analysis analysis, boolean cacheable) { }

    private Outcome outcome(String sql, Dialect dialect, Catalog catalog) {
        try {
            return new Outcome(doAnalyze(sql, dialect, catalog), true);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // a defect in the analyzer, or a catalog read that failed, must not let a statement through: UNKNOWN
            return new Outcome(single(sql, dialect, "analyzer failure: " + e.getClass().getSimpleName()), false);
        }
    }

    private Analysis doAnalyze(String sql, Dialect dialect, Catalog catalog) {
        if (sql.length() > options.maxSqlLength()) {
            return single(sql, dialect, "statement text longer than " + options.maxSqlLength() + " characters");
        }
        SqlLexer.Lexed lexed = SqlLexer.lex(sql, dialect, options.maxNestingDepth());
        if (lexed.error() != null) return single(sql, dialect, "lexical error: " + lexed.error());
        String executed = SqlLexer.executedText(lexed);
        Translation tr;
        try {
            tr = JdbcEscapes.translate(executed, dialect, lexed.tokens(), lexed.segments());
        } catch (EscapeRefused r) {
            return escapeRefused(sql, executed, lexed, dialect, r.getMessage());
        }
        SqlLexer.Lexed work = lexed;
        if (!tr.identity()) {
            // the statement as the vendor driver hands it to the server
            work = SqlLexer.lex(tr.text(), dialect, options.maxNestingDepth());
            if (work.error() != null) return escapeRefused(sql, executed, lexed, dialect,
                    "lexical error: " + work.error());
            for (SqlLexer.Tok t : work.tokens()) {
                if (t.isOp("{") || t.isOp("}")) {
                    return escapeRefused(sql, executed, lexed, dialect, "a brace reaches the server");
                }
            }
        }
        String analyzed = tr.identity() ? executed : tr.text();
        List<StatementAnalysis> out = new ArrayList<>();
        int index = 0;
        for (SqlLexer.Segment seg : work.segments()) {
            out.add(new StatementAnalysis(statements.statement(work, analyzed, seg, index++, dialect, catalog, sql,
                    tr)));
        }
        if (out.isEmpty()) return single(sql, dialect, "no statement");
        boolean parameters = work.tokens().stream().anyMatch(t -> t.kind == SqlLexer.Kind.PARAM);
        return new Analysis(sql, executed, dialect, out, tr).withParameters(parameters);
    }

    /** JDBC escapes the analysis does not follow: each statement UNKNOWN, with the hazards its keywords show. */
    private Analysis escapeRefused(String sql, String executed, SqlLexer.Lexed lexed, Dialect dialect, String reason) {
        List<StatementAnalysis> out = new ArrayList<>();
        int index = 0;
        for (SqlLexer.Segment seg : lexed.segments()) {
            StatementDraft d = new StatementDraft();
            d.index = index++;
            d.start = seg.start();
            d.end = seg.end();
            d.text = sql.substring(seg.start(), seg.end());
            KeywordStatements.typeByKeyword(seg, d);
            KeywordHazards.lexical(seg, d);
            KeywordHazards.of(seg, d);
            d.unknownReason = "JDBC escape syntax: " + reason;
            StatementFacts.record(lexed.text(), seg, d, dialect);
            d.fingerprint = Fingerprints.of(lexed.text(), seg.tokens());
            d.crossCheck = CrossCheck.disabled();
            out.add(new StatementAnalysis(d));
        }
        if (out.isEmpty()) return single(sql, dialect, "no statement");
        return new Analysis(sql, executed, dialect, out, null);
    }

    private Analysis single(String sql, Dialect dialect, String reason) {
        StatementDraft d = new StatementDraft();
        d.text = sql;
        d.end = sql.length();
        d.unknownReason = reason;
        d.fingerprint = Fingerprints.of(sql, List.of());
        d.crossCheck = CrossCheck.disabled();
        return new Analysis(sql, sql, dialect, List.of(new StatementAnalysis(d)));
    }
}
