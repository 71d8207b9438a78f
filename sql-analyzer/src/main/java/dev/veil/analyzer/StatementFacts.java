package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * Facts about a statement read from its tokens, whatever the parser made of it: the type its leading keyword names,
 * its effect on the transaction, whether an UPDATE or DELETE has its own WHERE.
 */
final class StatementFacts {

    private StatementFacts() { }

    /**
     * The type a leading keyword names (upper-cased): a type whose label is that one word, or OTHER. Types with an
     * underscore (CREATE_TABLE, …) are never a keyword.
     */
    static StatementType typeOfKeyword(String keyword) {
        if (keyword == null || keyword.indexOf('_') >= 0) return StatementType.OTHER;
        for (StatementType t : StatementType.values()) {
            if (t != StatementType.OTHER && t.label().equals(keyword)) return t;
        }
        return StatementType.OTHER;
    }

    /** The effect of a transaction-control statement of {@code type}, from its significant tokens. */
    static TransactionEffect transactionEffect(StatementType type, List<SqlLexer.Tok> tokens) {
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
            if (tokens.get(i).isWord("AND") && tokens.get(i + 1).isWord("CHAIN")) return TransactionEffect.ENDS_AND_BEGINS;
        }
        return TransactionEffect.ENDS;
    }

    private static boolean hasWord(List<SqlLexer.Tok> tokens, String word) {
        for (SqlLexer.Tok t : tokens) if (t.isWord(word)) return true;
        return false;
    }

    /** Whether the statement has a WHERE outside parentheses: the statement's own, not a subquery's. */
    static boolean topLevelWhere(String text, List<SqlLexer.Tok> tokens) {
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
    static boolean createsLinkedTable(String text, List<SqlLexer.Tok> tokens) {
        List<String> words = new ArrayList<>();
        for (SqlLexer.Tok t : tokens) {
            String w = Fingerprints.word(text, t);
            if (w != null) words.add(w);
        }
        // the word anywhere in a CREATE counts (a column named linked too): it errs on the side of reporting
        return words.size() > 2 && words.get(0).equals("create") && words.contains("linked");
    }
}
