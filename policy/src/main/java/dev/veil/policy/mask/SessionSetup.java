package dev.veil.policy.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements a connection runs once, each with its bind parameter values ({@link String} or {@code byte[]}).
 *
 * @param statements the statements, in order
 */
public record SessionSetup(List<Statement> statements) {

    /**
     * One prepared statement.
     *
     * @param sql        SQL text with {@code ?} placeholders; it never contains a secret
     * @param parameters values for the placeholders, in order
     */
    public record Statement(String sql, List<Object> parameters) {
        public Statement {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String toString() {
            return sql + " [" + parameters.size() + " secret parameter(s)]";
        }
    }

    public SessionSetup {
        statements = List.copyOf(statements);
    }

    /** One statement. */
    public static SessionSetup of(String sql, List<Object> parameters) {
        return new SessionSetup(List.of(new Statement(sql, parameters)));
    }

    /** These statements, then one more. */
    public SessionSetup and(String sql, List<Object> parameters) {
        List<Statement> all = new ArrayList<>(statements);
        all.add(new Statement(sql, parameters));
        return new SessionSetup(all);
    }
}
