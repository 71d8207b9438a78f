package dev.veil.analyzer.internal;

import java.util.List;
import java.util.Locale;

import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.CrossCheck;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Fingerprint;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.internal.crosscheck.CalciteCrossCheck;
import dev.veil.analyzer.internal.ddl.DdlStatements;
import dev.veil.analyzer.internal.ddl.DefinedColumns;
import dev.veil.analyzer.internal.escapes.CallEscape;
import dev.veil.analyzer.internal.escapes.CallKind;
import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.facts.KeywordHazards;
import dev.veil.analyzer.internal.facts.KeywordStatements;
import dev.veil.analyzer.internal.facts.StatementFacts;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.parsing.JsqlParsing;
import dev.veil.analyzer.internal.parsing.LiteralProjections;
import dev.veil.analyzer.internal.parsing.ParseCheck;
import dev.veil.analyzer.internal.parsing.PartitionRanges;
import dev.veil.analyzer.internal.parsing.QueryForms;
import dev.veil.analyzer.internal.resolve.KeyPins;
import dev.veil.analyzer.internal.resolve.Resolver;
import dev.veil.analyzer.internal.resolve.Statements;
import dev.veil.analyzer.internal.resolve.Unsupported;
import dev.veil.analyzer.internal.resolve.ValueLiterals;
import dev.veil.analyzer.internal.resolve.ViewDefinitions;
import dev.veil.analyzer.internal.rewrite.ItemInfo;

/**
 * The analysis of one statement: parse (JSqlParser) and compare with the lexer, resolve names and lineage (or
 * classify DDL without a query from its tokens, or classify by keyword what the parser does not take), settle JDBC
 * call escapes, cross-check with Calcite, and read the facts its tokens carry.
 */
public final class StatementAnalyzer {

    private final long parseTimeoutMillis;
    private final int maxNestingDepth;
    private final boolean crossCheck;
    private final CalciteCrossCheck calcite;
    private final ViewDefinitions viewDefinitions;
    private final boolean deferCrossCheck;

    /**
     * @param calcite         null when the cross-check is off
     * @param deferCrossCheck whether queries get {@link CrossCheck#deferred()} rather than Calcite's answer
     */
    public StatementAnalyzer(long parseTimeoutMillis, int maxNestingDepth, CalciteCrossCheck calcite,
                             ViewDefinitions viewDefinitions, boolean deferCrossCheck) {
        this.parseTimeoutMillis = parseTimeoutMillis;
        this.maxNestingDepth = maxNestingDepth;
        this.crossCheck = calcite != null;
        this.calcite = calcite;
        this.viewDefinitions = viewDefinitions;
        this.deferCrossCheck = deferCrossCheck;
    }

    /**
     * Analyzes one statement.
     *
     * @param lexed    the text analyzed: the executed text, or the server's text when JDBC escapes were translated
     * @param original the SQL as given (statement offsets and text refer to it)
     */
    public StatementDraft statement(SqlLexer.Lexed lexed, String executed, SqlLexer.Segment seg, int index,
                                    Dialect dialect, Catalog catalog, String original, Translation tr) {
        StatementDraft d = new StatementDraft();
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
        KeywordStatements.typeByKeyword(seg, d);
        d.callFunction = call == CallKind.CALL_FUNCTION;
        Fingerprint fp = Fingerprints.of(lexed.text(), seg.tokens());
        KeywordHazards.lexical(seg, d);
        CrossCheck cc = crossCheck ? CrossCheck.notApplicable("not a query") : CrossCheck.disabled();
        java.util.Optional<QueryForms.Form> form = QueryForms.of(seg, dialect);
        if (form.isPresent()) {
            queryForm(form.get(), lexed, executed, seg, d, dialect, catalog);
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        JsqlParsing.Parsed parsed;
        boolean ddl = DdlStatements.applies(seg);
        try {
            parsed = JsqlParsing.parse(lexed.parseText().substring(seg.start(), seg.end()), dialect,
                    parseTimeoutMillis, maxNestingDepth);
        } catch (JsqlParsing.ParseFailure f) {
            if (ddl) {
                ddl(seg, d, dialect, catalog, executed, f.getMessage());
            } else {
                KeywordStatements.fallback(seg, d, f.getMessage());
            }
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        if (ddl && !queryBearing(parsed.statement())) {
            // DDL whose lineage does not matter: the tokens decide, whether or not the parser read it
            ddl(seg, d, dialect, catalog, executed, null);
            if (d.type == StatementType.CREATE_TABLE) d.definedColumns = DefinedColumns.of(parsed.statement(), dialect);
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        String differential = ParseCheck.compare(seg, seg.start(), parsed.tokens());
        if (differential != null) {
            KeywordHazards.of(seg, d);
            d.unknownReason = "lexer and parser disagree: " + differential;
            return finish(lexed.text(), seg, d, dialect, fp, cc);
        }
        Resolver r = new Resolver(dialect, catalog, viewDefinitions.views(dialect, catalog), executed, seg.start(), d,
                0);
        r.parameterPlaceholders(lexed.placeholders());
        try {
            new Statements(r, dialect, d).analyze(parsed.statement());
            r.finishFlows();
            r.checkAllColumnsVisited(parsed.root(), d.kind == StatementKind.QUERY || d.kind == StatementKind.DML);
        } catch (Unsupported u) {
            KeywordHazards.of(seg, d);
            d.unknownReason = u.getMessage();
            if ("SHOW".equals(KeywordStatements.leadingKeyword(seg)) && KeywordStatements.plainWords(seg)
                    && d.hazards.isEmpty()) {
                // SHOW of a setting by name (SHOW TRANSACTION ISOLATION LEVEL): it reads a setting, like SHOW x
                d.unknownReason = null;
                d.kind = StatementKind.UTILITY;
                d.type = StatementType.SHOW;
            }
        }
        if (call != null) callEscape(call, d, dialect);
        if (d.unknownReason == null && d.kind == StatementKind.QUERY && call == null && tr.identity()) {
            d.partitionRange = PartitionRanges.of(parsed.statement(), executed, seg, dialect, maxNestingDepth)
                    .orElse(null);
            d.rowsOnly = LiteralProjections.rowsOnly(parsed.statement());
        }
        if (d.unknownReason == null && call == null && d.kind == StatementKind.QUERY) {
            d.valueLiterals = ValueLiterals.of(parsed.statement(), r, seg);
            d.pinnedColumns = KeyPins.of(parsed.statement(), r).orElse(null);
        } else if (d.unknownReason == null && call == null && d.kind == StatementKind.DML
                && (d.type == StatementType.UPDATE || d.type == StatementType.DELETE)) {
            d.pinnedColumns = KeyPins.of(parsed.statement(), r).orElse(null);
        }
        if (d.unknownReason == null && calcite != null && d.kind == StatementKind.QUERY && call == null) {
            cc = deferCrossCheck ? CrossCheck.deferred() : calcite.check(dialect, catalog, d, fp);
        }
        return finish(lexed.text(), seg, d, dialect, fp, cc);
    }

    /** A statement of a form the parser reads only the query of ({@link QueryForms}). */
    private void queryForm(QueryForms.Form form, SqlLexer.Lexed lexed, String executed, SqlLexer.Segment seg,
                           StatementDraft d, Dialect dialect, Catalog catalog) {
        int start = form.queryStart();
        JsqlParsing.Parsed parsed;
        try {
            parsed = JsqlParsing.parse(lexed.parseText().substring(start, seg.end()), dialect, parseTimeoutMillis,
                    maxNestingDepth);
        } catch (JsqlParsing.ParseFailure f) {
            KeywordStatements.fallback(seg, d, f.getMessage());
            return;
        }
        if (!(parsed.statement() instanceof net.sf.jsqlparser.statement.select.Select query)) {
            KeywordHazards.of(seg, d);
            d.unknownReason = "the query of " + form.kind() + " is not a query";
            return;
        }
        List<SqlLexer.Tok> tail = new java.util.ArrayList<>();
        for (SqlLexer.Tok t : seg.tokens()) if (t.start >= start) tail.add(t);
        String differential = ParseCheck.compare(new SqlLexer.Segment(start, seg.end(), tail), start,
                parsed.tokens());
        if (differential != null) {
            KeywordHazards.of(seg, d);
            d.unknownReason = "lexer and parser disagree: " + differential;
            return;
        }
        Resolver r = new Resolver(dialect, catalog, viewDefinitions.views(dialect, catalog), executed, start, d, 0);
        r.parameterPlaceholders(lexed.placeholders());
        try {
            Statements statements = new Statements(r, dialect, d);
            statements.analyze(QueryForms.statement(form, query));
            if (form.kind() == QueryForms.Kind.MERGE_KEY) statements.upsertKeys(form.target(), form.keys());
            r.checkAllColumnsVisited(parsed.root(), true);
        } catch (Unsupported u) {
            KeywordHazards.of(seg, d);
            d.unknownReason = u.getMessage();
        }
    }

    private static StatementDraft finish(String text, SqlLexer.Segment seg, StatementDraft d, Dialect dialect,
                                         Fingerprint fp, CrossCheck cc) {
        StatementFacts.record(text, seg, d, dialect);
        d.fingerprint = fp;
        d.crossCheck = cc;
        return d;
    }

    /**
     * A statement written as a JDBC call escape. {@code {? = call f(args)}} was analyzed as {@code SELECT f(args)}:
     * it is type CALL_FUNCTION; its value goes to an OUT parameter, so the rewrite gives it no alias. PostgreSQL's
     * driver sends it as {@code call f(…)} when the connection's {@code escapeSyntaxCallMode} is {@code call}, so a
     * routine that is not a built-in function may be a procedure there.
     */
    private static void callEscape(CallKind call, StatementDraft d, Dialect dialect) {
        if (call == CallKind.CALL) {
            if (d.unknownReason == null
                    && d.type != StatementType.CALL) d.unknownReason = "JDBC call escape not understood";
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
                    && d.routineCategory != FunctionCategory.UNKNOWN
                            && d.routine.equals(d.routine.toLowerCase(Locale.ROOT));
            if (!builtin) d.hazard(Hazard.Kind.CALL, "CALL " + d.routine);
        }
    }

    /** DDL whose contents the analysis must follow: a query that fills a table or defines a view. */
    private static boolean queryBearing(net.sf.jsqlparser.statement.Statement st) {
        return st instanceof net.sf.jsqlparser.statement.create.table.CreateTable ct && ct.getSelect() != null
                || st instanceof net.sf.jsqlparser.statement.create.view.CreateView
                || st instanceof net.sf.jsqlparser.statement.create.view.AlterView;
    }

    /** Classifies DDL without a query from its tokens ({@link DdlStatements}), or makes it UNKNOWN. */
    private void ddl(SqlLexer.Segment seg, StatementDraft d, Dialect dialect, Catalog catalog, String executed,
                     String parseError) {
        Resolver r = new Resolver(dialect, catalog, viewDefinitions.views(dialect, catalog), executed, seg.start(), d,
                0);
        try {
            DdlStatements.Result res = DdlStatements.classify(seg, dialect,
                    name -> r.classify(name) == FunctionCategory.SCALAR);
            for (net.sf.jsqlparser.schema.Table t : res.written()) d.tablesWritten.add(r.newTableName(t));
            for (net.sf.jsqlparser.schema.Table t : res.read()) d.tablesRead.add(r.lookup(t).name());
            if (res.type() == StatementType.CREATE_INDEX) {
                for (net.sf.jsqlparser.schema.Table t : res.written()) r.schemaEmbedded(t, seg.tokens());
            }
            d.kind = StatementKind.DDL;
            d.type = res.type();
            KeywordHazards.of(seg, d);
        } catch (DdlStatements.Refused | Unsupported e) {
            KeywordHazards.of(seg, d);
            String kw = KeywordStatements.leadingKeyword(seg);
            d.unknownReason = parseError != null ? kw + " not understood: " + parseError + " (" + e.getMessage() + ")"
                    : e.getMessage();
        }
    }
}
