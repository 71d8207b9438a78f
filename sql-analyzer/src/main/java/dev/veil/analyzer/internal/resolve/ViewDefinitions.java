package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.internal.CacheEviction;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.parsing.JsqlParsing;
import dev.veil.analyzer.internal.parsing.ParseCheck;

/**
 * Views resolved from their stored definitions with the same pipeline, recursively (depth at most 16, so cycles
 * end), cached per catalog identity, version, dialect and view: the lineage of each column, and the reads,
 * functions, hazards and predicate uses of the definition.
 */
public final class ViewDefinitions {

    private static final int MAX_VIEW_DEPTH = 16;

    private record ViewKey(String catalog, long version, Dialect dialect, TableName view) { }

    /** A view's lineage, or why it could not be computed. */
    private record ViewResult(ViewInfo info, String failure) { }

    private final ConcurrentHashMap<ViewKey, ViewResult> viewCache = new ConcurrentHashMap<>();
    private final long parseTimeoutMillis;
    private final int maxNestingDepth;
    private final int cacheSize;

    public ViewDefinitions(long parseTimeoutMillis, int maxNestingDepth, int cacheSize) {
        this.parseTimeoutMillis = parseTimeoutMillis;
        this.maxNestingDepth = maxNestingDepth;
        this.cacheSize = cacheSize;
    }

    /** The views of {@code catalog}, resolved from their definitions in {@code dialect}. */
    public Views views(Dialect dialect, Catalog catalog) {
        return (view, depth) -> {
            if (depth > MAX_VIEW_DEPTH) throw new Unsupported("views nested deeper than " + MAX_VIEW_DEPTH
                    + " (or cyclic)");
            ViewKey key = new ViewKey(catalog.identity(), catalog.version(), dialect, view.name());
            ViewResult res = viewCache.get(key);
            if (res == null) {
                res = resolveView(view, depth, dialect, catalog);
                if (viewCache.size() >= Math.max(64, cacheSize)) CacheEviction.evict(viewCache, Math.max(64,
                        cacheSize));
                viewCache.put(key, res);
            }
            if (res.failure() != null) throw new Unsupported(res.failure());
            return res.info();
        };
    }

    private ViewResult resolveView(Relation view, int depth, Dialect dialect, Catalog catalog) {
        String def = view.viewDefinition();
        if (def == null) return new ViewResult(null, "view " + view.name() + " has no definition in the catalog");
        SqlLexer.Lexed lexed = SqlLexer.lex(def, dialect, maxNestingDepth);
        if (lexed.error() != null || lexed.segments().size() != 1) {
            return new ViewResult(null, "view " + view.name() + " definition is not one statement");
        }
        SqlLexer.Segment seg = lexed.segments().get(0);
        StatementDraft d = new StatementDraft();
        d.text = def;
        try {
            JsqlParsing.Parsed parsed = JsqlParsing.parse(lexed.parseText().substring(seg.start(), seg.end()), dialect,
                    parseTimeoutMillis, maxNestingDepth);
            String differential = ParseCheck.compare(seg, seg.start(), parsed.tokens());
            if (differential != null) return new ViewResult(null, "view " + view.name() + ": " + differential);
            net.sf.jsqlparser.statement.select.Select select;
            if (parsed.statement() instanceof net.sf.jsqlparser.statement.select.Select s) select = s;
            else if (parsed.statement() instanceof net.sf.jsqlparser.statement.create.view.CreateView cv) select =
                    cv.getSelect();
            else return new ViewResult(null, "view " + view.name() + " definition is not a query");
            Resolver r = new Resolver(dialect, catalog, views(dialect, catalog), SqlLexer.executedText(lexed),
                    seg.start(), d, depth);
            List<Out> outs = r.query(select, null, Clause.OUTPUT, 0);
            r.checkAllColumnsVisited(parsed.root(), true);
            List<Lin> cols = new ArrayList<>();
            for (Out o : outs) cols.add(o.lin());
            return new ViewResult(new ViewInfo(List.copyOf(cols), Set.copyOf(d.tablesRead),
                    List.copyOf(d.functions), List.copyOf(d.hazards), List.copyOf(d.columnUses)), null);
        } catch (JsqlParsing.ParseFailure f) {
            return new ViewResult(null, "view " + view.name() + ": " + f.getMessage());
        } catch (Unsupported u) {
            return new ViewResult(null, "view " + view.name() + ": " + u.getMessage());
        }
    }
}
