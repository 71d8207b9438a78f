package dev.veil.driver.engine;

import dev.veil.driver.engine.h2.H2Engine;
import dev.veil.driver.engine.mariadb.MariaDbEngine;
import dev.veil.driver.engine.postgresql.PostgreSqlEngine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The engines Veil understands; on any other, every statement is refused as not understood. */
public final class Engines {

    private static final List<Engine> ALL = List.of(new PostgreSqlEngine(), new MariaDbEngine(), new H2Engine());

    private Engines() {
    }

    public static List<Engine> all() {
        return ALL;
    }

    /** The engine a vendor JDBC URL names, e.g. {@code jdbc:postgresql:…}. */
    public static Optional<Engine> ofUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.acceptsUrl(url)).findFirst();
    }

    /** The engine a database reports as its product name. */
    public static Optional<Engine> ofProductName(String productName) {
        if (productName == null) {
            return Optional.empty();
        }
        String name = productName.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(e -> e.isProduct(name)).findFirst();
    }
}
