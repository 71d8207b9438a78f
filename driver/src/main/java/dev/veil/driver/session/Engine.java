package dev.veil.driver.session;

import dev.veil.analyzer.Dialect;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import java.util.Locale;
import java.util.Optional;

/** The database engines Veil understands, with the dialects of its analyzer and of its masks. */
public enum Engine {
    POSTGRESQL(Dialect.POSTGRESQL, MaskDialects.POSTGRESQL),
    MARIADB(Dialect.MARIADB, MaskDialects.MARIADB),
    H2(Dialect.H2, MaskDialects.H2);

    private final Dialect sqlDialect;
    private final MaskDialect maskDialect;

    Engine(Dialect sqlDialect, MaskDialect maskDialect) {
        this.sqlDialect = sqlDialect;
        this.maskDialect = maskDialect;
    }

    public Dialect sqlDialect() {
        return sqlDialect;
    }

    public MaskDialect maskDialect() {
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
