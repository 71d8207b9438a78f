package dev.veil.driver.jdbc;

import dev.veil.driver.VeilErrors;
import dev.veil.driver.pipeline.Session;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for every wrapper: the wrapper itself answers for the interfaces it implements;
 * the vendor object is handed out only when {@code veil.allowUnwrap} permits it, because it bypasses every control.
 */
final class Unwrapping {

    private Unwrapping() {
    }

    static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> iface, Session session) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (session.allowUnwrap()) {
            return delegate.unwrap(iface);
        }
        throw VeilErrors.refused("unwrap to " + iface.getName() + " is refused: the vendor object would bypass"
                + " Veil (rule: veil.allowUnwrap is false)");
    }

    static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> iface, Session session)
            throws SQLException {
        return iface.isInstance(wrapper) || (session.allowUnwrap() && delegate.isWrapperFor(iface));
    }
}
