package dev.veil.flink.jdbc32;

/**
 * {@code jdbc:veil:mysql:} and {@code jdbc:veil:mariadb:} URLs: the connector's MySQL dialect (the connector has no
 * MariaDB dialect; MariaDB speaks MySQL's SQL, and Veil connects with the URL's own driver).
 */
public final class VeilMySqlDialectFactory extends VeilJdbcDialectFactory {

    public VeilMySqlDialectFactory() {
        super("mysql", "mysql", "mariadb");
    }
}
