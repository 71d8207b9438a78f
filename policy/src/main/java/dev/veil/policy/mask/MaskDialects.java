package dev.veil.policy.mask;

import dev.veil.policy.mask.h2.H2Masks;
import dev.veil.policy.mask.mariadb.MariaDbMasks;
import dev.veil.policy.mask.postgresql.PostgreSqlMasks;
import java.util.List;

/**
 * The engines whose masks Veil writes. (The instances live here rather than on {@link MaskDialect}: a superclass
 * whose initialization creates its subclasses can deadlock against a thread initializing one of them.)
 */
public final class MaskDialects {

    public static final MaskDialect POSTGRESQL = new PostgreSqlMasks();
    /** MariaDB and MySQL. */
    public static final MaskDialect MARIADB = new MariaDbMasks();
    public static final MaskDialect H2 = new H2Masks();

    private static final List<MaskDialect> ALL = List.of(POSTGRESQL, MARIADB, H2);

    private MaskDialects() {
    }

    /** Every engine, for tests that hold each of them to the same properties. */
    public static List<MaskDialect> all() {
        return ALL;
    }
}
