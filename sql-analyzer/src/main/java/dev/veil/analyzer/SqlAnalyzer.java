package dev.veil.analyzer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.veil.analyzer.internal.escapes.CallEscape;
import dev.veil.analyzer.internal.escapes.CallKind;
import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.JdbcEscapes;
import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.lexing.SqlLexer;

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

    /** Options; {@link #defaults()} suits a driver. */
    public record Options(Duration parseTimeout, int maxNestingDepth, boolean crossCheck, int cacheSize,
                          int maxSqlLength) {
        public Options {
            Objects.requireNonNull(parseTimeout, "parseTimeout");
            if (maxNestingDepth < 1) throw new IllegalArgumentException("maxNestingDepth must be >= 1");
            if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must be >= 0");
            if (maxSqlLength < 1) throw new IllegalArgumentException("maxSqlLength must be >= 1");
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), 64, true, 10_000, 1 << 20);
        }

        public Options withCrossCheck(boolean on) {
            return new Options(parseTimeout, maxNestingDepth, on, cacheSize, maxSqlLength);
        }

        public Options withCacheSize(int size) {
            return new Options(parseTimeout, maxNestingDepth, crossCheck, size, maxSqlLength);
        }

        public Options withParseTimeout(Duration timeout) {
            return new Options(timeout, maxNestingDepth, crossCheck, cacheSize, maxSqlLength);
        }

        public Options withMaxNestingDepth(int depth) {
            return new Options(parseTimeout, depth, crossCheck, cacheSize, maxSqlLength);
        }
    }

    private static final int MAX_VIEW_DEPTH = 16;

    private record Key(String sql, Dialect dialect, String catalog, long version) { }

    private record ViewKey(String catalog, long version, Dialect dialect, TableName view) { }

    /** A view's lineage, or why it could not be computed. */
    private record ViewResult(Resolver.ViewInfo info, String failure) { }

    private final Options options;
    private final ConcurrentHashMap<Key, Analysis> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ViewKey, ViewResult> viewCache = new ConcurrentHashMap<>();
    private final CalciteCrossCheck calcite;

    public SqlAnalyzer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.calcite = options.crossCheck() ? new CalciteCrossCheck(options.cacheSize()) : null;
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
            if (cache.size() >= options.cacheSize()) evict(cache, options.cacheSize());
            cache.put(key, o.analysis());
        }
        return o.analysis();
    }

    /** Drops about a tenth of the entries; exact LRU order is not worth a lock on the hot path. */
    private static <K, V> void evict(ConcurrentHashMap<K, V> map, int max) {
        int toRemove = Math.max(1, max / 10);
        Iterator<K> it = map.keySet().iterator();
        while (toRemove-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
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
        String executed = executedText(lexed);
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
            if (work.error() != null) return escapeRefused(sql, executed, lexed, dialect, "lexical error: " + work.error());
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
            out.add(statement(work, analyzed, seg, index++, dialect, catalog, sql, tr));
        }
        if (out.isEmpty()) return single(sql, dialect, "no statement");
        return new Analysis(sql, executed, dialect, out, tr);
    }

    /** JDBC escapes the analysis does not follow: each statement UNKNOWN, with the hazards its keywords show. */
    private Analysis escapeRefused(String sql, String executed, SqlLexer.Lexed lexed, Dialect dialect, String reason) {
        List<StatementAnalysis> out = new ArrayList<>();
        int index = 0;
        for (SqlLexer.Segment seg : lexed.segments()) {
            StatementAnalysis.Draft d = new StatementAnalysis.Draft();
            d.index = index++;
            d.start = seg.start();
            d.end = seg.end();
            d.text = sql.substring(seg.start(), seg.end());
            typeByKeyword(seg, d);
            lexicalHazards(seg, d);
            keywordHazards(seg, d);
            d.unknownReason = "JDBC escape syntax: " + reason;
            facts(lexed.text(), seg, d, dialect);
            out.add(new StatementAnalysis(d, Fingerprints.of(lexed.text(), seg.tokens()), CrossCheck.DISABLED_CHECK));
        }
        if (out.isEmpty()) return single(sql, dialect, "no statement");
        return new Analysis(sql, executed, dialect, out, null);
    }

    private Analysis single(String sql, Dialect dialect, String reason) {
        StatementAnalysis.Draft d = new StatementAnalysis.Draft();
        d.text = sql;
        d.end = sql.length();
        d.unknownReason = reason;
        return new Analysis(sql, sql, dialect, List.of(new StatementAnalysis(d, Fingerprints.of(sql, List.of()),
                CrossCheck.DISABLED_CHECK)));
    }

    /** The text the database executes: executable-comment markers blanked, everything else as written. */
    private static String executedText(SqlLexer.Lexed lexed) {
        StringBuilder b = null;
        for (SqlLexer.Tok t : lexed.tokens()) {
            if (t.kind != SqlLexer.Kind.EXEC_MARKER) continue;
            if (b == null) b = new StringBuilder(lexed.text());
            for (int i = t.start; i < t.end; i++) b.setCharAt(i, ' ');
        }
        return b == null ? lexed.text() : b.toString();
    }

    /**
     * @param lexed    the text analyzed: the executed text, or the server's text when JDBC escapes were translated
     * @param original the SQL as given (statement offsets and text refer to it)
     */
    private StatementAnalysis statement(SqlLexer.Lexed lexed, String executed, SqlLexer.Segment seg, int index,
                                        Dialect dialect, Catalog catalog, String original, Translation tr) {
        StatementAnalysis.Draft d = new StatementAnalysis.Draft();
        d.index = index;
        d.start = seg.start();
        d.end = seg.end();
        CallKind call = null;
        if (!tr.identity()) {
            d.start = tr.frag().mapStart(seg.start(), true);
            d.end = tr.frag().mapEnd(seg.end(), true);
            if (d.start < 0 || d.end < d.start) {
                d.start = 0;
                d.end = original.length();
            }
            for (CallEscape c : tr.calls()) {
                if (c.open() >= d.start && c.open() < d.end) call = c.kind();
            }
        }
        d.text = original.substring(d.start, d.end);
        typeByKeyword(seg, d);
        d.callFunction = call == CallKind.CALL_FUNCTION;
        Fingerprint fp = Fingerprints.of(lexed.text(), seg.tokens());
        lexicalHazards(seg, d);
        CrossCheck cc = options.crossCheck() ? CrossCheck.notApplicable("not a query") : CrossCheck.DISABLED_CHECK;
        JsqlParsing.Parsed parsed;
        boolean ddl = DdlStatements.applies(seg);
        try {
            parsed = JsqlParsing.parse(lexed.parseText().substring(seg.start(), seg.end()), dialect,
                    options.parseTimeout().toMillis(), options.maxNestingDepth());
        } catch (JsqlParsing.ParseFailure f) {
            if (ddl) {
                ddl(seg, d, dialect, catalog, executed, f.getMessage());
            } else {
                fallback(seg, d, f.getMessage());
            }
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        if (ddl && !queryBearing(parsed.statement())) {
            // DDL whose lineage does not matter: the tokens decide, whether or not the parser read it
            ddl(seg, d, dialect, catalog, executed, null);
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        String differential = ParseCheck.compare(seg, seg.start(), parsed.tokens());
        if (differential != null) {
            keywordHazards(seg, d);
            d.unknownReason = "lexer and parser disagree: " + differential;
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        Resolver r = new Resolver(dialect, catalog, views(dialect, catalog), executed, seg.start(), d, 0);
        r.parameterPlaceholders = lexed.placeholders();
        try {
            new Statements(r, dialect, d).analyze(parsed.statement());
            r.checkAllColumnsVisited(parsed.root(), d.kind == StatementKind.QUERY || d.kind == StatementKind.DML);
        } catch (Resolver.Unsupported u) {
            keywordHazards(seg, d);
            d.unknownReason = u.getMessage();
            if ("SHOW".equals(leadingKeyword(seg)) && plainWords(seg) && d.hazards.isEmpty()) {
                // SHOW of a setting by name (SHOW TRANSACTION ISOLATION LEVEL): it reads a setting, like SHOW x
                d.unknownReason = null;
                d.kind = StatementKind.UTILITY;
                d.type = StatementType.SHOW;
            }
        }
        if (call != null) callEscape(call, d, dialect);
        if (d.unknownReason == null && calcite != null && d.kind == StatementKind.QUERY && call == null) {
            cc = calcite.check(dialect, catalog, d, fp);
        }
        return finish(lexed.text(), seg, d, dialect, fp, cc);
    }

    private static StatementAnalysis finish(String text, SqlLexer.Segment seg, StatementAnalysis.Draft d, Dialect dialect,
                                            Fingerprint fp, CrossCheck cc) {
        facts(text, seg, d, dialect);
        return new StatementAnalysis(d, fp, cc);
    }

    /** The facts read from the statement's tokens once its type and kind are known. */
    private static void facts(String text, SqlLexer.Segment seg, StatementAnalysis.Draft d, Dialect dialect) {
        if (d.unknownReason == null && d.kind == StatementKind.TCL) {
            d.transactionEffect = StatementFacts.transactionEffect(d.type, seg.significant());
        }
        d.settings = SettingNames.of(d.type, text, seg.tokens(), dialect.rules().setAssignsSeveral());
        d.hasWhere = (d.type == StatementType.UPDATE || d.type == StatementType.DELETE)
                && StatementFacts.topLevelWhere(text, seg.tokens());
        if (dialect.rules().linkedTables() && StatementFacts.createsLinkedTable(text, seg.tokens())) {
            d.hazard(Hazard.Kind.FOREIGN_DATA, "LINKED TABLE");
        }
    }

    /**
     * A statement written as a JDBC call escape. {@code {? = call f(args)}} was analyzed as {@code SELECT f(args)}:
     * it is type CALL_FUNCTION; its value goes to an OUT parameter, so the rewrite gives it no alias. PostgreSQL's
     * driver sends it as {@code call f(…)} when the connection's {@code escapeSyntaxCallMode} is {@code call}, so a
     * routine that is not a built-in function may be a procedure there.
     */
    private static void callEscape(CallKind call, StatementAnalysis.Draft d, Dialect dialect) {
        if (call == CallKind.CALL) {
            if (d.unknownReason == null && d.type != StatementType.CALL) d.unknownReason = "JDBC call escape not understood";
            d.type = StatementType.CALL;
            return;
        }
        d.type = StatementType.CALL_FUNCTION;
        d.hazards.removeIf(h -> h.kind() == Hazard.Kind.CALL);
        if (d.unknownReason != null) return;
        if (d.outputs.size() != 1 || d.routine == null) {
            d.unknownReason = "JDBC function call escape not understood";
            return;
        }
        // the call's own item: it spans every other item (those of subqueries in its arguments keep their labels)
        ItemInfo own = null;
        for (ItemInfo i : d.items) if (own == null || i.start <= own.start && i.end >= own.end) own = i;
        d.items.remove(own);
        String resultLabel = dialect.rules().functionEscapeResultLabel();
        if (resultLabel != null) {
            OutputColumn o = d.outputs.get(0);
            d.outputs.set(0, new OutputColumn(resultLabel, o.sources(), o.derived()));
        }
        if (dialect.rules().functionEscapeMayCallProcedure()) {
            // the classification ignores case, but PostgreSQL's built-ins all have lower-case names: a quoted name
            // with capitals is never one of them
            boolean builtin = d.routineCategory != null && d.routineCategory != FunctionCategory.USER_DEFINED
                    && d.routineCategory != FunctionCategory.UNKNOWN && d.routine.equals(d.routine.toLowerCase(Locale.ROOT));
            if (!builtin) d.hazard(Hazard.Kind.CALL, "CALL " + d.routine);
        }
    }

    // ---- DDL without a query -----------------------------------------------------------------------------------------

    /** DDL whose contents the analysis must follow: a query that fills a table or defines a view. */
    private static boolean queryBearing(net.sf.jsqlparser.statement.Statement st) {
        return st instanceof net.sf.jsqlparser.statement.create.table.CreateTable ct && ct.getSelect() != null
                || st instanceof net.sf.jsqlparser.statement.create.view.CreateView
                || st instanceof net.sf.jsqlparser.statement.create.view.AlterView;
    }

    /** Classifies DDL without a query from its tokens ({@link DdlStatements}), or makes it UNKNOWN. */
    private void ddl(SqlLexer.Segment seg, StatementAnalysis.Draft d, Dialect dialect, Catalog catalog, String executed,
                     String parseError) {
        Resolver r = new Resolver(dialect, catalog, views(dialect, catalog), executed, seg.start(), d, 0);
        try {
            DdlStatements.Result res = DdlStatements.classify(seg, dialect, name -> r.classify(name) == FunctionCategory.SCALAR);
            for (net.sf.jsqlparser.schema.Table t : res.written()) d.tablesWritten.add(r.newTableName(t));
            for (net.sf.jsqlparser.schema.Table t : res.read()) d.tablesRead.add(r.lookup(t).name());
            d.kind = StatementKind.DDL;
            d.type = res.type();
            keywordHazards(seg, d);
        } catch (DdlStatements.Refused | Resolver.Unsupported e) {
            keywordHazards(seg, d);
            String kw = leadingKeyword(seg);
            d.unknownReason = parseError != null ? kw + " not understood: " + parseError + " (" + e.getMessage() + ")" : e.getMessage();
        }
    }

    // ---- statements the parser does not take ----------------------------------------------------------------------

    /** The type the leading keyword names, until the analysis knows better. */
    private static void typeByKeyword(SqlLexer.Segment seg, StatementAnalysis.Draft d) {
        d.keyword = leadingKeyword(seg);
        d.type = StatementFacts.typeOfKeyword(d.keyword);
    }

    private static String leadingKeyword(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            if (t.kind == SqlLexer.Kind.WORD) return t.value.toUpperCase(Locale.ROOT);
            // "(SELECT …", and JDBC call escapes "{call …}", "{? = call …}"
            if (t.isOp("(") || t.isOp("{") || t.isOp("=")) continue;
            if (t.kind == SqlLexer.Kind.PARAM) continue;
            return null;
        }
        return null;
    }

    private static final Set<String> TCL_WORDS = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
            "END", "ABORT");

    /** Statements JSqlParser cannot parse: transaction control and privileges by keyword, everything else UNKNOWN. */
    private static void fallback(SqlLexer.Segment seg, StatementAnalysis.Draft d, String parseError) {
        String kw = d.keyword;
        boolean plainWords = true;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            boolean ok = t.kind == SqlLexer.Kind.WORD || t.kind == SqlLexer.Kind.QUOTED_IDENT
                    || t.isOp(",") || t.isOp(".");
            if (!ok) plainWords = false;
        }
        if (kw != null && plainWords && TCL_WORDS.contains(kw) && !isCompoundBlock(seg)) {
            d.kind = StatementKind.TCL;
            return;
        }
        if (kw != null && plainWords && (kw.equals("REVOKE") || kw.equals("GRANT"))) {
            d.kind = StatementKind.DCL;
            return;
        }
        if (kw != null && (kw.equals("SET") || kw.equals("RESET")) && onlyLiterals(seg)) {
            // a setting assigned words, strings and numbers reads no data
            d.kind = StatementKind.UTILITY;
            String name = secondWord(seg);
            if (name != null && Set.of("search_path", "schema", "role", "session").contains(name.toLowerCase(Locale.ROOT))) {
                d.hazard(Hazard.Kind.SESSION_VARIABLE, name.toLowerCase(Locale.ROOT));
            }
            return;
        }
        keywordHazards(seg, d);
        d.unknownReason = (kw == null ? "statement" : kw) + " not understood: " + parseError;
    }

    private static boolean plainWords(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (t.significant() && t.kind != SqlLexer.Kind.WORD) return false;
        }
        return true;
    }

    private static boolean onlyLiterals(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            boolean ok = switch (t.kind) {
                case WORD, QUOTED_IDENT, STRING, NUMBER -> true;
                case OPERATOR -> Set.of(",", ".", "=", "-").contains(t.value);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** MariaDB {@code BEGIN NOT ATOMIC … END} is a code block, not a transaction start. */
    private static boolean isCompoundBlock(SqlLexer.Segment seg) {
        return "NOT".equalsIgnoreCase(secondWord(seg));
    }

    private static String secondWord(SqlLexer.Segment seg) {
        int n = 0;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (t.significant() && ++n == 2) return t.value;
        }
        return null;
    }

    /** Hazards known from the leading keyword alone: exports, code blocks, cursors, dynamic SQL. */
    private static void keywordHazards(SqlLexer.Segment seg, StatementAnalysis.Draft d) {
        String kw = leadingKeyword(seg);
        if (kw == null) return;
        switch (kw) {
            case "COPY" -> d.hazard(seg.hasWord("TO") ? Hazard.Kind.EXPORT : Hazard.Kind.FILE_ACCESS, "COPY");
            case "DO" -> d.hazard(Hazard.Kind.CODE_BLOCK, "DO");
            case "CALL" -> d.hazard(Hazard.Kind.CALL, "CALL");
            case "PREPARE", "EXECUTE", "DEALLOCATE", "EXEC" -> d.hazard(Hazard.Kind.DYNAMIC_SQL, kw);
            case "DECLARE", "FETCH", "MOVE", "CLOSE", "HANDLER", "OPEN" -> d.hazard(Hazard.Kind.CURSOR, kw);
            case "SCRIPT", "BACKUP" -> d.hazard(Hazard.Kind.EXPORT, kw);
            case "RUNSCRIPT", "LOAD" -> d.hazard(Hazard.Kind.FILE_ACCESS, kw);
            case "BEGIN" -> d.hazard(Hazard.Kind.CODE_BLOCK, "BEGIN … END");
            case "CREATE", "ALTER" -> {
                if (seg.hasWord("FUNCTION") || seg.hasWord("PROCEDURE") || seg.hasWord("TRIGGER") || seg.hasWord("EVENT")
                        || seg.hasWord("RULE") || seg.hasWord("ALIAS")) {
                    d.hazard(Hazard.Kind.CODE_BLOCK, kw);
                }
            }
            case "SHOW" -> {
                if (seg.hasWord("PROCESSLIST") || seg.hasWord("VARIABLES") || seg.hasWord("STATUS")) {
                    d.hazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT, "SHOW");
                }
            }
            default -> { }
        }
    }

    /** Variables and names reserved by Veil, found in the tokens whatever the parser makes of them. */
    private static void lexicalHazards(SqlLexer.Segment seg, StatementAnalysis.Draft d) {
        SqlLexer.Tok prev = null;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            if (t.kind == SqlLexer.Kind.VARIABLE) {
                d.hazard(Hazard.Kind.SESSION_VARIABLE, t.value);
                if (Statements.stripVariable(t.value).startsWith("veil")) d.hazard(Hazard.Kind.RESERVED_NAME, t.value);
            } else if (t.kind == SqlLexer.Kind.STRING && t.value.toLowerCase(Locale.ROOT).startsWith("veil.")) {
                d.hazard(Hazard.Kind.RESERVED_NAME, "setting name in a string");
            } else if ((t.kind == SqlLexer.Kind.WORD || t.kind == SqlLexer.Kind.QUOTED_IDENT) && prev != null
                    && prev.kind == SqlLexer.Kind.WORD
                    && Set.of("set", "show", "reset").contains(prev.value.toLowerCase(Locale.ROOT))
                    && t.value.toLowerCase(Locale.ROOT).startsWith("veil")) {
                d.hazard(Hazard.Kind.RESERVED_NAME, prev.value.toUpperCase(Locale.ROOT));
            }
            prev = t;
        }
    }

    // ---- views --------------------------------------------------------------------------------------------------

    private Resolver.Views views(Dialect dialect, Catalog catalog) {
        return (view, depth) -> {
            if (depth > MAX_VIEW_DEPTH) throw new Resolver.Unsupported("views nested deeper than " + MAX_VIEW_DEPTH + " (or cyclic)");
            ViewKey key = new ViewKey(catalog.identity(), catalog.version(), dialect, view.name());
            ViewResult res = viewCache.get(key);
            if (res == null) {
                res = resolveView(view, depth, dialect, catalog);
                if (viewCache.size() >= Math.max(64, options.cacheSize())) evict(viewCache, Math.max(64, options.cacheSize()));
                viewCache.put(key, res);
            }
            if (res.failure() != null) throw new Resolver.Unsupported(res.failure());
            return res.info();
        };
    }

    private ViewResult resolveView(Relation view, int depth, Dialect dialect, Catalog catalog) {
        String def = view.viewDefinition();
        if (def == null) return new ViewResult(null, "view " + view.name() + " has no definition in the catalog");
        SqlLexer.Lexed lexed = SqlLexer.lex(def, dialect, options.maxNestingDepth());
        if (lexed.error() != null || lexed.segments().size() != 1) {
            return new ViewResult(null, "view " + view.name() + " definition is not one statement");
        }
        SqlLexer.Segment seg = lexed.segments().get(0);
        StatementAnalysis.Draft d = new StatementAnalysis.Draft();
        d.text = def;
        try {
            JsqlParsing.Parsed parsed = JsqlParsing.parse(lexed.parseText().substring(seg.start(), seg.end()), dialect,
                    options.parseTimeout().toMillis(), options.maxNestingDepth());
            String differential = ParseCheck.compare(seg, seg.start(), parsed.tokens());
            if (differential != null) return new ViewResult(null, "view " + view.name() + ": " + differential);
            net.sf.jsqlparser.statement.select.Select select;
            if (parsed.statement() instanceof net.sf.jsqlparser.statement.select.Select s) select = s;
            else if (parsed.statement() instanceof net.sf.jsqlparser.statement.create.view.CreateView cv) select = cv.getSelect();
            else return new ViewResult(null, "view " + view.name() + " definition is not a query");
            Resolver r = new Resolver(dialect, catalog, views(dialect, catalog), executedText(lexed), seg.start(), d, depth);
            List<Resolver.Out> outs = r.query(select, null, Clause.OUTPUT, 0);
            r.checkAllColumnsVisited(parsed.root(), true);
            List<Lin> cols = new ArrayList<>();
            for (Resolver.Out o : outs) cols.add(o.lin());
            return new ViewResult(new Resolver.ViewInfo(List.copyOf(cols), Set.copyOf(d.tablesRead),
                    List.copyOf(d.functions), List.copyOf(d.hazards), List.copyOf(d.columnUses)), null);
        } catch (JsqlParsing.ParseFailure f) {
            return new ViewResult(null, "view " + view.name() + ": " + f.getMessage());
        } catch (Resolver.Unsupported u) {
            return new ViewResult(null, "view " + view.name() + ": " + u.getMessage());
        }
    }
}
