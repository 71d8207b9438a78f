package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskKind;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {

    /** The example policy shipped with the docs. */
    static final Path EXAMPLE = Paths.get("..", "docs", "examples", "policy.yaml");

    @Test
    void theExamplePolicyLoads() throws Exception {
        Policy policy = PolicyLoader.load(EXAMPLE);

        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.sensitiveClass("email")).get()
                .satisfies(c -> {
                    assertThat(c.mask()).isEqualTo(Mask.email());
                    assertThat(c.predicates()).isEqualTo(PredicateMode.ALLOW);
                });
        assertThat(policy.sensitiveClass("ssn").orElseThrow().mask()).isEqualTo(Mask.partial(0, 4, "*"));
        assertThat(policy.sensitiveClass("salary").orElseThrow().mask()).isEqualTo(Mask.round(new BigDecimal("1000")));
        assertThat(policy.sensitiveClass("salary").orElseThrow().predicates()).isEqualTo(PredicateMode.MASKED);
        assertThat(policy.sensitiveClass("customer_ref").orElseThrow().description())
                .isEqualTo("customer reference numbers shared with partners");
        assertThat(policy.classes().get("phone")).isEqualTo(BuiltinClasses.all().get("phone"));
        assertThat(policy.columns()).extracting(r -> r.pattern().toString() + "=" + r.classId()).containsExactly(
                "customers.email=email", "*.ssn=ssn", "public.*.partner_ref=customer_ref",
                "hr.employees.salary=salary", "customers.email_domain=none");
        assertThat(policy.detect()).isEqualTo(new DetectSettings(true, true, 200, 0.8));
        assertThat(policy.exemptUsers()).containsExactly("dba_admin");
        assertThat(policy.isExempt("dba_admin")).isTrue();
        assertThat(policy.isExempt("DBA_ADMIN")).isFalse();
        assertThat(policy.approvals().server()).isEqualTo(URI.create("https://approvals.example:8443"));
        assertThat(policy.approvals().ddl().comment()).isFalse();
        assertThat(policy.approvals().ddl().drop()).isTrue();
        assertThat(policy.requiresHashKey()).isTrue();
        assertThat(policy.classesUsingHash()).containsExactly("customer_ref");
    }

    @Test
    void theExampleReadsTheSameAsJson() throws Exception {
        String json = """
                {"version": 1, "classes": {"email": {"mask": "email", "predicates": "allow"}},
                 "columns": [{"match": "*.ssn", "class": "ssn"}], "detect": {"sample": {"rows": 5}}}""";
        Policy policy = PolicyLoader.parse(json, "policy.json");
        assertThat(policy.classes().get("email").predicates()).isEqualTo(PredicateMode.ALLOW);
        assertThat(policy.detect().sampleRows()).isEqualTo(5);
        assertThat(PolicyLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json"))
                .isEqualTo(policy);
    }

    @Test
    void versionAloneGivesTheDefaults() throws Exception {
        assertThat(PolicyLoader.parse("version: 1\n", "policy.yaml")).isEqualTo(Policy.defaults());
    }

    @Test
    void defaultsProtectWithEveryBuiltinClass() {
        Policy defaults = Policy.defaults();
        assertThat(defaults.classes().keySet()).containsExactly("email", "phone", "ssn", "card", "bank_account",
                "person_name", "address", "birth_date", "ip_address", "secret", "free_text");
        assertThat(defaults.classes().values()).allSatisfy(c -> {
            assertThat(c.predicates()).isEqualTo(PredicateMode.DENY);
            assertThat(c.mask().kind()).isNotEqualTo(MaskKind.HASH); // protects without a hash key
        });
        assertThat(defaults.detect()).isEqualTo(new DetectSettings(true, true, 100, 0.8));
        assertThat(defaults.approvals()).isEqualTo(ApprovalSettings.none());
        assertThat(defaults.requiresHashKey()).isFalse();
    }

    @Test
    void approvalsAreOptInButAnApprovalsSectionHoldsEverythingItDoesNotTurnOff() throws Exception {
        Policy without = PolicyLoader.parse("version: 1\n", "p.yaml");
        assertThat(without.approvals()).isEqualTo(ApprovalSettings.none());
        assertThat(without.approvals().onUnknown()).isEqualTo(ApprovalSettings.OnUnknown.REJECT);
        Policy with = PolicyLoader.parse("version: 1\napprovals:\n  exportRows: 5\n", "p.yaml");
        assertThat(with.approvals().ddl()).isEqualTo(ApprovalSettings.Ddl.all());
        assertThat(with.approvals().exportRows()).isEqualTo(5);
        assertThat(with.approvals().dmlWithoutWhere()).isTrue();
    }

    @Test
    void overridingABuiltinClassKeepsWhatItDoesNotSay() throws Exception {
        Policy policy = PolicyLoader.parse("""
                version: 1
                classes:
                  ssn: { keepLast: 2 }
                  card: { predicates: masked }
                  phone: { mask: round }
                  note: {}
                """, "policy.yaml");
        assertThat(policy.classes().get("ssn").mask()).isEqualTo(Mask.partial(0, 2, "*"));
        assertThat(policy.classes().get("card").mask()).isEqualTo(Mask.partial(0, 4, "*"));
        assertThat(policy.classes().get("card").predicates()).isEqualTo(PredicateMode.MASKED);
        assertThat(policy.classes().get("phone").mask()).isEqualTo(Mask.round(BigDecimal.TEN));
        assertThat(policy.classes().get("note").mask()).isEqualTo(Mask.redact());
        assertThat(policy.classes().get("note").predicates()).isEqualTo(PredicateMode.DENY);
    }

    @Test
    void ddlTrueOrFalseSetsEveryKind() throws Exception {
        Policy policy = PolicyLoader.parse("version: 1\napprovals:\n  ddl: false\n  onUnknown: approve\n", "p.yaml");
        assertThat(policy.approvals().ddl()).isEqualTo(new ApprovalSettings.Ddl(false, false, false, false, false,
                false, false, false));
        assertThat(policy.approvals().onUnknown()).isEqualTo(ApprovalSettings.OnUnknown.APPROVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown mask            | version: 1\\nclasses:\\n  ssn:\\n    mask: parital                 | policy.yaml line 4, classes.ssn.mask: unknown mask 'parital' (expected one of redact, null, partial, email, hash, year, round)
            unknown top field       | version: 1\\ncolums: []                                            | policy.yaml line 2, colums: unknown field (expected one of version, classes, columns, detect, exempt, approvals, routines, untrusted); did you mean 'columns'?
            unknown class field     | version: 1\\nclasses:\\n  ssn:\\n    keeplast: 4                   | policy.yaml line 4, classes.ssn.keeplast: unknown field (expected one of mask, predicates, keepFirst, keepLast, pad, step, description); did you mean 'keepLast'?
            wrong type boolean      | version: 1\\ndetect:\\n  names: maybe                              | policy.yaml line 3, detect.names: expected true or false, found the text 'maybe'
            wrong type number       | version: 1\\nclasses:\\n  ssn: { keepLast: four }                 | policy.yaml line 3, classes.ssn.keepLast: expected a whole number, found the text 'four'
            fraction for integer    | version: 1\\ndetect:\\n  sample: { rows: 2.5 }                     | policy.yaml line 3, detect.sample.rows: expected a whole number, found the number 2.5
            out of range            | version: 1\\nclasses:\\n  ssn: { keepLast: -1 }                    | policy.yaml line 3, classes.ssn.keepLast: expected a whole number from 0 to 1000, found -1
            wrong type list         | version: 1\\ncolumns:\\n  match: a.b                              | policy.yaml line 3, columns: expected a list, found a mapping
            bad glob one part       | version: 1\\ncolumns:\\n  - match: customers\\n    class: email    | policy.yaml line 3, columns[0].match: bad pattern 'customers': expected [schema.]table.column with '*' wildcards, e.g. customers.email or "*.ssn"
            bad glob empty name     | version: 1\\ncolumns:\\n  - match: a..b\\n    class: email         | policy.yaml line 3, columns[0].match: bad pattern 'a..b': empty name between dots
            bad glob double star    | version: 1\\ncolumns:\\n  - match: "**.ssn"\\n    class: ssn       | policy.yaml line 3, columns[0].match: bad pattern '**.ssn': '**' is not supported ('*' already matches any characters within one name, never across a dot)
            bad glob four parts     | version: 1\\ncolumns:\\n  - match: a.b.c.d\\n    class: ssn        | policy.yaml line 3, columns[0].match: bad pattern 'a.b.c.d': expected [schema.]table.column with '*' wildcards, e.g. customers.email or "*.ssn"
            unknown class reference | version: 1\\ncolumns:\\n  - match: a.b\\n    class: emial          | policy.yaml line 4, columns[0].class: unknown class 'emial' (expected one of address, bank_account, birth_date, card, email, free_text, ip_address, person_name, phone, secret, ssn, or none)
            missing rule field      | version: 1\\ncolumns:\\n  - match: a.b                            | policy.yaml line 3, columns[0].class: missing
            parameter of other mask | version: 1\\nclasses:\\n  email:\\n    keepLast: 2                 | policy.yaml line 4, classes.email.keepLast: keepLast applies only to mask partial (this class's mask is email)
            step of other mask      | version: 1\\nclasses:\\n  x:\\n    mask: hash\\n    step: 5        | policy.yaml line 5, classes.x.step: step applies only to mask round (this class's mask is hash)
            bad step                | version: 1\\nclasses:\\n  x:\\n    mask: round\\n    step: 0       | policy.yaml line 5, classes.x.step: expected a number from 0.000000000001 to 1000000000000000000, found 0
            bad pad                 | version: 1\\nclasses:\\n  x:\\n    mask: partial\\n    pad: ab     | policy.yaml line 5, classes.x.pad: expected one printable character, found 'ab'
            unknown predicate mode  | version: 1\\nclasses:\\n  x:\\n    predicates: sometimes          | policy.yaml line 4, classes.x.predicates: unknown predicate mode 'sometimes' (expected one of deny, masked, allow)
            bad class id            | version: 1\\nclasses:\\n  Credit-Card: { mask: redact }          | policy.yaml line 3, classes.Credit-Card: class ids are lower-case letters, digits and '_', starting with a letter (at most 64 characters)
            class none              | version: 1\\nclasses:\\n  none: { mask: redact }                 | policy.yaml line 3, classes.none: 'none' is reserved: it marks columns that are not sensitive and cannot be defined
            duplicate field         | version: 1\\ndetect:\\n  names: true\\n  names: false             | policy.yaml line 4: duplicate field 'names' (first on line 3)
            missing version         | classes: {}                                                       | policy.yaml line 1, version: missing (the first line of a policy is 'version: 1')
            unsupported version     | version: 2                                                        | policy.yaml line 1, version: unsupported version 2 (this Veil reads version 1)
            not a mapping           | - version: 1                                                      | policy.yaml line 1: expected a mapping, found a list
            empty user              | version: 1\\nexempt:\\n  users: ['']                               | policy.yaml line 3, exempt.users[0]: empty user name
            bad server              | version: 1\\napprovals:\\n  server: ftp://x                        | policy.yaml line 3, approvals.server: expected an http:// or https:// URL without credentials, found 'ftp://x'
            server with credentials | version: 1\\napprovals:\\n  server: https://u:p@x                  | policy.yaml line 3, approvals.server: expected an http:// or https:// URL without credentials, found 'https://u:p@x'
            unknown ddl kind        | version: 1\\napprovals:\\n  ddl: { create: true, index: true }     | policy.yaml line 3, approvals.ddl.index: unknown field (expected one of create, alter, drop, truncate, rename, comment, grant, revoke)
            unknown onUnknown       | version: 1\\napprovals:\\n  onUnknown: allow                      | policy.yaml line 3, approvals.onUnknown: unknown action 'allow' (expected one of reject, approve)
            negative rows           | version: 1\\napprovals:\\n  exportRows: -5                        | policy.yaml line 3, approvals.exportRows: expected a whole number from 0 to 2147483647, found -5
            threshold above one     | version: 1\\ndetect:\\n  sample: { threshold: 1.5 }                | policy.yaml line 3, detect.sample.threshold: expected a share greater than 0 and at most 1 (e.g. 0.8), found 1.5
            """)
    void problemsAreReportedWithLineAndField(String name, String yaml, String message) {
        assertThatThrownBy(() -> PolicyLoader.parse(yaml.replace("\\n", "\n"), "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage(message)
                .hasNoCause();
    }

    @Test
    void syntaxErrorsNameTheLineWithoutAStackTraceOfJackson() {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\ncolumns:\n  - match: *.ssn\n", "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy.yaml line 3: not valid YAML: ")
                .hasNoCause();
        assertThatThrownBy(() -> PolicyLoader.parse("{\"version\": 1,}", "policy.json"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy.json line 1: not valid JSON: ")
                .hasNoCause();
    }

    @Test
    void anUnquotedLeadingStarIsReportedWithHowToQuoteIt() throws PolicyException {
        String hint = "quote a value that starts with '*', e.g. match: \"*.ssn\"";
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\ncolumns:\n  - match: *.ssn\n    class: ssn\n",
                "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("policy.yaml line 3: not valid YAML: while scanning an alias; " + hint);
        // a star followed by a letter is a valid alias, which Jackson would hand over as the plain name
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\nexempt:\n  users: [*admin]\n", "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("policy.yaml line 3: YAML aliases are not supported; " + hint);
        assertThat(PolicyLoader.parse("version: 1\ncolumns:\n  - match: \"*.ssn\"\n    class: ssn\n", "policy.yaml")
                .columns()).hasSize(1);
    }

    @Test
    void problemsCarryTheirParts() {
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> PolicyLoader.parse("version: 1\nclasses:\n  ssn:\n    mask: parital\n", "p.yaml"));
        assertThat(e.source()).isEqualTo("p.yaml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("classes.ssn.mask");
        assertThat(e.problem()).startsWith("unknown mask 'parital'");
    }

    @Test
    void emptyAndMissingFilesAreReported(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
        assertThatThrownBy(() -> PolicyLoader.load(empty)).hasMessage(empty
                + ": the policy is empty (it needs at least 'version: 1')");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> PolicyLoader.load(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void theLoaderDeclaresEveryShape() {
        assertThat(PolicyLoader.FIELDS).containsKeys("", "classes.*", "columns[]", "detect", "detect.sample",
                "exempt", "approvals", "approvals.ddl");
        assertThat(List.copyOf(PolicyLoader.FIELDS.get(""))).contains("version");
    }
}
