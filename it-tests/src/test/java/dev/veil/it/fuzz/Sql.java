package dev.veil.it.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A generated statement as a tree, so that a failing one can be made smaller: a node is a sequence of text and child
 * nodes, or a list joined by a separator. Nodes marked {@link #optional()} may be dropped, and nodes with a
 * {@link #hoist(Sql) hoist} child may be replaced by that child; the {@link Minimizer} tries both while the finding
 * still reproduces.
 */
final class Sql {

    private final List<Object> parts;
    private final String separator; // null: a sequence; otherwise a list
    private boolean optional;
    private Sql hoistChild;
    private boolean dropped;
    private boolean hoisted;

    private Sql(List<Object> parts, String separator) {
        this.parts = parts;
        this.separator = separator;
    }

    /** A sequence of strings and nodes. */
    static Sql of(Object... parts) {
        return new Sql(new ArrayList<>(Arrays.asList(parts)), null);
    }

    /** A sequence the minimizer may drop (a clause, a join, an item). */
    static Sql opt(Object... parts) {
        Sql s = of(parts);
        s.optional = true;
        return s;
    }

    /** A list joined by {@code separator}; its items are usually {@link #opt optional}. */
    static Sql list(String separator, List<?> items) {
        return new Sql(new ArrayList<>(items), separator);
    }

    /**
     * A node from text produced with placeholders: {@code \u0001} stands for {@code args[0]}, {@code \u0002} for
     * {@code args[1]}, and so on (how a dialect's spelling of a function keeps its arguments as nodes).
     */
    static Sql template(String text, Sql... args) {
        Sql s = of();
        StringBuilder literal = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch >= 1 && ch <= 9 && ch - 1 < args.length) {
                if (literal.length() > 0) {
                    s.add(literal.toString());
                    literal.setLength(0);
                }
                s.add(args[ch - 1]);
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            s.add(literal.toString());
        }
        return s;
    }

    /** Placeholder {@code i} (0-based) for {@link #template}. */
    static String arg(int i) {
        return String.valueOf((char) (i + 1));
    }

    Sql optional() {
        optional = true;
        return this;
    }

    /** Marks {@code child} as a simpler replacement of this node (e.g. {@code upper(x)} → {@code x}). */
    Sql hoist(Sql child) {
        hoistChild = child;
        return this;
    }

    Sql add(Object part) {
        parts.add(part);
        return this;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    String render() {
        StringBuilder b = new StringBuilder();
        render(b);
        return b.toString();
    }

    private void render(StringBuilder b) {
        if (dropped) {
            return;
        }
        if (hoisted) {
            hoistChild.render(b);
            return;
        }
        boolean first = true;
        for (Object p : parts) {
            if (p instanceof Sql s) {
                if (s.dropped) {
                    continue;
                }
                if (separator != null && !first) {
                    b.append(separator);
                }
                s.render(b);
            } else {
                if (separator != null && !first) {
                    b.append(separator);
                }
                b.append(p);
            }
            first = false;
        }
    }

    @Override
    public String toString() {
        return render();
    }

    // ---- minimization ------------------------------------------------------------------------------------------

    /** Every live node that may be dropped or hoisted, outermost first. */
    List<Sql> candidates() {
        List<Sql> out = new ArrayList<>();
        collect(out);
        return out;
    }

    private void collect(List<Sql> out) {
        if (dropped) {
            return;
        }
        if (optional || hoistChild != null) {
            out.add(this);
        }
        if (hoisted) {
            hoistChild.collect(out);
            return;
        }
        for (Object p : parts) {
            if (p instanceof Sql s) {
                s.collect(out);
            }
        }
    }

    boolean canDrop() {
        return optional && !dropped;
    }

    boolean canHoist() {
        return hoistChild != null && !hoisted && !dropped;
    }

    void setDropped(boolean value) {
        dropped = value;
    }

    void setHoisted(boolean value) {
        hoisted = value;
    }
}
