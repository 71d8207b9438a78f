package dev.veil.cli;

import dev.veil.policy.PolicyException;
import dev.veil.policy.PolicyLoader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A policy file to start from: one explicit {@code columns} rule for each column that looks sensitive without a rule or
 * comment tag, with what found it, so that what the heuristics and samples saw becomes a decision someone can review.
 * The text is loaded by {@link PolicyLoader} before anyone sees it.
 */
final class StartingPolicy {

    /** What a column pattern may not hold (and what a name cannot be matched by), each replaced by {@code *}. */
    private static final Pattern NOT_IN_A_PATTERN = Pattern.compile("[\\s?\\[\\]\"`.\\\\*]");

    private StartingPolicy() {
    }

    /**
     * The policy text for the given findings.
     *
     * @param source what was classified, for the header, e.g. the URL without credentials
     * @param extending whether a policy was given: then the file holds only what it lacks
     */
    static String text(List<SchemaClassifier.Finding> uncovered, String source, boolean extending)
            throws PolicyException {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by veil classify for ").append(oneLine(source)).append(".\n");
        yaml.append(extending
                ? "# The rules the given policy lacks: add them to its columns section, after reviewing each.\n"
                : "# A starting policy: review each rule, then set veil.policy to this file.\n");
        yaml.append("# Each rule names one column; the comment says what found it. Change a class, or write\n");
        yaml.append("# 'class: none' for a column that is not sensitive.\n");
        yaml.append("version: 1\n");
        if (uncovered.isEmpty()) {
            yaml.append("# every column that looks sensitive is already covered\n");
            yaml.append("columns: []\n");
        } else {
            yaml.append("columns:\n");
            for (SchemaClassifier.Finding finding : uncovered) {
                yaml.append("  - match: \"").append(pattern(finding)).append("\"\n");
                yaml.append("    class: ").append(finding.classification().classId()).append("   # ")
                        .append(oneLine(finding.classification().source().name().toLowerCase(java.util.Locale.ROOT)
                                + ": " + finding.classification().evidence())).append('\n');
            }
        }
        String text = yaml.toString();
        PolicyLoader.parse(text, "the policy veil classify wrote");
        return text;
    }

    /** {@code schema.table.column}; characters a pattern cannot hold become {@code *}, which matches them. */
    static String pattern(SchemaClassifier.Finding finding) {
        return name(finding.table().schema()) + "." + name(finding.table().name()) + "."
                + name(finding.column().name());
    }

    private static String name(String part) {
        return NOT_IN_A_PATTERN.matcher(part).replaceAll("*").replaceAll("\\*+", "*");
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
