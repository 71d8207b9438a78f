package dev.veil.policy;

import dev.veil.policy.mask.Mask;
import java.util.Objects;

/**
 * A class of sensitive data: how its values are masked and what predicates on it may do.
 *
 * @param id          lower-case identifier, e.g. {@code email}
 * @param mask        the mask for its values
 * @param predicates  the predicate mode
 * @param description a short human description, may be empty
 */
public record SensitiveClass(String id, Mask mask, PredicateMode predicates, String description) {

    public SensitiveClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(predicates, "predicates");
        description = description == null ? "" : description;
    }
}
