package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashKeyTest {

    private static final String CONFIGURED = "hash-key-test-configured-key";
    private static final HashKey KEY = HashKey.of(CONFIGURED);

    @Test
    void theSessionSecretsComputeTheSameHmacAsTheJvm() throws Exception {
        byte[] inner = secret(MaskDialects.POSTGRESQL, 0);
        byte[] outer = secret(MaskDialects.POSTGRESQL, 1);
        byte[] message = "value".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] innerHash = sha256(HashKey.concat(inner, message));
        assertThat(sha256(HashKey.concat(outer, innerHash))).isEqualTo(KEY.hmac(message));
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void setupSqlNeverContainsTheKeyOrTheSecrets(MaskDialect dialect) {
        SessionSetup setup = KEY.sessionSetup(dialect);
        String inner = HashKey.hex(secret(MaskDialects.POSTGRESQL, 0));
        for (SessionSetup.Statement statement : setup.statements()) {
            assertThat(statement.sql()).contains("?").doesNotContain(CONFIGURED).doesNotContainIgnoringCase(inner)
                    .doesNotContainIgnoringCase(inner.substring(0, 16));
            assertThat(statement.toString()).doesNotContainIgnoringCase(inner.substring(0, 16));
        }
        int parameters = setup.statements().stream().mapToInt(s -> s.parameters().size()).sum();
        assertThat(parameters).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void renderedHashSqlNeverContainsTheKeyOrTheSecrets(MaskDialect dialect) {
        String inner = HashKey.hex(secret(MaskDialects.POSTGRESQL, 0));
        String outer = HashKey.hex(secret(MaskDialects.POSTGRESQL, 1));
        for (ValueType type : ValueType.values()) {
            String sql = MaskRenderer.of(dialect, KEY).render(Mask.hash(), "c", type);
            assertThat(sql).doesNotContain(CONFIGURED).doesNotContainIgnoringCase(inner.substring(0, 16))
                    .doesNotContainIgnoringCase(outer.substring(0, 16));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.policy.mask.MaskDialects#all")
    void reservedNamesAreTheOnesTheSqlReads(MaskDialect dialect) {
        String sql = MaskRenderer.of(dialect, KEY).render(Mask.hash(), "c", ValueType.STRING);
        for (String name : HashKey.reservedNames(dialect)) {
            assertThat(sql).contains(name);
            assertThat(name.replace("@", "")).startsWithIgnoringCase(HashKey.RESERVED_PREFIX);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> HashKey.of("too-short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("veil: the hash key must be at least 16 bytes long (it has 9)");
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(KEY.toString()).doesNotContain(CONFIGURED).isEqualTo("HashKey[redacted]");
    }

    @Test
    void replacedSessionSecretsMakeTheHashNullInsteadOfAHashUnderAKnownKey() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:hash_key_tamper")) {
            install(h2, KEY);
            String sql = "SELECT "
                    + MaskRenderer.of(MaskDialects.H2, KEY).render(Mask.hash(), "'abc'", ValueType.STRING);
            assertThat(single(h2, sql)).isEqualTo(ReferenceMasker.of(KEY).apply(Mask.hash(), "abc", ValueType.STRING));

            install(h2, HashKey.of("a-key-the-client-chose"));
            assertThat(single(h2, sql)).isNull();
        }
    }

    @Test
    void withoutSessionSecretsTheHashIsNull() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:hash_key_missing")) {
            String sql = "SELECT "
                    + MaskRenderer.of(MaskDialects.H2, KEY).render(Mask.hash(), "'abc'", ValueType.STRING);
            assertThat(single(h2, sql)).isNull();
        }
    }

    private static void install(Connection c, HashKey key) throws Exception {
        for (SessionSetup.Statement s : key.sessionSetup(MaskDialects.H2).statements()) {
            try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                ps.setObject(1, s.parameters().get(0));
                ps.execute();
            }
        }
    }

    private static String single(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] secret(MaskDialect dialect, int index) {
        Object value = KEY.sessionSetup(MaskDialects.POSTGRESQL).statements().get(0).parameters().get(index);
        return HexFormat.of().parseHex((String) value);
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
