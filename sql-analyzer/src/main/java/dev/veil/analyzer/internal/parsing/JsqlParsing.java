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
 * Runs JSqlParser on one statement's parse text with a timeout. Statements of ordinary length and nesting parse on
 * the calling thread, stopped by the {@link ParseWatchdog} at the timeout (no thread hand-off per statement); longer or
 * deeper ones parse on a shared bounded executor (JSqlParser's own default spawns a thread per parse), whose threads'
 * stacks Veil knows, whatever the caller's. Returns the statement, the root of its syntax tree and every token
 * JSqlParser read, so that {@link ParseCheck} can compare them with the lexer's tokens.
 */
public final class JsqlParsing {

    /** Up to this many characters and this parenthesis depth, a statement parses on the calling thread. */
    private static final int INLINE_MAX_LENGTH = 16_384;
    private static final int INLINE_MAX_DEPTH = 16;

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
            statements = inline(text) ? parseHere(p, timeoutMillis) : CCJSqlParserUtil.parseStatements(p, EXECUTOR);
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

    private static boolean inline(String text) {
        return text.length() <= INLINE_MAX_LENGTH && CCJSqlParserUtil.getNestingDepth(text) <= INLINE_MAX_DEPTH;
    }

    /**
     * What {@link CCJSqlParserUtil#parseStatements(CCJSqlParser, ExecutorService)} does, on this thread: the parser's
     * {@code Statements()}, failures as {@link JSQLParserException}, stopped by the watchdog at the timeout. A parser
     * stopped so takes shortcuts through the grammar, so whatever it returns then is a timeout, never a statement.
     */
    private static Statements parseHere(CCJSqlParser p, long timeoutMillis) throws JSQLParserException {
        ParseWatchdog.Watch watch = ParseWatchdog.start(p, timeoutMillis);
        Statements statements;
        try {
            statements = p.Statements();
        } catch (Exception e) {
            throw p.interrupted ? timedOut() : new JSQLParserException(e);
        } finally {
            ParseWatchdog.stop(watch);
        }
        if (p.interrupted) throw timedOut();
        return statements;
    }

    private static JSQLParserException timedOut() {
        return new JSQLParserException(new java.util.concurrent.TimeoutException("Time out occurred."));
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
