package dev.veil.jdbc.delegation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract wrapper class whose remaining methods of {@link #value()} are delegated, at compile time, to the
 * wrapped object held in its field {@code delegate}. The processor writes a final subclass named
 * {@code <Wrapper>Impl}.
 *
 * <p>The processor refuses to delegate, and so forces the wrapper to implement by hand:
 * <ul>
 *   <li>{@code unwrap} and {@code isWrapperFor} — they would hand out the vendor object;</li>
 *   <li>methods that take SQL text ({@code execute*}, {@code addBatch}, {@code prepare*}, {@code nativeSQL}) — every
 *       statement must pass through Veil's pipeline;</li>
 *   <li>every {@code execute*} method of the statement interfaces, with or without SQL — every execution must pass
 *       through the pipeline;</li>
 *   <li>methods returning a JDBC object that leads back to the vendor driver (connections, statements, result sets,
 *       metadata, arrays) — unless the wrapper declares a {@link WrapsReturned} method for that type.</li>
 * </ul>
 *
 * <p>Every delegated method that may throw an {@code SQLException} passes what the vendor threw through the wrapper's
 * {@link TranslatesErrors} method; a wrapper with such a method and no translation does not compile.
 *
 * <p>A wrapper that must refuse some columns declares {@link GuardsColumns} methods: every delegated method whose first
 * parameter is a column index ({@code int}) or label ({@code String}) calls the matching guard before reaching the
 * wrapped object, so that only the methods the wrapper writes by hand can serve such a column.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface JdbcWrapper {
    /** The JDBC interface being wrapped. */
    Class<?> value();
}
