package dev.veil.analyzer.internal.escapes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * JDBC escape syntax ({@code {fn …}}, {@code {d …}}, {@code {t …}}, {@code {ts …}}, {@code {oj …}},
 * {@code {escape …}}, {@code {limit …}}, {@code {call …}}, {@code {? = call …}}), translated the way each vendor
 * driver translates it before the statement reaches the server, so that the analysis is of what the server runs.
 *
 * <p>The vendor drivers (pgjdbc 42.7, MariaDB Connector/J 3.5, H2 2.3) each scan the text with their own idea of
 * strings and comments. Each dialect's translator ({@link EscapeRules}) follows its driver's code step by step; every
 * brace a driver reads as escape
 * syntax must be a brace the database's lexer reads as code, and the other way round, or the text is refused (a
 * driver and the database disagreeing on a brace is exactly where what runs and what was analyzed could differ).
 *
 * <p>Statement-level call escapes are analyzed in a canonical form: {@code {call p(args)}} as {@code call p(args)}
 * (MariaDB and H2 send exactly that; pgjdbc sends {@code select * from p(args) as result} or {@code call p(args)},
 * depending on {@code escapeSyntaxCallMode}, both a call of routine p with these arguments), and
 * {@code {? = call f(args)}} as {@code SELECT f(args)} (MariaDB's {@code prepareCall} sends exactly that; pgjdbc
 * {@code select * from f(args) as result}, H2 {@code ? = call f(args)}).
 *
 * <p>The translated text comes with a map back to the original, so that a rewrite edits the original (which is what
 * is handed to the vendor driver, with its escapes) at the places the analysis found.
 */
public final class JdbcEscapes {

    private JdbcEscapes() { }

    /**
     * Translates the escapes of {@code executed} (the statement text as handed to the vendor driver) as the dialect's
     * vendor driver does.
     *
     * @param tokens the database lexer's tokens of {@code executed} (comments included)
     * @param segments the statements of {@code executed}
     * @throws EscapeRefused when the driver would refuse it, when the driver and the database read a brace
     *                       differently, or for an escape the analyzer does not model
     */
    public static Translation translate(String executed, Dialect dialect, List<SqlLexer.Tok> tokens,
            List<SqlLexer.Segment> segments) {
        if (executed.indexOf('{') < 0 && executed.indexOf('}') < 0) return new Translation(Frag.identity(executed),
                List.of());
        Set<Integer> codeBraces = new HashSet<>();
        for (SqlLexer.Tok t : tokens) {
            if (t.isOp("{") || t.isOp("}")) codeBraces.add(t.start);
        }
        EscapeRules rules = dialect.rules();
        Set<Integer> driverCode = rules.codeBraces(executed);
        // braces only in strings and comments, for the database and for the driver alike
        if (codeBraces.isEmpty() && driverCode.isEmpty()) return new Translation(Frag.identity(executed), List.of());
        Set<Integer> processed = new HashSet<>();
        List<CallEscape> calls = new ArrayList<>();
        Frag pre = callEscapes(executed, rules, segments, processed, calls);
        for (int b : processed) {
            if (!driverCode.contains(b)) throw new EscapeRefused("the driver does not read the call escape at offset "
                    + b + " as code");
        }
        Frag out = rules.translate(pre, processed);
        for (int b : codeBraces) {
            if (!processed.contains(b)) throw new EscapeRefused("the driver leaves the brace at offset " + b
                    + " for the database");
        }
        for (int b : processed) {
            if (!codeBraces.contains(b)) {
                throw new EscapeRefused("the driver reads a brace at offset " + b
                        + " as escape syntax where the database sees a string or comment");
            }
        }
        return new Translation(out, List.copyOf(calls));
    }

    // ---- call escapes ----------------------------------------------------------------------------------------------

    /**
     * Rewrites statement-level call escapes into their canonical form; everything else is copied for the driver's
     * translator. Only {@code {[? =] call name[(arguments)]}} filling a whole statement is accepted.
     */
    private static Frag callEscapes(String text, EscapeRules rules, List<SqlLexer.Segment> segments,
            Set<Integer> processed,
                                    List<CallEscape> calls) {
        Frag src = Frag.identity(text);
        FragBuilder b = new FragBuilder();
        int pos = 0;
        for (SqlLexer.Segment seg : segments) {
            List<SqlLexer.Tok> sig = seg.significant();
            if (sig.isEmpty() || !sig.get(0).isOp("{")) continue;
            int k = 1;
            boolean function = false;
            if (k + 1 < sig.size() && sig.get(k).kind == SqlLexer.Kind.PARAM && sig.get(k).value.equals("?")
                    && sig.get(k + 1).isOp("=")) {
                function = true;
                k += 2;
            }
            if (k >= sig.size() || !sig.get(k).isWord("call")) continue;
            SqlLexer.Tok callWord = sig.get(k);
            SqlLexer.Tok open = sig.get(0);
            SqlLexer.Tok close = sig.get(sig.size() - 1);
            if (!close.isOp("}")) throw new EscapeRefused("a JDBC call escape must fill its statement");
            k++;
            if (k >= sig.size() - 1
                    || sig.get(k).start == callWord.end) throw new
                    EscapeRefused("JDBC call escape without a routine name");
            int nameStart = sig.get(k).start;
            // name [. name]*
            while (true) {
                SqlLexer.Tok n = sig.get(k);
                if (n.kind != SqlLexer.Kind.WORD
                        && n.kind != SqlLexer.Kind.QUOTED_IDENT) throw new
                        EscapeRefused("JDBC call escape routine name");
                k++;
                if (k < sig.size() - 1 && sig.get(k).isOp(".")) {
                    k++;
                    if (k >= sig.size() - 1) throw new EscapeRefused("JDBC call escape routine name");
                    continue;
                }
                break;
            }
            int bodyEnd;
            if (k < sig.size() - 1 && sig.get(k).isOp("(")) {
                int depth = 0;
                int j = k;
                for (; j < sig.size() - 1; j++) {
                    if (sig.get(j).isOp("(")) depth++;
                    else if (sig.get(j).isOp(")") && --depth == 0) break;
                }
                if (j != sig.size() - 2) throw new EscapeRefused("a JDBC call escape must end with its argument list");
                bodyEnd = sig.get(j).end;
                rules.checkCallArguments(text, function, seg.tokens(), sig.get(k).start, bodyEnd);
            } else if (k == sig.size() - 1) {
                if (function) throw new EscapeRefused("JDBC function call escape without an argument list");
                bodyEnd = sig.get(k - 1).end;
            } else {
                throw new EscapeRefused("a JDBC call escape must be {[? =] call name(arguments)}");
            }
            b.add(src, pos, open.start);
            if (function) {
                b.synth("SELECT ", open.start, nameStart);
                b.add(src, nameStart, bodyEnd);
            } else {
                b.synth("", open.start, callWord.start);
                b.add(src, callWord.start, bodyEnd);
            }
            b.synth("", bodyEnd, close.end);
            pos = close.end;
            processed.add(open.start);
            processed.add(close.start);
            calls.add(new CallEscape(open.start, close.start, function ? CallKind.CALL_FUNCTION : CallKind.CALL));
        }
        b.add(src, pos, text.length());
        return b.build();
    }
}
