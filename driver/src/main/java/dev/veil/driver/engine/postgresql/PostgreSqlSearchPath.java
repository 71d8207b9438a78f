package dev.veil.driver.engine.postgresql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schemas PostgreSQL searches for an unqualified relation name, in its order. {@code current_schemas(true)} is
 * the database's own answer for the schemas that exist: the session's temporary schema first unless
 * {@code search_path} lists {@code pg_temp} elsewhere, {@code pg_catalog} first unless listed. It leaves out the
 * {@code search_path} entries that name no schema yet ({@code "$user"}, a schema created later by any connection):
 * those are kept here, at their place, so a table created in one later is found where the database will find it.
 */
final class PostgreSqlSearchPath {

    private PostgreSqlSearchPath() {
    }

    /**
     * @param effective  {@code current_schemas(true)}
     * @param setting    {@code current_setting('search_path')}
     * @param user       {@code current_user}, what {@code "$user"} stands for
     * @param missing    which of the setting's entries name no schema (see {@link #entries})
     */
    static List<String> of(List<String> effective, String setting, String user, Set<String> missing) {
        List<String> explicit = new ArrayList<>();
        for (String entry : entries(setting, user)) {
            String temp = effective.stream().filter(s -> s.startsWith("pg_temp_")).findFirst().orElse(null);
            explicit.add(entry.equals("pg_temp") && temp != null ? temp : entry);
        }
        Set<String> path = new LinkedHashSet<>();
        for (String schema : effective) {
            if (!explicit.contains(schema)) {
                path.add(schema); // implicit: the temporary schema, pg_catalog
            }
        }
        for (String schema : explicit) {
            if (effective.contains(schema) || missing.contains(schema)) {
                path.add(schema);
            }
        }
        return List.copyOf(path);
    }

    /**
     * Whether {@code pg_catalog} comes before every schema of {@code path} (as {@link #of} orders it, schemas that do
     * not exist yet included) but the session's temporary one, which PostgreSQL searches for relations and types only.
     */
    static boolean builtinsFirst(List<String> path) {
        for (String schema : path) {
            if (schema.equals("pg_catalog")) {
                return true;
            }
            if (!schema.startsWith("pg_temp_")) {
                return false;
            }
        }
        return false;
    }

    /** The setting's entries as schema names: quotes removed, {@code $user} replaced, {@code pg_temp} as is. */
    static List<String> entries(String setting, String user) {
        List<String> entries = new ArrayList<>();
        int i = 0;
        int n = setting.length();
        while (i < n) {
            while (i < n && (setting.charAt(i) == ',' || Character.isWhitespace(setting.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder name = new StringBuilder();
            boolean quoted = setting.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < n) {
                    char c = setting.charAt(i++);
                    if (c == '"') {
                        if (i < n && setting.charAt(i) == '"') {
                            name.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (i < n && setting.charAt(i) != ',' && !Character.isWhitespace(setting.charAt(i))) {
                    name.append(setting.charAt(i++));
                }
            }
            String entry = quoted ? name.toString() : name.toString().toLowerCase(java.util.Locale.ROOT);
            entries.add(entry.equals("$user") ? user : entry);
        }
        return entries;
    }
}
