package dev.veil.mcp;

import java.util.Locale;

/** Whether an agent may touch a table: its {@code tables} list, by {@code schema.table} or by bare name. */
final class TableAccess {

    private TableAccess() {
    }

    /** {@code qualified}: as the analyzer names it, e.g. {@code app.public.orders} (catalog, schema, table). */
    static boolean allows(AgentProfile agent, String qualified) {
        if (agent.tables().isEmpty()) {
            return true;
        }
        String q = qualified.toLowerCase(Locale.ROOT);
        for (String allowed : agent.tables()) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (q.equals(a) || q.endsWith("." + a)) {
                return true;
            }
        }
        return false;
    }

    static boolean allows(AgentProfile agent, String schema, String table) {
        if (agent.tables().isEmpty()) {
            return true;
        }
        String bare = unquote(table);
        if (schema != null) {
            return allows(agent, unquote(schema) + "." + bare);
        }
        for (String allowed : agent.tables()) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (a.equals(bare) || a.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }

    static String refusal(AgentProfile agent, String table) {
        return "refused: agent " + agent.name() + " may not use table " + table + ". What you may do instead: use"
                + " only the tables list_tables shows (" + String.join(", ", agent.tables()) + ").";
    }

    private static String unquote(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() > 1 && (n.startsWith("\"") || n.startsWith("`")) ? n.substring(1, n.length() - 1) : n;
    }
}
