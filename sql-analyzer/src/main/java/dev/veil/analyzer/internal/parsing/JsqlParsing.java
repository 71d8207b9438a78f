package dev.veil.analyzer.internal.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.veil.analyzer.Dialect;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Runs JSqlParser on one statement's parse text, on a shared bounded executor (JSqlParser's own default spawns a
 * thread per parse) with a timeout. Returns the statement, the root of its syntax tree and every token JSqlParser
 * read, so that {@link ParseCheck} can compare them with the lexer's tokens.
 */
public final class JsqlParsing {

    /** Daemon threads, one per core: parsing is CPU-bound, more threads would not help. */
    private static final ExecutorService EXECUTOR;

    static {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "veil-sql-parse-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        EXECUTOR = pool;
    }

    public record Parsed(Statement statement, Node root, List<Token> tokens) { }

    public static final class ParseFailure extends Exception {
        ParseFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Gives access to the parse tree root, which JSqlParser keeps in a protected field. */
    private static final class TreeParser extends CCJSqlParser {
        TreeParser(String text) {
            super(new StringProvider(text));
        }

        Node root() {
            return jjtree.rootNode();
        }
    }

    private JsqlParsing() { }

    public static Parsed parse(String text, Dialect dialect, long timeoutMillis, int maxDepth) throws ParseFailure {
        TreeParser p = new TreeParser(text);
        Token head = p.token;
        dialect.rules().configureParser(p);
        p.withTimeOut(timeoutMillis).withAllowedNestingDepth(maxDepth);
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(p, EXECUTOR);
        } catch (JSQLParserException e) {
            throw new ParseFailure(describe(e));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ParseFailure("parser failed: " + e.getClass().getSimpleName());
        }
        if (statements == null || statements.size() != 1) {
            int n = statements == null ? 0 : statements.size();
            throw new ParseFailure("the parser saw " + n + " statements where the lexer saw one");
        }
        List<Token> tokens = new ArrayList<>();
        for (Token t = head.next; t != null && t.kind != 0; t = t.next) tokens.add(t);
        return new Parsed(statements.get(0), p.root(), tokens);
    }

    private static final java.util.regex.Pattern POSITION =
            java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

    /** The failure with its position only: parser messages quote tokens, which may be data values. */
    private static String describe(JSQLParserException e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        String m = c.getMessage() == null ? "" : c.getMessage();
        if (m.contains("Time out")) return "parse timed out";
        java.util.regex.Matcher pos = POSITION.matcher(m);
        if (pos.find()) return "syntax error at line " + pos.group(1) + ", column " + pos.group(2);
        return "syntax error";
    }
}
