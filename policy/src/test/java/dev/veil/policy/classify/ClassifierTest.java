package dev.veil.policy.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.policy.ColumnInfo;
import dev.veil.policy.Policy;
import dev.veil.policy.PolicyException;
import dev.veil.policy.PolicyLoader;
import dev.veil.policy.mask.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final ColumnInfo EMAIL = ColumnInfo.of("app", "customers", "email", ValueType.STRING);

    private static Policy policy(String yaml) throws PolicyException {
        return PolicyLoader.parse("version: 1\n" + yaml, "test.yaml");
    }

    @Test
    void rulesComeFirstAndTheFirstMatchingRuleWins() throws Exception {
        Classifier classifier = new Classifier(policy("""
                columns:
                  - match: app.customers.email
                    class: free_text
                  - match: "*.email"
                    class: secret
                """));
        assertThat(classifier.classify(EMAIL.withComment("veil:phone"))).contains(
                new Classification("free_text", Classification.Source.RULE, "rule 'app.customers.email'"));
        assertThat(classifier.classify(ColumnInfo.of("x", "orders", "EMAIL", ValueType.STRING)))
                .contains(new Classification("secret", Classification.Source.RULE, "rule '*.email'"));
    }

    @Test
    void aRuleForNoneDeclaresAColumnNotSensitive() throws Exception {
        Classifier classifier = new Classifier(policy("columns:\n  - { match: customers.email, class: none }\n"));
        assertThat(classifier.classify(EMAIL.withComment("veil:email"))).isEmpty();
    }

    @Test
    void commentTagsComeBeforeNames() throws Exception {
        Classifier classifier = new Classifier(Policy.defaults());
        assertThat(classifier.classify(EMAIL.withComment("Primary contact. VEIL:Phone")))
                .contains(new Classification("phone", Classification.Source.COMMENT, "comment tag 'veil:phone'"));
        assertThat(classifier.classify(ColumnInfo.of("a", "t", "notes", ValueType.STRING)
                .withComment("veil:free_text"))).map(Classification::classId).contains("free_text");
        assertThat(classifier.classify(EMAIL.withComment("veil:none"))).isEmpty();
        assertThat(classifier.classify(EMAIL.withComment("see unveil:none"))).map(Classification::classId)
                .contains("email");
    }

    @Test
    void anUnknownCommentTagIsTreatedAsSecret() {
        assertThat(new Classifier(Policy.defaults()).classify(EMAIL.withComment("veil:medical")))
                .contains(new Classification("secret", Classification.Source.COMMENT,
                        "comment tag 'veil:medical' names no class of the policy; treated as secret"));
    }

    @Test
    void sourcesCanBeTurnedOff() throws Exception {
        Classifier classifier = new Classifier(policy("detect: { names: false, comments: false }\n"));
        assertThat(classifier.classify(EMAIL.withComment("veil:email"))).isEmpty();
    }

    @Test
    void samplesAreUsedUnlessSamplingIsTurnedOff() throws Exception {
        ColumnInfo contact = ColumnInfo.of("a", "t", "contact", ValueType.STRING);
        List<String> samples = List.of("ann@example.com", "bob@example.org", "cy@example.net", "x", "dee@ex.co");
        assertThat(new Classifier(policy("detect: { sample: { rows: 0 } }\n")).classify(contact, samples)).isEmpty();

        Classification email = new Classification("email", Classification.Source.SAMPLE,
                "email-syntax: 4 of 5 samples matched");
        assertThat(new Classifier(Policy.defaults()).classify(contact, samples)).contains(email);
        assertThat(new Classifier(policy("detect: { sample: { rows: 10 } }\n")).classify(contact, samples))
                .contains(email);
    }

    @Test
    void mostNonNullSamplesMustValidate() throws Exception {
        Classifier classifier = new Classifier(policy("detect: { sample: { rows: 10, threshold: 0.8 } }\n"));
        ColumnInfo contact = ColumnInfo.of("a", "t", "contact", ValueType.STRING);
        List<String> threeOfFive = List.of("ann@example.com", "bob@example.org", "cy@example.net", "x", "y");
        assertThat(classifier.classify(contact, threeOfFive)).isEmpty();
        List<String> withNulls = new ArrayList<>(Collections.nCopies(20, (String) null));
        withNulls.add("4111 1111 1111 1111");
        assertThat(classifier.classify(contact, withNulls)).map(Classification::evidence)
                .contains("luhn-card: 1 of 1 samples matched");
        assertThat(classifier.classify(contact, Collections.nCopies(3, (String) null))).isEmpty();
    }

    @Test
    void aTableIsSampledOnceForTheTextColumnsNothingElseDecided() throws Exception {
        Classifier classifier = new Classifier(policy("detect: { sample: { rows: 50 } }\n"));
        List<ColumnInfo> table = List.of(
                ColumnInfo.of("app", "people", "id", ValueType.INTEGER),
                ColumnInfo.of("app", "people", "email", ValueType.STRING),
                ColumnInfo.of("app", "people", "ref", ValueType.STRING),
                ColumnInfo.of("app", "people", "misc", ValueType.STRING),
                ColumnInfo.of("app", "people", "note", ValueType.STRING).withComment("veil:none"));
        List<List<String>> requested = new ArrayList<>();
        Map<String, Classification> result = classifier.classifyTable(table, (columns, rows) -> {
            requested.add(columns.stream().map(ColumnInfo::name).toList());
            assertThat(rows).isEqualTo(50);
            return Map.of("ref", List.of("DE89370400440532013000", "GB82WEST12345698765432"),
                    "misc", List.of("hello", "world"));
        });
        assertThat(requested).containsExactly(List.of("ref", "misc"));
        assertThat(result.keySet()).containsExactly("email", "ref");
        assertThat(result.get("ref").evidence()).isEqualTo("iban-mod97: 2 of 2 samples matched");
    }

    @Test
    void withoutSamplingTheSampleSourceIsNeverCalled() throws Exception {
        Map<String, Classification> result = new Classifier(Policy.defaults()).classifyTable(List.of(EMAIL),
                (columns, rows) -> {
                    throw new AssertionError("sampled");
                });
        assertThat(result).containsOnlyKeys("email");
    }

    @Test
    void samplingFailuresAreReportedWithoutValues() throws Exception {
        Classifier classifier = new Classifier(policy("detect: { sample: { rows: 5 } }\n"));
        assertThatThrownBy(() -> classifier.classifyTable(List.of(ColumnInfo.of("a", "t", "x", ValueType.STRING)),
                (columns, rows) -> {
                    throw new IllegalStateException("connection closed");
                })).isInstanceOf(Classifier.SamplingException.class)
                .hasMessage("veil: sampling t failed: connection closed");
    }
}
