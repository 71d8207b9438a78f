package dev.veil.driver.pipeline;

import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.ValueType;
import java.util.List;

/**
 * What happens to one column reference of a statement: decided once per reference, from its data flows, by the
 * masking rules; the decision rules, the rewrite, the explanation and the usage events read it from the plan
 * ({@link StatementPlan.Builder#decision}).
 */
public sealed interface ReferenceOutcome {

    /** The reference stays as written; {@code why} says why (for the explanation). */
    record Keep(String why) implements ReferenceOutcome {
    }

    /** The reference is replaced by {@code sql} (a mask, or the stored column); {@code masks} as {@code col=mask}. */
    record Replace(String sql, List<String> masks) implements ReferenceOutcome {
        public Replace {
            masks = List.copyOf(masks);
        }
    }

    /**
     * The reference stays as written and the driver masks the values of result column {@code column} (1-based) as
     * rows are read ({@code veil.masking=driver}); {@code masks} as {@code col=mask}.
     */
    record MaskOnRead(int column, Mask mask, ValueType type, List<String> masks) implements ReferenceOutcome {
        public MaskOnRead {
            masks = List.copyOf(masks);
        }
    }

    /**
     * The statement is refused. {@code ifApproved}: for a use an approval of the DDL admits (schema-embedded), what
     * happens to the reference when the statement is held for approval; null when nothing admits it.
     */
    record Refuse(String message, ReferenceOutcome ifApproved) implements ReferenceOutcome {
        public Refuse(String message) {
            this(message, null);
        }

        public boolean awaitsApproval() {
            return ifApproved != null;
        }
    }
}
