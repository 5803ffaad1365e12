package org.fieldaid.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium for end-to-end tests. Playwright's own browser download is never used. Without a
 * Chromium the tests are skipped, unless E2E_REQUIRED=true (as in CI), where they fail instead.
 */
public final class Chromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private Chromium() {
    }

    public static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public static Path requireOrSkip() {
        Optional<Path> chromium = find();
        if (chromium.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("E2E_REQUIRED"))) {
                throw new IllegalStateException("E2E_REQUIRED=true but no Chromium was found (install the Debian "
                        + "package 'chromium' or set CHROMIUM_PATH)");
            }
            Assumptions.abort("No Chromium found; end-to-end tests skipped (set E2E_REQUIRED=true to fail instead)");
        }
        return chromium.get();
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(requireOrSkip())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--disable-dev-shm-usage")));
    }
}
