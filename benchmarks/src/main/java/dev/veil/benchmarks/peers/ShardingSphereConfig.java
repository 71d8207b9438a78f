package dev.veil.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ShardingSphere-JDBC's YAML for one database: a single data source (its own HikariCP pool, as in ShardingSphere's
 * documentation), every single table loaded, and mask rules on the columns Veil masks by default —
 * {@code email} masked before the {@code @} (Veil: {@code j***@example.com}), {@code phone} keeping its last two
 * characters (as Veil's built-in phone class) and its first, the {@code +} (ShardingSphere's algorithm insists on
 * keeping at least one). Nothing else is configured: SQL logging ({@code sql-show}) stays off,
 * as it is by default.
 */
final class ShardingSphereConfig {

    private ShardingSphereConfig() {
    }

    static Path write(BenchDatabase database, Path dir) throws IOException {
        // PostgreSQL tables are named database.schema.table in the single-table rule, the others database.table
        String allTables = database.key().equals("postgresql") ? "\"*.*.*\"" : "\"*.*\"";
        String yaml = """
                databaseName: veil_bench_%s
                mode:
                  type: Standalone
                  repository:
                    type: JDBC
                dataSources:
                  ds:
                    dataSourceClassName: com.zaxxer.hikari.HikariDataSource
                    jdbcUrl: %s
                    username: %s
                    password: %s
                rules:
                - !SINGLE
                  tables:
                    - %s
                - !MASK
                  tables:
                    %s:
                      columns:
                        email:
                          maskAlgorithm: email_mask
                        phone:
                          maskAlgorithm: phone_mask
                  maskAlgorithms:
                    email_mask:
                      type: MASK_BEFORE_SPECIAL_CHARS
                      props:
                        special-chars: '@'
                        replace-char: '*'
                    phone_mask:
                      type: KEEP_FIRST_N_LAST_M
                      props:
                        first-n: 1
                        last-m: 2
                        replace-char: '*'
                """.formatted(database.key(), quoted(database.url()), quoted(database.user()),
                quoted(database.password()), allTables, BenchDatabase.TABLE);
        Path file = dir.resolve("shardingsphere-" + database.key() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static String quoted(String value) {
        return value == null ? "''" : "'" + value.replace("'", "''") + "'";
    }
}
