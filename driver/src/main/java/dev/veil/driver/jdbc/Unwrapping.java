package dev.veil.driver.jdbc;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Session;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for every wrapper: the wrapper itself answers for the interfaces it implements;
 * the object behind it is handed out only when {@code veil.allowUnwrap} permits it, because it bypasses every control.
 */
public final class Unwrapping {

    private Unwrapping() {
    }

    /**
     * A value read only when it is needed: whether unwrapping is allowed, and the object behind the wrapper, may not
     * be readable (a data source without its settings or target) while the wrapper can still answer for itself.
     */
    @FunctionalInterface
    public interface WhenNeeded<T> {
        T get() throws SQLException;
    }

    static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface, Session session) throws SQLException {
        return unwrap(wrapper, () -> delegate, "the vendor object", iface, session::allowUnwrap);
    }

    static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface, Session session)
            throws SQLException {
        return isWrapperFor(wrapper, () -> delegate, iface, session::allowUnwrap);
    }

    /** @param delegateName what the object behind the wrapper is, for the refusal */
    public static <T> T unwrap(Object wrapper, WhenNeeded<? extends Wrapper> delegate, String delegateName,
                               Class<T> iface, WhenNeeded<Boolean> allowed) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (allowed.get()) {
            return delegate.get().unwrap(iface);
        }
        throw VeilErrors.refused("unwrap to " + iface.getName() + " is refused: " + delegateName + " would bypass"
                + " Veil (rule: veil.allowUnwrap is false)");
    }

    public static boolean isWrapperFor(Object wrapper, WhenNeeded<? extends Wrapper> delegate, Class<?> iface,
                                       WhenNeeded<Boolean> allowed) throws SQLException {
        return iface.isInstance(wrapper) || (allowed.get() && delegate.get().isWrapperFor(iface));
    }
}
