package dev.veil.analyzer.internal.resolve;

import java.util.List;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

/**
 * The operator names a binary expression calls, where its keywords hide them: PostgreSQL runs {@code LIKE} as
 * {@code ~~}, {@code NOT ILIKE} as {@code !~~*}, {@code SIMILAR TO} as {@code ~}, {@code IS DISTINCT FROM} with
 * {@code =} — each an operator a user may define for operand types the built-ins do not match exactly.
 */
final class ImpliedOperators {

    private ImpliedOperators() {
    }

    static List<String> of(BinaryExpression expression) {
        if (expression instanceof LikeExpression like) {
            String not = like.isNot() ? "!" : "";
            return switch (like.getLikeKeyWord()) {
                case LIKE -> List.of(not + "~~");
                case ILIKE -> List.of(not + "~~*");
                case SIMILAR_TO -> List.of(not + "~");
                default -> List.of(expression.getStringExpression().trim());
            };
        }
        if (expression instanceof IsDistinctExpression) {
            return List.of("=");
        }
        return List.of(expression.getStringExpression().trim());
    }
}
