package dev.veil.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.analyzer.TableName;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated-key names are plain column names of the written table before the vendor sees them. */
class KeyNamesTest {

    private static final TableName PEOPLE = new TableName(null, "app", "people");

    private static GeneratedKeys keys(boolean exempt) {
        return new GeneratedKeys(exempt, false, Map.of(PEOPLE,
                new GeneratedKeys.WrittenTable(List.of("id", "ssn", "city"), Set.of("ssn"))));
    }

    @Test
    void plainAndQuotedIdentifiersAreColumnNames() {
        assertThat(KeyNames.column("id")).contains("id");
        assertThat(KeyNames.column("\"id\"")).contains("id");
        assertThat(KeyNames.column("`id`")).contains("id");
        assertThat(KeyNames.column("_x$1")).contains("_x$1");
    }

    @Test
    void anythingElseIsNot() {
        for (String name : new String[] {"*", "*x", "**", "\"id\", ssn", "id, ssn", "id;", "\"i\"\"d\"", "",
                " id", "1id", "a.b", "\"*\"", null}) {
            assertThat(KeyNames.column(name)).as(String.valueOf(name)).isEmpty();
        }
    }

    @Test
    void checkedNamesRefusesWhatIsNotAColumnOfTheWrittenTable() throws SQLException {
        assertThat(keys(false).checkedNames(new String[] {"id", "CITY"})).containsExactly("id", "CITY");
        for (String bad : new String[] {"*x", "**", "\"id\", ssn", "nosuch"}) {
            assertThatThrownBy(() -> keys(false).checkedNames(new String[] {bad})).as(bad)
                    .isInstanceOf(SQLException.class).hasMessageContaining("rule: generated-keys")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
    }

    @Test
    void sensitiveColumnsAreRefusedExceptForExemptPrincipals() throws SQLException {
        assertThatThrownBy(() -> keys(false).checkedNames(new String[] {"Ssn"}))
                .hasMessageContaining("is sensitive");
        assertThat(keys(true).checkedNames(new String[] {"ssn"})).containsExactly("ssn");
        assertThatThrownBy(() -> keys(true).checkedNames(new String[] {"**"}))
                .hasMessageContaining("plain column name");
    }
}
