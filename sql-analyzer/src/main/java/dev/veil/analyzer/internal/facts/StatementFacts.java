package dev.veil.analyzer.internal.facts;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TransactionEffect;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * Facts about a statement read from its tokens, whatever the parser made of it: the type its leading keyword names,
 * its effect on the transaction, the settings it names ({@link SettingNames}), whether an UPDATE or DELETE has its own
 * WHERE, and H2 linked tables.
 */
public final class StatementFacts {

    private StatementFacts() { }

    /** The facts read from the statement's tokens once its type and kind are known. */
    public static void record(String text, SqlLexer.Segment seg, StatementDraft d, Dialect dialect) {
        if (d.unknownReason == null && d.kind == StatementKind.TCL) {
            d.transactionEffect = transactionEffect(d.type, seg.significant());
        }
        d.settings = SettingNames.of(d.type, text, seg.tokens(), dialect.rules().setAssignsSeveral());
        d.hasWhere = (d.type == StatementType.UPDATE || d.type == StatementType.DELETE)
                && topLevelWhere(text, seg.tokens());
        if (dialect.rules().linkedTables() && createsLinkedTable(text, seg.tokens())) {
            d.hazard(Hazard.Kind.FOREIGN_DATA, "LINKED TABLE");
        }
    }

    /**
     * The type a leading keyword names (upper-cased): a type whose label is that one word, or OTHER. Types with an
     * underscore (CREATE_TABLE, …) are never a keyword.
     */
    public static StatementType typeOfKeyword(String keyword) {
        if (keyword == null || keyword.indexOf('_') >= 0) return StatementType.OTHER;
        for (StatementType t : StatementType.values()) {
            if (t != StatementType.OTHER && t.label().equals(keyword)) return t;
        }
        return StatementType.OTHER;
    }

    /** The effect of a transaction-control statement of {@code type}, from its significant tokens. */
    public static TransactionEffect transactionEffect(StatementType type, List<SqlLexer.Tok> tokens) {
        return switch (type) {
            case BEGIN, START -> TransactionEffect.BEGINS;
            case SAVEPOINT -> TransactionEffect.SAVEPOINT;
            case RELEASE -> TransactionEffect.RELEASES_SAVEPOINT;
            case ROLLBACK -> hasWord(tokens, "TO") ? TransactionEffect.ROLLS_BACK_TO_SAVEPOINT : end(tokens);
            case COMMIT, END, ABORT -> end(tokens);
            default -> TransactionEffect.NONE;
        };
    }

    /** {@code … AND CHAIN} starts the next transaction at once; {@code AND NO CHAIN} is the default. */
    private static TransactionEffect end(List<SqlLexer.Tok> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("AND") && tokens.get(i
                    + 1).isWord("CHAIN")) return TransactionEffect.ENDS_AND_BEGINS;
        }
        return TransactionEffect.ENDS;
    }

    private static boolean hasWord(List<SqlLexer.Tok> tokens, String word) {
        for (SqlLexer.Tok t : tokens) if (t.isWord(word)) return true;
        return false;
    }

    /** Whether the statement has a WHERE outside parentheses: the statement's own, not a subquery's. */
    public static boolean topLevelWhere(String text, List<SqlLexer.Tok> tokens) {
        int depth = 0;
        for (SqlLexer.Tok t : tokens) {
            String w = Fingerprints.word(text, t);
            if (w == null) continue;
            if (w.equals("(")) depth++;
            else if (w.equals(")")) depth--;
            else if (depth == 0 && w.equals("where")) return true;
        }
        return false;
    }

    /** H2 {@code CREATE [FORCE] [GLOBAL TEMPORARY] LINKED TABLE}: a table read through another connection. */
    public static boolean createsLinkedTable(String text, List<SqlLexer.Tok> tokens) {
        List<String> words = new ArrayList<>();
        for (SqlLexer.Tok t : tokens) {
            String w = Fingerprints.word(text, t);
            if (w != null) words.add(w);
        }
        // the word anywhere in a CREATE counts (a column named linked too): it errs on the side of reporting
        return words.size() > 2 && words.get(0).equals("create") && words.contains("linked");
    }
}
