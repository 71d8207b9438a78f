package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.veil.policy.mask.MaskKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema shipped for editors and CI checks agrees with the loader. */
class PolicySchemaTest {

    private static final String SCHEMA = "/dev/veil/policy/policy.schema.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream(SCHEMA)) {
            schemaTree = JSON.readTree(in);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    @Test
    void theExamplePolicyIsValid() throws Exception {
        JsonNode example = YAML.readTree(Files.readString(PolicyLoaderTest.EXAMPLE));
        assertThat(schema.validate(example)).isEmpty();
    }

    @Test
    void theMinimalPolicyIsValid() throws Exception {
        assertThat(schema.validate(YAML.readTree("version: 1"))).isEmpty();
    }

    /** Every object of the format: the schema declares exactly the fields the loader accepts, and no others. */
    @Test
    void schemaAndLoaderDeclareTheSameFields() {
        Map<String, JsonNode> shapes = new LinkedHashMap<>();
        JsonNode root = schemaTree;
        JsonNode props = root.get("properties");
        shapes.put("", root);
        shapes.put("classes.*", root.at("/$defs/class"));
        shapes.put("columns[]", root.at("/$defs/columnRule"));
        shapes.put("detect", props.get("detect"));
        shapes.put("detect.sample", props.at("/detect/properties/sample"));
        shapes.put("exempt", props.get("exempt"));
        shapes.put("routines", props.get("routines"));
        shapes.put("approvals", props.get("approvals"));
        shapes.put("approvals.ddl", props.at("/approvals/properties/ddl/oneOf/1"));

        assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(PolicyLoader.FIELDS.keySet());
        for (Map.Entry<String, JsonNode> shape : shapes.entrySet()) {
            JsonNode node = shape.getValue();
            Set<String> declared = new TreeSet<>();
            node.get("properties").fieldNames().forEachRemaining(declared::add);
            assertThat(declared).as("fields of '%s'", shape.getKey())
                    .isEqualTo(new TreeSet<>(PolicyLoader.FIELDS.get(shape.getKey())));
            assertThat(node.get("additionalProperties").asBoolean(true)).as("'%s' closed", shape.getKey()).isFalse();
        }
        assertThat(root.at("/properties/classes/additionalProperties/$ref").asText()).isEqualTo("#/$defs/class");
        assertThat(root.at("/properties/columns/items/$ref").asText()).isEqualTo("#/$defs/columnRule");
    }

    @Test
    void enumerationsMatchTheModel() {
        List<String> masks = new java.util.ArrayList<>();
        schemaTree.at("/$defs/class/properties/mask/enum").forEach(n -> masks.add(n.asText()));
        assertThat(masks).containsExactly(java.util.Arrays.stream(MaskKind.values()).map(MaskKind::id)
                .toArray(String[]::new));
        List<String> modes = new java.util.ArrayList<>();
        schemaTree.at("/$defs/class/properties/predicates/enum").forEach(n -> modes.add(n.asText()));
        assertThat(modes).containsExactly(java.util.Arrays.stream(PredicateMode.values()).map(PredicateMode::id)
                .toArray(String[]::new));
        assertThat(schemaTree.at("/properties/approvals/properties/exportRows/default").asLong())
                .isEqualTo(ApprovalSettings.DEFAULT_EXPORT_ROWS);
        assertThat(schemaTree.at("/properties/approvals/properties/writeRows/default").asLong())
                .isEqualTo(ApprovalSettings.DEFAULT_WRITE_ROWS);
        assertThat(schemaTree.at("/properties/detect/properties/sample/properties/threshold/default").asDouble())
                .isEqualTo(DetectSettings.DEFAULT_THRESHOLD);
    }

    /** Documents both the schema and the loader refuse. */
    @ParameterizedTest
    @ValueSource(strings = {
            "classes: {}",
            "version: 2",
            "version: 1\nextra: 1",
            "version: 1\nclasses:\n  ssn: { mask: parital }",
            "version: 1\nclasses:\n  ssn: { mask: partial, keepLast: -1 }",
            "version: 1\nclasses:\n  email: { mask: email, keepLast: 2 }",
            "version: 1\nclasses:\n  x: { mask: hash, step: 5 }",
            "version: 1\nclasses:\n  Bad-Id: { mask: redact }",
            "version: 1\nclasses:\n  none: { mask: redact }",
            "version: 1\nclasses:\n  x: { mask: partial, pad: ab }",
            "version: 1\nclasses:\n  x: { predicates: sometimes }",
            "version: 1\ncolumns:\n  - match: customers\n    class: email",
            "version: 1\ncolumns:\n  - match: a..b\n    class: email",
            "version: 1\ncolumns:\n  - match: a.b.c.d\n    class: email",
            "version: 1\ncolumns:\n  - match: a.b",
            "version: 1\ncolumns:\n  - { match: a.b, class: email, mask: null }",
            "version: 1\ndetect:\n  names: maybe",
            "version: 1\ndetect:\n  sample: { rows: -1 }",
            "version: 1\ndetect:\n  sample: { threshold: 0 }",
            "version: 1\nexempt:\n  users: ['']",
            "version: 1\napprovals:\n  server: ftp://x",
            "version: 1\napprovals:\n  ddl: { index: true }",
            "version: 1\napprovals:\n  onUnknown: allow",
            "version: 1\napprovals:\n  writeRows: 1.5"})
    void schemaAndLoaderRejectTheSameMistakes(String yaml) throws Exception {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(yaml));
        assertThat(errors).as("schema errors for %s", yaml).isNotEmpty();
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, "policy.yaml")).isInstanceOf(PolicyException.class);
    }
}
