package dev.veil.approval.server.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by chromedriver, both found on the PATH. Missing browsers fail the test: a
 * reviewer page test that skips could not tell a broken page from a missing browser.
 */
final class Chromium {

    private Chromium() {
    }

    static ChromeDriver start(Path profile) throws IOException {
        Path browser = onPath("chromium", "chromium-browser", "google-chrome").orElse(null);
        Path driver = onPath("chromedriver").orElse(null);
        if (browser == null || driver == null) {
            fail("the reviewer page is tested in a real headless Chromium: install chromium and chromium-driver"
                    + " (Debian: apt-get install -y chromium chromium-driver) so that chromium and chromedriver"
                    + " are on the PATH");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> dirs = List.of(path.split(File.pathSeparator));
        return Stream.of(names).flatMap(name -> dirs.stream().map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
