package dev.veil.analyzer.internal.resolve;

/** How an unqualified name in an ordering, grouping or window clause chooses between outputs and inputs. */
public enum Binding {
    /** An output column of that name if there is one, otherwise an input column. */
    OUTPUT_FIRST,
    /** An input column of the block's own FROM clause if there is one, otherwise an output column. */
    INPUT_FIRST,
    /** Input columns only: output aliases are not visible. */
    INPUT_ONLY,
    /** Either, but a name that could be both (with different values) is refused: the rule is not certain. */
    EXCLUSIVE
}
