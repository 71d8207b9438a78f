package dev.veil.policy.classify;

import dev.veil.policy.BuiltinClasses;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.ColumnRule;
import dev.veil.policy.Policy;
import dev.veil.policy.classify.detect.Detector;
import dev.veil.policy.classify.detect.Detectors;
import dev.veil.policy.mask.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which columns are sensitive under a policy. Sources, strongest first: explicit {@code columns} rules
 * (first match in file order), column comment tags, name heuristics, content sampling. A rule or tag naming
 * {@code none} declares a column not sensitive and stops the weaker sources.
 *
 * <p>The driver classifies a table once with {@link #classifyTable} and caches the result: classification never
 * runs per statement. Instances are immutable and thread-safe.
 */
public final class Classifier {

    /**
     * Reads sample values for content detection. Called at most once per table, with the columns no stronger
     * source classified; returns up to {@code rows} values per column name (nulls allowed, they are not counted).
     */
    @FunctionalInterface
    public interface SampleSource {
        Map<String, List<?>> sample(List<ColumnInfo> columns, int rows) throws Exception;
    }

    /** A sampling failure; the driver decides whether to fail closed or continue without samples. */
    public static final class SamplingException extends Exception {
        private static final long serialVersionUID = 1L;

        SamplingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Policy policy;
    private final List<Detector> detectors;

    public Classifier(Policy policy) {
        this(policy, Detectors.all());
    }

    public Classifier(Policy policy, List<Detector> detectors) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.detectors = List.copyOf(detectors);
    }

    public Policy policy() {
        return policy;
    }

    /** Classifies one column without samples. */
    public Optional<Classification> classify(ColumnInfo column) {
        return classify(column, List.of());
    }

    /**
     * Classifies one column.
     *
     * @param samples sampled values of the column (may be empty; used only when sampling is on in the policy)
     */
    public Optional<Classification> classify(ColumnInfo column, List<?> samples) {
        Optional<Optional<Classification>> decided = byMetadata(column);
        if (decided.isPresent()) {
            return decided.get();
        }
        return policy.detect().sampling() ? bySamples(samples) : Optional.empty();
    }

    /**
     * Classifies the columns of one table: metadata first, then (when sampling is on) one call to {@code samples}
     * for the columns still unclassified that can hold text.
     *
     * @param samples where samples come from; may be null when sampling is off
     * @return the sensitive columns by column name, in the given order
     */
    public Map<String, Classification> classifyTable(List<ColumnInfo> columns, SampleSource samples)
            throws SamplingException {
        Map<String, Classification> result = new LinkedHashMap<>();
        List<ColumnInfo> undecided = new ArrayList<>();
        for (ColumnInfo column : columns) {
            Optional<Optional<Classification>> decided = byMetadata(column);
            if (decided.isPresent()) {
                decided.get().ifPresent(c -> result.put(column.name(), c));
            } else if (column.valueType() == ValueType.STRING) {
                undecided.add(column);
            }
        }
        if (policy.detect().sampling() && samples != null && !undecided.isEmpty()) {
            Map<String, List<?>> sampled;
            try {
                sampled = samples.sample(List.copyOf(undecided), policy.detect().sampleRows());
            } catch (Exception e) {
                throw new SamplingException("veil: sampling " + undecided.get(0).table() + " failed: "
                        + e.getMessage(), e);
            }
            for (ColumnInfo column : undecided) {
                List<?> values = sampled == null ? null : sampled.get(column.name());
                if (values != null) {
                    bySamples(values).ifPresent(c -> result.put(column.name(), c));
                }
            }
        }
        // Keep the caller's column order.
        Map<String, Classification> ordered = new LinkedHashMap<>();
        for (ColumnInfo column : columns) {
            if (result.containsKey(column.name())) {
                ordered.put(column.name(), result.get(column.name()));
            }
        }
        return ordered;
    }

    /**
     * Rules, comment tags and names: a decision (sensitive or declared not sensitive), or empty when they say
     * nothing and sampling may decide.
     */
    private Optional<Optional<Classification>> byMetadata(ColumnInfo column) {
        for (ColumnRule rule : policy.columns()) {
            if (rule.pattern().matches(column)) {
                return Optional.of(rule.classId().equals(BuiltinClasses.NONE) ? Optional.empty()
                        : Optional.of(new Classification(rule.classId(), Classification.Source.RULE,
                                "rule '" + rule.pattern() + "'")));
            }
        }
        if (policy.detect().comments()) {
            Optional<String> tag = CommentTags.tag(column.comment());
            if (tag.isPresent()) {
                String id = tag.get();
                if (id.equals(BuiltinClasses.NONE)) {
                    return Optional.of(Optional.empty());
                }
                if (policy.classes().containsKey(id)) {
                    return Optional.of(Optional.of(new Classification(id, Classification.Source.COMMENT,
                            "comment tag 'veil:" + id + "'")));
                }
                // Someone marked the column sensitive with a class this policy lacks: treat it as the strictest.
                return Optional.of(Optional.of(new Classification(BuiltinClasses.SECRET,
                        Classification.Source.COMMENT, "comment tag 'veil:" + id + "' names no class of the policy;"
                        + " treated as secret")));
            }
        }
        if (policy.detect().names()) {
            Optional<Classification> byName = NameHeuristics.classify(column);
            if (byName.isPresent()) {
                return Optional.of(byName);
            }
        }
        return Optional.empty();
    }

    /** The detector that validates the largest share of non-null samples, if that share reaches the threshold. */
    private Optional<Classification> bySamples(List<?> samples) {
        List<String> values = new ArrayList<>();
        for (Object sample : samples) {
            if (sample != null) {
                String text = sample.toString();
                if (!text.isBlank()) {
                    values.add(text);
                }
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Detector best = null;
        int bestCount = 0;
        for (Detector detector : detectors) {
            int count = 0;
            for (String value : values) {
                if (detector.matches(value)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = detector;
                bestCount = count;
            }
        }
        if (best == null || bestCount < policy.detect().sampleThreshold() * values.size()
                || !policy.classes().containsKey(best.classId())) {
            return Optional.empty();
        }
        return Optional.of(new Classification(best.classId(), Classification.Source.SAMPLE, best.id() + ": "
                + bestCount + " of " + values.size() + " samples matched"));
    }
}
