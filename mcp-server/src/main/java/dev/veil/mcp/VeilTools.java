package dev.veil.mcp;

import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilConnection;
import dev.veil.driver.jdbc.VeilStatement;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** The tools an agent sees: their schemas and descriptions, written for a model, and what each does. */
final class VeilTools {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast",
            "mysql", "performance_schema", "sys");

    private final Function<McpSyncServerExchange, AgentSession> sessions;
    private final Function<AgentProfile, CircuitBreaker> breakers;
    private final boolean writesAllowed;
    private final String reviewWhere;
    private final ExecutorService heldStatements;

    VeilTools(Function<McpSyncServerExchange, AgentSession> sessions, Function<AgentProfile, CircuitBreaker> breakers,
              boolean writesAllowed, String reviewWhere, ExecutorService heldStatements) {
        this.sessions = sessions;
        this.breakers = breakers;
        this.writesAllowed = writesAllowed;
        this.reviewWhere = reviewWhere;
        this.heldStatements = heldStatements;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                tool("list_tables", "List the tables and views you may query, by schema. Start here.",
                        schema(Map.of()), List.of(), true, this::listTables),
                tool("describe_table", "Describe one table: each column's name and type, and whether Veil treats it"
                        + " as sensitive (its class, how its values are masked in results, and whether it may be used"
                        + " in WHERE/JOIN conditions). Never returns data values. Use it before writing a query.",
                        schema(Map.of("table", prop("string", "the table, as schema.table or table"))),
                        List.of("table"), true, this::describeTable),
                tool("query", "Run one SQL statement through Veil and get the result as a compact table. Sensitive"
                        + " columns come back masked; conditions on sensitive columns may be refused. Results are cut"
                        + " at your row cap (the result says so): use WHERE, aggregates or LIMIT for large tables."
                        + " Writes are refused unless this server allows them for you. A risky statement is held for"
                        + " a human reviewer: you get a ticket at once; call check_approval with it later.",
                        schema(Map.of("sql", prop("string", "exactly one SQL statement, no trailing semicolon"))),
                        List.of("sql"), false, this::query),
                tool("explain", "Show what Veil would do with a statement without running it: its kind, the"
                        + " sensitive columns it touches and why, the masks, the SQL the database would receive, and"
                        + " whether it would be refused or held for a reviewer. Use it when unsure.",
                        schema(Map.of("sql", prop("string", "the SQL statement to explain"))), List.of("sql"), true,
                        this::explain),
                tool("check_approval", "Check a statement held for a human reviewer, by the ticket query returned."
                        + " While it waits, the answer says so (ask again later, not in a tight loop); once decided,"
                        + " you get the statement's result or why it did not run.",
                        schema(Map.of("ticket", prop("string", "the ticket, e.g. held-1"))), List.of("ticket"), true,
                        this::checkApproval));
    }

    private interface Handler {
        CallToolResult handle(AgentSession session, Map<String, Object> arguments) throws SQLException;
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
                                       List<String> required, boolean readOnly, Handler handler) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations(null, readOnly, false, true, false, null)).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            AgentSession session;
            try {
                session = sessions.apply(exchange);
            } catch (IdleSessions.Ended e) {
                return error(e.getMessage());
            }
            java.util.Optional<String> open = breakers.apply(session.agent()).admit();
            if (open.isPresent()) {
                return error(open.get());
            }
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            try {
                return handler.handle(session, arguments);
            } catch (SQLException e) {
                return error(Guidance.after(e));
            } catch (IllegalArgumentException e) {
                return error(e.getMessage());
            }
        }).build();
    }

    private static Map<String, Object> schema(Map<String, Object> properties) {
        return properties;
    }

    private static Map<String, Object> prop(String type, String description) {
        return Map.of("type", type, "description", description);
    }

    static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static String argument(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("the argument '" + name + "' is required (a non-empty string)");
        }
        return text.strip();
    }

    // ---- list_tables ------------------------------------------------------------------------------------------

    private CallToolResult listTables(AgentSession session, Map<String, Object> arguments) throws SQLException {
        return withTurn(session, () -> {
            DatabaseMetaData meta = session.connection().getMetaData();
            StringBuilder out = new StringBuilder("schema | table | type\n");
            int n = 0;
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String table = rs.getString("TABLE_NAME");
                    if (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))
                            || !TableAccess.allows(session.agent(), schema, table)) {
                        continue;
                    }
                    out.append(schema).append(" | ").append(table).append(" | ")
                            .append(rs.getString("TABLE_TYPE")).append('\n');
                    n++;
                }
            }
            return text(out.append('(').append(n).append(n == 1 ? " table)" : " tables)").toString());
        });
    }

    // ---- describe_table ---------------------------------------------------------------------------------------

    private CallToolResult describeTable(AgentSession session, Map<String, Object> arguments) throws SQLException {
        String name = argument(arguments, "table");
        String[] parts = name.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0] : null;
        String table = parts.length == 2 ? parts[1] : parts[0];
        if (!TableAccess.allows(session.agent(), schema, table)) {
            return error(TableAccess.refusal(session.agent(), name));
        }
        return withTurn(session, () -> describe(session, name, schema, table));
    }

    private CallToolResult describe(AgentSession session, String name, String schema, String requested)
            throws SQLException {
        String table = requested;
        {
            DatabaseMetaData meta = session.connection().getMetaData();
            List<String[]> columns = new ArrayList<>();
            String foundSchema = null;
            for (String candidate : new String[] {table, table.toLowerCase(Locale.ROOT),
                    table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getColumns(null, schema, candidate, "%")) {
                    while (rs.next()) {
                        foundSchema = rs.getString("TABLE_SCHEM");
                        columns.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                                "0".equals(rs.getString("NULLABLE")) ? "not null" : "null"});
                    }
                }
                if (!columns.isEmpty()) {
                    table = candidate;
                    break;
                }
            }
            if (columns.isEmpty()) {
                return error("there is no table " + name + " you may see; call list_tables for the tables");
            }
            String quote = meta.getIdentifierQuoteString().trim();
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                select.append(i == 0 ? "" : ", ").append(quote).append(columns.get(i)[0]).append(quote);
            }
            select.append(" FROM ").append(foundSchema == null ? "" : quote + foundSchema + quote + ".")
                    .append(quote).append(table).append(quote);
            Explanation explanation = session.connection().unwrap(VeilConnection.class).explain(select.toString());
            Map<String, Explanation.Column> sensitive = new LinkedHashMap<>();
            for (Explanation.Column c : explanation.columns()) {
                String column = c.column();
                sensitive.put(column.substring(column.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), c);
            }
            StringBuilder out = new StringBuilder("table " + (foundSchema == null ? "" : foundSchema + ".") + table
                    + "\ncolumn | type | nullable | class | mask | in conditions\n");
            for (String[] c : columns) {
                Explanation.Column s = sensitive.get(c[0].toLowerCase(Locale.ROOT));
                out.append(c[0]).append(" | ").append(c[1]).append(" | ").append(c[2]).append(" | ")
                        .append(s == null ? "not sensitive | none | allowed"
                                : s.sensitivityClass() + " | " + s.mask() + " | " + s.predicates())
                        .append('\n');
            }
            return text(out.toString());
        }
    }

    // ---- explain ----------------------------------------------------------------------------------------------

    private CallToolResult explain(AgentSession session, Map<String, Object> arguments) throws SQLException {
        String sql = argument(arguments, "sql");
        return withTurn(session, () -> text(session.connection().unwrap(VeilConnection.class).explain(sql)
                .render()));
    }

    // ---- query ------------------------------------------------------------------------------------------------

    private CallToolResult query(AgentSession session, Map<String, Object> arguments) throws SQLException {
        String sql = argument(arguments, "sql");
        AgentProfile agent = session.agent();
        AgentSession.Held waiting = session.waiting();
        if (waiting != null) {
            return error("your statement of ticket " + waiting.ticket() + " is still waiting for a reviewer, and"
                    + " this session runs one statement at a time: call check_approval with " + waiting.ticket()
                    + " later");
        }
        if (!session.turn().tryAcquire()) {
            return error("this session is busy with another statement; try again in a moment");
        }
        boolean handedOver = false;
        try {
            Explanation explanation = session.connection().unwrap(VeilConnection.class).explain(sql);
            if (explanation.refusal() != null) {
                return error(Guidance.after(new SQLException(explanation.refusal(),
                        dev.veil.driver.errors.VeilErrors.REFUSED_SQLSTATE)));
            }
            String scope = scopeRefusal(agent, explanation);
            if (scope != null) {
                return error(scope);
            }
            if ("HELD_FOR_APPROVAL".equals(explanation.decision())) {
                CompletableFuture<String> result = new CompletableFuture<>();
                Statement statement = session.connection().createStatement();
                AgentSession.Held held = session.hold(explanation.rule(), result,
                        () -> statement instanceof VeilStatement v ? v.awaitedApproval() : java.util.Optional.empty());
                heldStatements.submit(() -> {
                    try (statement) {
                        result.complete(run(session, statement, sql));
                    } catch (SQLException e) {
                        result.completeExceptionally(e);
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    } finally {
                        session.turn().release();
                    }
                });
                handedOver = true;
                return text("HELD FOR APPROVAL: the statement needs a human reviewer's approval (rule: "
                        + explanation.rule() + ") and has not run yet. Ticket: " + held.ticket() + "."
                        + requestLine(awaitRequest(held)) + " Reviewers decide " + reviewWhere + ". Call"
                        + " check_approval with ticket " + held.ticket() + " later to get the result; until then this"
                        + " session runs no other statement.");
            }
            try (Statement statement = session.connection().createStatement()) {
                return text(run(session, statement, sql));
            }
        } finally {
            if (!handedOver) {
                session.turn().release();
            }
        }
    }

    /** Why the agent's own limits refuse the statement, or null. */
    private String scopeRefusal(AgentProfile agent, Explanation explanation) {
        boolean readOnly = !writesAllowed || agent.readOnly();
        for (Explanation.Statement s : explanation.statements()) {
            if (readOnly && (!"QUERY".equals(s.kind()) || !s.tablesWritten().isEmpty())) {
                return "refused: this server is read-only for agent " + agent.name() + ", and the statement is a "
                        + s.type() + " (" + s.kind() + "). What you may do instead: run SELECT queries only; if the"
                        + " task needs a change to the data, tell the user which change, for a human to make.";
            }
            for (String table : s.tablesRead()) {
                if (!TableAccess.allows(agent, table)) {
                    return TableAccess.refusal(agent, table);
                }
            }
            for (String table : s.tablesWritten()) {
                if (!TableAccess.allows(agent, table)) {
                    return TableAccess.refusal(agent, table);
                }
            }
        }
        return null;
    }

    /** How long {@code query} waits for the approval server to name the request, so that the answer can say it. */
    private static final long REQUEST_ID_WAIT_MILLIS = 3000;

    private static java.util.Optional<String> awaitRequest(AgentSession.Held held) {
        long until = System.currentTimeMillis() + REQUEST_ID_WAIT_MILLIS;
        while (held.request().get().isEmpty() && !held.result().isDone() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return held.request().get();
    }

    private static String requestLine(java.util.Optional<String> request) {
        return request.map(id -> " Approval request: " + id + ".").orElse("");
    }

    /** Runs {@code sql} through Veil on the session's connection (the caller holds its turn). */
    private static String run(AgentSession session, Statement statement, String sql) throws SQLException {
        int cap = session.agent().rowCap();
        {
            statement.setMaxRows(cap + 1);
            boolean isResultSet = statement.execute(sql);
            if (isResultSet) {
                try (ResultSet rs = statement.getResultSet()) {
                    return ResultTable.render(rs, cap);
                }
            }
            long count = statement.getLargeUpdateCount();
            return count < 0 ? "done" : "done: " + count + (count == 1 ? " row" : " rows") + " affected";
        }
    }

    // ---- check_approval ---------------------------------------------------------------------------------------

    private CallToolResult checkApproval(AgentSession session, Map<String, Object> arguments) {
        String ticket = argument(arguments, "ticket");
        AgentSession.Held held = session.held(ticket);
        if (held == null) {
            return error("there is no ticket " + ticket + " in this session; query returns a ticket when it holds a"
                    + " statement for approval");
        }
        if (!held.result().isDone()) {
            return text("PENDING: ticket " + ticket + " (rule: " + held.rule() + ")" + requestLine(held.request().get())
                    + " still waits for a reviewer, who decides " + reviewWhere + ". Ask again later.");
        }
        try {
            return text("APPROVED and run (ticket " + ticket + "):\n" + held.result().join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                return error("ticket " + ticket + " did not run: " + Guidance.after(sql));
            }
            return error("ticket " + ticket + " did not run: it failed inside Veil");
        }
    }

    private interface Turn {
        CallToolResult run() throws SQLException;
    }

    private static CallToolResult withTurn(AgentSession session, Turn work) throws SQLException {
        AgentSession.Held waiting = session.waiting();
        if (waiting != null || !session.turn().tryAcquire()) {
            return error("this session is busy" + (waiting == null ? "" : ": ticket " + waiting.ticket()
                    + " waits for a reviewer (call check_approval)") + "; try again later");
        }
        try {
            return work.run();
        } finally {
            session.turn().release();
        }
    }
}
