package dev.veil.driver.engine.h2;

import dev.veil.driver.engine.SystemObjects;
import java.util.Set;

/** H2's system objects no client may read: other sessions, their statements and locks. */
final class H2SystemObjects {

    static final SystemObjects FORBIDDEN = SystemObjects.of(Set.of(), Set.of(),
            Set.of("sessions", "session_state", "settings", "query_statistics", "locks", "in_doubt"));

    private H2SystemObjects() {
    }
}
