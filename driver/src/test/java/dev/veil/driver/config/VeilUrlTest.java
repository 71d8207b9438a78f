package dev.veil.driver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.errors.VeilErrors;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VeilUrlTest {

    @Test
    void targetIsTheVendorUrl() throws SQLException {
        VeilUrl url = VeilUrl.parse("jdbc:veil:postgresql://db:5432/app?ssl=true");
        assertThat(url.targetUrl()).isEqualTo("jdbc:postgresql://db:5432/app?ssl=true");
        assertThat(url.settings()).isEmpty();
        assertThat(url.targetScheme()).isEqualTo("jdbc:postgresql:");
    }

    @Test
    void wrappingPutsAVendorUrlBehindVeilOnce() {
        assertThat(VeilUrl.wrapping("jdbc:postgresql://db/app")).isEqualTo("jdbc:veil:postgresql://db/app");
        assertThat(VeilUrl.wrapping("jdbc:veil:h2:mem:x")).isEqualTo("jdbc:veil:h2:mem:x");
        assertThat(VeilUrl.wrapping("postgresql://db/app")).isEqualTo("postgresql://db/app");
        assertThat(VeilUrl.wrapping(null)).isNull();
    }

    @Test
    void takesVeilParametersOutOfTheQuery() throws SQLException {
        VeilUrl url =
                VeilUrl.parse("jdbc:veil:postgresql://db/app?veil.allowUnwrap=true&ssl=true&veil.targetDriver=x.Y");
        assertThat(url.targetUrl()).isEqualTo("jdbc:postgresql://db/app?ssl=true");
        assertThat(url.settings()).isEqualTo(Map.of("veil.allowUnwrap", "true", "veil.targetDriver", "x.Y"));
    }

    @Test
    void keepsTheQueryWellFormedWhenOnlyVeilParametersLead() throws SQLException {
        assertThat(VeilUrl.parse("jdbc:veil:mariadb://db/app?veil.allowUnwrap=true&veil.targetDriver=a.B&useSsl=false")
                .targetUrl()).isEqualTo("jdbc:mariadb://db/app?useSsl=false");
        assertThat(VeilUrl.parse("jdbc:veil:mariadb://db/app?veil.allowUnwrap=true").targetUrl())
                .isEqualTo("jdbc:mariadb://db/app");
    }

    @Test
    void takesVeilParametersOutOfSemicolonStyleUrls() throws SQLException {
        VeilUrl url = VeilUrl.parse("jdbc:veil:h2:mem:demo;veil.allowUnwrap=true;DB_CLOSE_DELAY=-1");
        assertThat(url.targetUrl()).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(url.settings()).containsEntry("veil.allowUnwrap", "true");
    }

    @Test
    void percentDecodesQueryValuesOnly() throws SQLException {
        assertThat(VeilUrl.parse("jdbc:veil:postgresql://h/d?veil.targetDriver=a%2Eb").settings())
                .containsEntry("veil.targetDriver", "a.b");
        assertThat(VeilUrl.parse("jdbc:veil:h2:mem:x;veil.targetDriver=a%2Eb").settings())
                .containsEntry("veil.targetDriver", "a%2Eb");
    }

    @Test
    void refusesMalformedUrls() {
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:postgresql://h/d")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:")).hasMessageContaining("names no target database");
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:veil:h2:mem:x")).hasMessageContaining("another Veil URL");
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:jdbc:postgresql://h/d?password=secret"))
                .hasMessage("veil: the URL has the jdbc: prefix twice: write jdbc:veil:postgresql:… (jdbc:veil: then"
                        + " the vendor URL without its jdbc:), not jdbc:veil:jdbc:postgresql:…");
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:h2:mem:x;veil.allowUnwrap"))
                .hasMessageContaining("veil.allowUnwrap needs a value");
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:h2:mem:x;veil.allowUnwrap=1;veil.allowUnwrap=2"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:postgresql://h/d?VEIL.allowUnwrap=true"))
                .hasMessageContaining("lower case");
    }

    @Test
    void configurationErrorsHaveVeilsSqlState() {
        assertThatThrownBy(() -> VeilUrl.parse("jdbc:veil:"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(VeilErrors.CONFIGURATION_SQLSTATE);
                    assertThat(e.getErrorCode()).isEqualTo(VeilErrors.CONFIGURATION_CODE);
                    assertThat(e.getMessage()).startsWith("veil: ");
                });
    }
}
