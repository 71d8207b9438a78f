package dev.veil.policy;

/**
 * A policy that cannot be loaded. The message names the source, the line and the field, and says what is wrong,
 * e.g. {@code policy.yaml line 7, classes.ssn.mask: unknown mask 'parital' (expected one of ...)}.
 */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    PolicyException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder message = new StringBuilder(source);
        if (line > 0) {
            message.append(" line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            message.append(", ").append(field);
        }
        return message.append(": ").append(problem).toString();
    }

    /** The file name or description of the policy source. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted path of the field, e.g. {@code classes.ssn.mask}, or empty for the document as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without source and location. */
    public String problem() {
        return problem;
    }
}
