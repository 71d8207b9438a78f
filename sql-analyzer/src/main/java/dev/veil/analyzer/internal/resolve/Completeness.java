package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.IdentityHashMap;

import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * The completeness check: every column and relation reference in the parse tree must have been visited by the
 * resolver; one it never visited sits in a position the resolver does not know, and the statement is refused.
 */
final class Completeness {

    private final Resolver r;
    private final IdentityHashMap<Column, Boolean> visited = new IdentityHashMap<>();
    private final IdentityHashMap<Table, Boolean> visitedTables = new IdentityHashMap<>();

    Completeness(Resolver r) {
        this.r = r;
    }

    /** Marks a relation reference as handled. */
    void markTable(Table t) {
        visitedTables.put(t, Boolean.TRUE);
    }

    /** Marks a column reference as handled. */
    void markColumn(Column c) {
        visited.put(c, Boolean.TRUE);
    }

    /**
     * Fails when the parse tree holds a column reference, or (with {@code relations}) a relation reference, that the
     * resolver never visited: a position it does not know.
     */
    void check(Node root, boolean relations) {
        if (root == null) throw new Unsupported("no parse tree");
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (n.jjtGetValue() instanceof Column c && !visited.containsKey(c)) {
                throw new Unsupported("column reference " + r.fold(c.getColumnName()) + " in an unsupported position");
            }
            if (relations && n.jjtGetValue() instanceof Table t && !visitedTables.containsKey(t)) {
                throw new Unsupported("relation reference " + t.getName() + " in an unsupported position");
            }
            for (int i = 0; i < n.jjtGetNumChildren(); i++) stack.add(n.jjtGetChild(i));
        }
    }
}
