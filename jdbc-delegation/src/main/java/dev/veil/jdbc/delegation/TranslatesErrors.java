package dev.veil.jdbc.delegation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method {@code SQLException translate(SQLException vendorError)} of a {@link JdbcWrapper} class: every
 * delegated method that may throw an {@code SQLException} passes what the vendor object threw through it and throws
 * its result instead. A wrapper with a delegated method that may throw must declare one, so that no database message
 * reaches the caller unseen.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface TranslatesErrors {
}
