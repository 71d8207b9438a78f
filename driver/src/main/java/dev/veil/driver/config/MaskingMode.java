package dev.veil.driver.config;

import java.util.Locale;

/** Where the values of plain top-level projections of sensitive columns are masked ({@code veil.masking}). */
public enum MaskingMode {
    /** In the SQL the database runs: no raw value of a sensitive column leaves the database. The default. */
    DATABASE,
    /**
     * In the driver, as rows are read, for plain top-level projections of text columns: the raw value crosses the
     * network to the driver process. Everything else is still masked in SQL.
     */
    DRIVER;

    static MaskingMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "database" -> DATABASE;
            case "driver" -> DRIVER;
            default -> throw new IllegalArgumentException("not a masking mode");
        };
    }
}
