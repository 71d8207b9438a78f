package dev.veil.jdbc.delegation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method {@code T wrap(T vendorObject)} of a {@link JdbcWrapper} class: every delegated method that returns a
 * {@code T} passes its result through it, so that no vendor object of that type escapes.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface WrapsReturned {
}
