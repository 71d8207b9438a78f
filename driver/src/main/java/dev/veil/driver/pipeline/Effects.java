package dev.veil.driver.pipeline;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.TransactionEffect;
import java.util.List;

/**
 * What running a statement changes for Veil: DDL makes the cached catalog stale; SET, RESET, USE and DDL may change
 * the session's search path or settings, which Veil then reads again; a transaction's end may undo them.
 *
 * @param transaction what the statement does to the session's transaction (the last statement's that does anything)
 */
public record Effects(boolean changesSchema, boolean changesSession, TransactionEffect transaction) {

    public static final Effects NONE = new Effects(false, false, TransactionEffect.NONE);

    /** The effects of running {@code statements}, in order. */
    public static Effects of(List<StatementAnalysis> statements) {
        Effects effects = NONE;
        for (StatementAnalysis s : statements) {
            effects = effects.and(new Effects(s.kind() == StatementKind.DDL, changesWhatFollows(s),
                    s.transactionEffect()));
        }
        return effects;
    }

    /**
     * Whether a statement changes what the statements after it mean — the schema (DDL) or the session's search path
     * and settings — so that none may follow it in one text or batch: they were analyzed against the state before.
     */
    public static boolean changesWhatFollows(StatementAnalysis s) {
        return s.kind() == StatementKind.DDL || s.statementType().changesSession();
    }

    /** Whether the statements after one with these effects would run against a schema or session not analyzed. */
    public boolean changesWhatFollows() {
        return changesSchema || changesSession;
    }

    /** The effects of this statement followed by {@code other}'s. */
    Effects and(Effects other) {
        return new Effects(changesSchema || other.changesSchema, changesSession || other.changesSession,
                other.transaction != TransactionEffect.NONE ? other.transaction : transaction);
    }
}
