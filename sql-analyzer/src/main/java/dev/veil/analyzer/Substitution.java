package dev.veil.analyzer;

import java.util.Objects;

/** A {@link ColumnSubstitution}'s answer for one column reference: keep it, replace it, or refuse the rewrite. */
public final class Substitution {

    enum Action { KEEP, REPLACE, REFUSE }

    private static final Substitution KEEP = new Substitution(Action.KEEP, null);

    final Action action;
    final String text;

    private Substitution(Action action, String text) {
        this.action = action;
        this.text = text;
    }

    public static Substitution keep() {
        return KEEP;
    }

    /** Replace the reference with {@code sqlExpression}, a complete SQL expression in the statement's dialect. */
    public static Substitution replaceWith(String sqlExpression) {
        Objects.requireNonNull(sqlExpression, "sqlExpression");
        if (sqlExpression.isBlank()) throw new IllegalArgumentException("empty replacement");
        return new Substitution(Action.REPLACE, sqlExpression);
    }

    /** Refuse to rewrite the statement; {@code reason} becomes the rewrite's refusal. */
    public static Substitution refuse(String reason) {
        return new Substitution(Action.REFUSE, Objects.requireNonNull(reason, "reason"));
    }
}
