package dev.veil.driver.engine;

import dev.veil.analyzer.TableName;
import java.util.Locale;
import java.util.Set;

/**
 * The system objects of one engine no client of Veil may read, exempt or not: they hold other sessions' statements
 * and variables (Veil's hash secrets among them) or column statistics with real values. This list backs up the
 * analyzer's own; it errs on the side of refusing.
 */
public final class SystemObjects {

    private final Set<String> anywhere;
    private final Set<String> schemas;
    private final Set<String> inInformationSchema;

    private SystemObjects(Set<String> anywhere, Set<String> schemas, Set<String> inInformationSchema) {
        this.anywhere = Set.copyOf(anywhere);
        this.schemas = Set.copyOf(schemas);
        this.inInformationSchema = Set.copyOf(inInformationSchema);
    }

    /**
     * @param anywhere            relation names refused in any schema
     * @param schemas             schemas every relation of which is refused
     * @param inInformationSchema relation names refused in {@code information_schema}
     *                            (all names lower case)
     */
    public static SystemObjects of(Set<String> anywhere, Set<String> schemas, Set<String> inInformationSchema) {
        return new SystemObjects(anywhere, schemas, inInformationSchema);
    }

    /** Whether no client may read {@code table}. */
    public boolean forbidden(TableName table) {
        String schema = table.schema() == null ? "" : table.schema().toLowerCase(Locale.ROOT);
        String name = table.name().toLowerCase(Locale.ROOT);
        return anywhere.contains(name) || schemas.contains(schema)
                || (schema.equals("information_schema") && inInformationSchema.contains(name));
    }
}
