package dev.veil.driver.catalog;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.policy.classify.Classification;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Classification by physical identity: a column is sensitive when it is sensitive in any relation that shares its
 * stored rows (partition roots and partitions, inheritance parents and children, a synonym's table). A column its own
 * sources made sensitive keeps that class; one they left alone, or declared not sensitive, takes the first class a
 * relative gives the column of the same name — protection is never lost by reading the values under another name.
 */
public final class RelativeClasses {

    /** Classifies one relative by its own sources. */
    @FunctionalInterface
    public interface OwnClasses {
        Map<String, Classification> of(TableName relative) throws SQLException;
    }

    private RelativeClasses() {
    }

    public static Map<String, Classification> merge(Map<String, Classification> own, Relation relation,
            List<TableName> relatives, OwnClasses classes, BiPredicate<String, String> sameColumn)
            throws SQLException {
        if (relatives.isEmpty()) {
            return own;
        }
        Map<TableName, Map<String, Classification>> byRelative = new LinkedHashMap<>();
        for (TableName relative : relatives) {
            byRelative.put(relative, classes.of(relative));
        }
        Map<String, Classification> merged = new LinkedHashMap<>();
        for (CatalogColumn column : relation.columns()) {
            Classification found = own.get(column.name());
            for (int i = 0; found == null && i < relatives.size(); i++) {
                TableName relative = relatives.get(i);
                for (Map.Entry<String, Classification> e : byRelative.get(relative).entrySet()) {
                    if (sameColumn.test(e.getKey(), column.name())) {
                        Classification c = e.getValue();
                        found = new Classification(c.classId(), c.source(), c.evidence() + " (on " + relative
                                + ", which shares the rows of this relation)");
                        break;
                    }
                }
            }
            if (found != null) {
                merged.put(column.name(), found);
            }
        }
        return merged;
    }
}
