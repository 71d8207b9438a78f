package dev.veil.driver.engine.mariadb;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MariaDB's SEQUENCE engine answers for {@code seq_1_to_100} (and {@code seq_1_to_100_step_2}) in any database
 * where no table of that name exists: a virtual table of one column {@code seq}. JDBC metadata does not list them.
 */
final class MariaDbSequences {

    private static final Pattern NAME = Pattern.compile("seq_\\d+_to_\\d+(_step_\\d+)?");

    private MariaDbSequences() {
    }

    static Optional<Relation> relation(TableName key) {
        if (!NAME.matcher(key.name()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Relation(key, Relation.Kind.TABLE,
                List.of(new CatalogColumn("seq", 1, "BIGINT UNSIGNED", Types.BIGINT, false, null)), null));
    }
}
