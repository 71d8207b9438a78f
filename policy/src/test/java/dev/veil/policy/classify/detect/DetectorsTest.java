package dev.veil.policy.classify.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorsTest {

    private static final String PEM = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
            KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm
            -----END RSA PRIVATE KEY-----
            """;

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005",
            "6011000990139424"})
    void cardsPassLuhn(String value) {
        assertThat(new CardNumberDetector().matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "0000000000000000", "4444444444444448x", "1234", "411111111111",
            "41111111111111111111", "4111_1111_1111_1111", "8888888888888888"})
    void nonCardsFail(String value) {
        assertThat(new CardNumberDetector().matches(value)).isFalse();
    }

    @Test
    void luhnItself() {
        assertThat(CardNumberDetector.luhn("79927398713")).isTrue();
        assertThat(CardNumberDetector.luhn("79927398710")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606",
            "NO9386011117947"})
    void ibansPassMod97(String value) {
        assertThat(new IbanDetector().matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "DE8937040044053201300", "XX89370400440532013000",
            "de89370400440532013000", "GB82WEST1234569876543!"})
    void nonIbansFail(String value) {
        assertThat(new IbanDetector().matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "078 05 1120", "899-99-9999"})
    void ssnsFollowTheAreaGroupSerialRules(String value) {
        assertThat(new SsnDetector().matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000",
            "123456789", "123-45 6789", "12-345-6789"})
    void nonSsnsFail(String value) {
        assertThat(new SsnDetector().matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "a+tag@sub.example.co.uk", "élodie@exemple.fr",
            "x@xn--bcher-kva.example", "jo***@example.com", "j**@example.com"})
    void emailsHaveValidSyntax(String value) {
        assertThat(new EmailDetector().matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "@example.com", "jane@", "jane@example", "jane..doe@example.com",
            "jane@@example.com", "jane doe@example.com", "jane@-example.com", "jane@example.c0m", ".j@example.com",
            "j***@example.com", "***@example.com", "é***@exemple.fr"})
    void nonEmailsFail(String value) {
        assertThat(new EmailDetector().matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 650-253-0000", "(650) 253-0000", "+44 20 7031 3000", "0049 30 901820",
            "+33 1 42 68 53 00"})
    void phonesValidateWithLibphonenumber(String value) {
        assertThat(new PhoneNumberDetector().matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "+1 000-000-0000", "call me", "2024-01-05", "1.5", "+44 20 7031 3000 ext 1",
            "12345678901234567"})
    void nonPhonesFail(String value) {
        assertThat(new PhoneNumberDetector().matches(value)).isFalse();
    }

    @Test
    void jwtsHaveAJsonHeaderWithAnAlgorithm() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(new JwtDetector().matches(jwt)).isTrue();
        assertThat(new JwtDetector().matches("eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxIn0.sig")).isFalse(); // no alg
        assertThat(new JwtDetector().matches("abc.def.ghi")).isFalse();
        assertThat(new JwtDetector().matches("eyJ!!!.e30.x")).isFalse();
    }

    @Test
    void cloudAccessKeysHaveTheirProvidersStructure() {
        CloudAccessKeyDetector d = new CloudAccessKeyDetector();
        assertThat(d.matches("AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(d.matches("ASIAY34FZKBOKMUTVV7A")).isTrue();
        assertThat(d.matches("AIzaSyD-1234567890abcdefghijklmnopqrstu")).isTrue();
        assertThat(d.matches("ghp_" + "a".repeat(36))).isTrue();
        assertThat(d.matches("AKIAIOSFODNN7EXAMPL1")).isFalse(); // '1' is not base 32
        assertThat(d.matches("AKIA1234")).isFalse();
        assertThat(d.matches("XKIAIOSFODNN7EXAMPLE")).isFalse();
    }

    @Test
    void pemPrivateKeysNeedMatchingArmorAndBase64() {
        PemPrivateKeyDetector d = new PemPrivateKeyDetector();
        assertThat(d.matches(PEM)).isTrue();
        assertThat(d.matches(PEM.replace("END RSA", "END EC"))).isFalse();
        assertThat(d.matches("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----")).isFalse();
        assertThat(d.matches("the header -----BEGIN PRIVATE KEY----- is how keys start")).isFalse();
        assertThat(d.matches(PEM.replace("PRIVATE", "PUBLIC"))).isFalse();
    }

    @Test
    void ipAddresses() {
        IpAddressDetector d = new IpAddressDetector();
        for (String ok : List.of("192.168.0.1", "0.0.0.0", "2001:db8::1", "::1", "::", "fe80::1%eth0",
                "::ffff:192.0.2.1", "2001:0db8:0000:0000:0000:ff00:0042:8329")) {
            assertThat(d.matches(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "2001:db8::1::1", "12345::",
                "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "g::1", "10:30")) {
            assertThat(d.matches(bad)).as(bad).isFalse();
        }
    }

    @Test
    void everyBuiltinDetectorNamesABuiltinClassAndHasAUniqueId() {
        assertThat(Detectors.all()).extracting(Detector::id).doesNotHaveDuplicates();
        assertThat(Detectors.all()).allSatisfy(d ->
                assertThat(dev.veil.policy.BuiltinClasses.all()).containsKey(d.classId()));
    }
}
