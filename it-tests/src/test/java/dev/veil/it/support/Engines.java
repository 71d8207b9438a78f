package dev.veil.it.support;

import java.util.stream.Stream;

/** Argument sources for tests that run on several engines. */
public final class Engines {

    private Engines() {
    }

    /** H2, PostgreSQL and MariaDB. */
    public static Stream<TestDatabase> all() {
        return TestDatabases.all().stream();
    }

    /** The two server engines. */
    public static Stream<TestDatabase> servers() {
        return Stream.of(TestDatabases.postgres(), TestDatabases.mariadb());
    }
}
