package dev.veil.driver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VeilConfigTest {

    @Test
    void urlBeatsPropertiesBeatsEnvironmentBeatsDefault() throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.allowUnwrap", "false");
        props.setProperty("veil.targetDriver", "from.Properties");
        Map<String, String> env = Map.of("VEIL_ALLOW_UNWRAP", "true", "VEIL_TARGET_DRIVER", "from.Env");

        VeilConfig config = VeilConfig.resolve(Map.of("veil.allowUnwrap", "true"), props, env);
        assertThat(config.get(Settings.ALLOW_UNWRAP)).isTrue();
        assertThat(config.get(Settings.TARGET_DRIVER)).contains("from.Properties");
        VeilConfig urlOverBoth = VeilConfig.resolve(Map.of("veil.allowUnwrap", "true"), props,
                Map.of("VEIL_ALLOW_UNWRAP", "false"));
        assertThat(urlOverBoth.get(Settings.ALLOW_UNWRAP)).isTrue();

        VeilConfig fromEnv = VeilConfig.resolve(Map.of(), new Properties(), env);
        assertThat(fromEnv.get(Settings.ALLOW_UNWRAP)).isTrue();
        assertThat(fromEnv.get(Settings.TARGET_DRIVER)).contains("from.Env");

        VeilConfig defaults = VeilConfig.resolve(Map.of(), new Properties(), Map.of());
        assertThat(defaults.get(Settings.ALLOW_UNWRAP)).isFalse();
        assertThat(defaults.get(Settings.TARGET_DRIVER)).isEqualTo(Optional.empty());
    }

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(Settings.ALLOW_UNWRAP.environmentVariable()).isEqualTo("VEIL_ALLOW_UNWRAP");
        assertThat(Settings.TARGET_DRIVER.environmentVariable()).isEqualTo("VEIL_TARGET_DRIVER");
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKey() {
        Properties props = new Properties();
        props.setProperty("veil.allowUnwarp", "true");
        assertThatThrownBy(() -> VeilConfig.resolve(Map.of(), props, Map.of()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("unknown setting 'veil.allowUnwarp' (connection property)")
                .hasMessageContaining("veil.allowUnwrap");
        assertThatThrownBy(() -> VeilConfig.resolve(Map.of("veil.nope", "1"), new Properties(), Map.of()))
                .hasMessageContaining("unknown setting 'veil.nope' (URL parameter)");
    }

    @Test
    void invalidValueNamesTheKeyButNotTheValue() {
        assertThatThrownBy(() -> VeilConfig.resolve(Map.of("veil.allowUnwrap", "sometimes"), new Properties(),
                Map.of()))
                .hasMessageContaining("veil.allowUnwrap has an invalid value; expected true or false")
                .hasMessageNotContaining("sometimes");
        assertThatThrownBy(() -> VeilConfig.resolve(Map.of(), new Properties(), Map.of("VEIL_ALLOW_UNWRAP", "yes")))
                .hasMessageContaining("VEIL_ALLOW_UNWRAP has an invalid value");
    }

    @Test
    void nonVeilPropertiesAreNotVeilsBusiness() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "app");
        props.setProperty("veilSomething", "x");
        assertThat(VeilConfig.resolve(Map.of(), props, Map.of()).get(Settings.ALLOW_UNWRAP)).isFalse();
    }
}
