package dev.veil.driver.pipeline;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import java.util.List;
import java.util.Set;

/**
 * What running a statement changes for Veil: DDL makes the cached catalog stale; SET, RESET, USE and DDL may change
 * the session's search path or settings, which Veil then reads again; a transaction's end may undo them.
 */
public record Effects(boolean changesSchema, boolean changesSession, Transaction transaction) {

    public static final Effects NONE = new Effects(false, false, Transaction.NONE);

    /** What a statement does to the session's transaction. */
    public enum Transaction { NONE, BEGINS, ROLLS_BACK_TO_SAVEPOINT, ENDS }

    private static final Set<String> SESSION_CHANGES = Set.of("SET", "RESET", "USE");

    /** The effects of running {@code statements}, in order. */
    public static Effects of(List<StatementAnalysis> statements) {
        boolean changesSchema = statements.stream().anyMatch(s -> s.kind() == StatementKind.DDL);
        boolean changesSession = statements.stream().anyMatch(Effects::changesWhatFollows);
        Transaction transaction = Transaction.NONE;
        for (StatementAnalysis s : statements) {
            if (s.kind() == StatementKind.TCL) {
                transaction = transactionEffect(s);
            }
        }
        return new Effects(changesSchema, changesSession, transaction);
    }

    /**
     * Whether a statement changes what the statements after it mean — the schema (DDL) or the session's search path
     * and settings — so that none may follow it in one text or batch: they were analyzed against the state before.
     */
    public static boolean changesWhatFollows(StatementAnalysis s) {
        return s.kind() == StatementKind.DDL || SESSION_CHANGES.contains(s.type());
    }

    /** Whether the statements after one with these effects would run against a schema or session not analyzed. */
    public boolean changesWhatFollows() {
        return changesSchema || changesSession;
    }

    private static Transaction transactionEffect(StatementAnalysis s) {
        List<String> tokens = List.of(s.fingerprint().normalized().split(" "));
        return switch (s.type()) {
            case "BEGIN", "START" -> Transaction.BEGINS;
            case "COMMIT", "END", "ABORT" -> Transaction.ENDS;
            case "ROLLBACK" -> tokens.contains("to") ? Transaction.ROLLS_BACK_TO_SAVEPOINT : Transaction.ENDS;
            default -> Transaction.NONE;
        };
    }

    /** The effects of this statement followed by {@code other}'s. */
    Effects and(Effects other) {
        return new Effects(changesSchema || other.changesSchema, changesSession || other.changesSession,
                other.transaction != Transaction.NONE ? other.transaction : transaction);
    }
}
