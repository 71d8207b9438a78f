package dev.veil.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.driver.config.Setting;
import dev.veil.driver.config.Settings;
import dev.veil.driver.errors.VeilErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every setting and every error code the driver raises. */
class DocumentationTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    @Test
    void everySettingIsInTheConfigurationTable() throws IOException {
        String readme = readme();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(readme).contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` |");
        }
    }

    @Test
    void everyErrorCodeIsInTheErrorTable() throws IOException {
        String readme = readme();
        assertThat(readme).contains("| `" + VeilErrors.REFUSED_SQLSTATE + "` | " + VeilErrors.REFUSED_CODE + " |");
        assertThat(readme).contains("| `" + VeilErrors.CONFIGURATION_SQLSTATE + "` | " + VeilErrors.CONFIGURATION_CODE
                + " |");
        assertThat(readme).contains("| `" + VeilErrors.APPROVAL_SQLSTATE + "` | " + VeilErrors.APPROVAL_CODE + " |");
        assertThat(readme).contains("| `" + VeilErrors.APPROVAL_UNAVAILABLE_SQLSTATE + "` | "
                + VeilErrors.APPROVAL_UNAVAILABLE_CODE + " |");
        assertThat(readme).contains("| `" + VeilErrors.CANCELLED_SQLSTATE + "` |");
    }
}
