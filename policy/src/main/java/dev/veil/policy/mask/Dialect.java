package dev.veil.policy.mask;

/** The SQL dialects mask expressions are rendered for. The driver maps its own dialect notion onto these. */
public enum Dialect {
    POSTGRESQL,
    /** MariaDB and MySQL. */
    MARIADB,
    H2
}
