package dev.veil.jdbc.delegation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method {@code void guard(String method, int column)} or {@code void guard(String method, String label)}
 * (or the same returning {@code boolean}, below) of
 * a {@link JdbcWrapper} class: every delegated method whose first parameter is an {@code int} (for the first form)
 * or a {@code String} (for the second) calls it with its own name and that argument before reaching the wrapped
 * object, so that the wrapper can refuse a column without knowing every method that takes one. Methods added to the
 * interface later are guarded too; a method whose first parameter of that type is not a column must be named in
 * {@link #except()}.
 *
 * <p>A guard that returns {@code boolean} answers whether the call is answered as SQL NULL without reaching the
 * wrapped object: the generated method then returns {@code null}, zero or {@code false} (or nothing, when void).
 *
 * <p>A guarded method must be able to throw an {@code SQLException}, so that the guard can refuse it.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface GuardsColumns {
    /**
     * Methods of the wrapped interface whose first parameter has the guard's type but is not a column (such as
     * {@code ResultSet.absolute(int row)}): they are delegated unguarded. Each must name such a method.
     */
    String[] except() default {};
}
