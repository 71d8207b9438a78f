package dev.veil.analyzer;

import java.util.List;
import java.util.Set;

/**
 * The result of comparing the analyzer's lineage with Apache Calcite's for one statement.
 *
 * @param status        whether Calcite answered and agreed
 * @param detail        why Calcite could not answer, when it could not
 * @param disagreements output columns whose sources differ; the analysis reports the union of both
 */
public record CrossCheck(Status status, String detail, List<Disagreement> disagreements) {

    public enum Status {
        /** The cross-check is switched off. */
        DISABLED,
        /**
         * Not run yet: the analyzer defers it ({@link SqlAnalyzer.Options#deferCrossCheck()}) until the caller, who
         * knows whether the lineage of this query matters, asks for it with {@link SqlAnalyzer#crossCheck}.
         */
        DEFERRED,
        /** Calcite could not parse or validate the statement, or the statement is not a query it can check. */
        NOT_APPLICABLE,
        AGREED,
        DISAGREED
    }

    /** One output column on which the two lineages differ. */
    public record Disagreement(int column, String label, Set<BaseColumn> analyzer, Set<BaseColumn> calcite) {
        public Disagreement {
            analyzer = Set.copyOf(analyzer);
            calcite = Set.copyOf(calcite);
        }
    }

    public CrossCheck {
        disagreements = List.copyOf(disagreements);
    }

    private static final CrossCheck DISABLED_CHECK = new CrossCheck(Status.DISABLED, null, List.of());

    private static final CrossCheck DEFERRED_CHECK = new CrossCheck(Status.DEFERRED, null, List.of());

    /** The cross-check applies but waits for {@link SqlAnalyzer#crossCheck}. */
    public static CrossCheck deferred() {
        return DEFERRED_CHECK;
    }

    /** The cross-check was switched off. */
    public static CrossCheck disabled() {
        return DISABLED_CHECK;
    }

    /** Calcite could not answer, for the reason given. */
    public static CrossCheck notApplicable(String why) {
        return new CrossCheck(Status.NOT_APPLICABLE, why, List.of());
    }
}
