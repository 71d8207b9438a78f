package dev.veil.driver.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.policy.classify.Classification;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A column is sensitive when any relation sharing its stored rows makes it so. */
class RelativeClassesTest {

    private static final TableName CHILD = new TableName("db", "public", "customers_p1");
    private static final TableName ROOT = new TableName("db", "public", "customers");
    private static final Classification NOTES = new Classification("free_text", Classification.Source.RULE,
            "rule 'customers.notes'");

    private static Relation child() {
        return new Relation(CHILD, Relation.Kind.TABLE, List.of(new CatalogColumn("id", 1, "int4", 4, true, null),
                new CatalogColumn("notes", 2, "text", 12, true, null)), null);
    }

    @Test
    void aRuleOnTheRootProtectsThePartition() throws SQLException {
        Map<String, Classification> merged = RelativeClasses.merge(Map.of(), child(), List.of(ROOT),
                t -> t.equals(ROOT) ? Map.of("notes", NOTES) : Map.of(), String::equalsIgnoreCase);
        assertThat(merged).containsOnlyKeys("notes");
        assertThat(merged.get("notes").classId()).isEqualTo("free_text");
        assertThat(merged.get("notes").evidence()).contains("customers");
    }

    @Test
    void ownClassesWinAndNoRelativesChangeNothing() throws SQLException {
        Classification own = new Classification("secret", Classification.Source.COMMENT, "tag");
        assertThat(RelativeClasses.merge(Map.of("notes", own), child(), List.of(ROOT),
                t -> Map.of("notes", NOTES), String::equals)).containsEntry("notes", own);
        assertThat(RelativeClasses.merge(Map.of(), child(), List.of(), t -> Map.of("notes", NOTES), String::equals))
                .isEmpty();
    }
}
