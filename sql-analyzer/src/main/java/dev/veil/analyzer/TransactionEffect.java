package dev.veil.analyzer;

/** What a transaction-control statement does to the session's transaction. */
public enum TransactionEffect {
    /** Not transaction control (or not understood). */
    NONE,
    /** BEGIN, START TRANSACTION. */
    BEGINS,
    /** COMMIT, END, ABORT, ROLLBACK (also with {@code AND NO CHAIN}). */
    ENDS,
    /** COMMIT AND CHAIN, ROLLBACK AND CHAIN: ends the transaction and starts the next one. */
    ENDS_AND_BEGINS,
    /** SAVEPOINT name. */
    SAVEPOINT,
    /** ROLLBACK [WORK] TO [SAVEPOINT] name: undoes what followed the savepoint; the transaction goes on. */
    ROLLS_BACK_TO_SAVEPOINT,
    /** RELEASE [SAVEPOINT] name. */
    RELEASES_SAVEPOINT
}
