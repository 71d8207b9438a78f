package dev.veil.driver.session;

import dev.veil.analyzer.Dialect;
import java.util.Locale;
import java.util.Optional;

/** The database engines Veil understands, with the dialects of its analyzer and of its masks. */
public enum Engine {
    POSTGRESQL(Dialect.POSTGRESQL, dev.veil.policy.mask.Dialect.POSTGRESQL),
    MARIADB(Dialect.MARIADB, dev.veil.policy.mask.Dialect.MARIADB),
    H2(Dialect.H2, dev.veil.policy.mask.Dialect.H2);

    private final Dialect sqlDialect;
    private final dev.veil.policy.mask.Dialect maskDialect;

    Engine(Dialect sqlDialect, dev.veil.policy.mask.Dialect maskDialect) {
        this.sqlDialect = sqlDialect;
        this.maskDialect = maskDialect;
    }

    public Dialect sqlDialect() {
        return sqlDialect;
    }

    public dev.veil.policy.mask.Dialect maskDialect() {
        return maskDialect;
    }

    /** The engine a vendor JDBC URL names, e.g. {@code jdbc:postgresql:…}. */
    public static Optional<Engine> ofUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /** The engine a database reports as its product name. */
    public static Optional<Engine> ofProductName(String productName) {
        if (productName == null) {
            return Optional.empty();
        }
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return Optional.of(MARIADB);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }
}
