package org.advocacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by its own chromedriver; nothing is downloaded. */
public final class HeadlessChrome {

    /**
     * How often a WebDriverWait asks the browser again: Selenium's default (500 ms) adds
     * a quarter of a second on average to each wait, and the tests wait some hundred
     * times.
     */
    public static final Duration POLL = Duration.ofMillis(100);

    /**
     * The switches every test browser starts with. Chromium's shared memory goes to
     * /dev/shm unless that is small (containers give it 64 MB), when it goes to /tmp,
     * which costs disk writes on every frame.
     */
    public static final List<String> ARGUMENTS = arguments();

    private HeadlessChrome() {
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (sharedMemoryBytes() < 1024L * 1024 * 1024) {
            arguments.add("--disable-dev-shm-usage");
        }
        return List.copyOf(arguments);
    }

    private static long sharedMemoryBytes() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getTotalSpace();
        }
        catch (IOException e) {
            return 0;
        }
    }

    static ChromeDriver start() {
        return start(true);
    }

    static ChromeDriver start(boolean javascript) {
        return start(javascript, false, false, options -> {
        });
    }

    /**
     * A browser whose interface language and Accept-Language are US English, whatever the
     * machine's locale.
     */
    public static ChromeDriver startInEnglish(boolean javascript) {
        return start(javascript, false, true, options -> {
        });
    }

    /** A browser with further options of the caller's (prompt handling, logs). */
    public static ChromeDriver start(Consumer<ChromeOptions> moreOptions) {
        return start(true, false, false, moreOptions);
    }

    /** A browser with room for the console's grids and side navigation (1400 by 1000). */
    public static ChromeDriver startForConsole() {
        ChromeDriver driver = start(true);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        return driver;
    }

    /**
     * A browser that blocks third-party cookies, as Safari and Firefox do and Chrome does
     * for many users: the user setting (the {@code block_third_party_cookies} and
     * cookie-controls preferences) plus the test switch of Chrome's third-party cookie
     * phase-out. Tests that rely on it prove it took effect.
     */
    static ChromeDriver startBlockingThirdPartyCookies() {
        return start(true, true, false, options -> {
        });
    }

    private static ChromeDriver start(boolean javascript, boolean blockThirdPartyCookies, boolean english,
            Consumer<ChromeOptions> moreOptions) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
        options.addArguments(ARGUMENTS);
        options.addArguments("--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        if (blockThirdPartyCookies) {
            prefs.put("profile.block_third_party_cookies", true);
            prefs.put("profile.cookie_controls_mode", 1);
            options.addArguments("--test-third-party-cookie-phaseout");
        }
        if (english) {
            options.addArguments("--lang=en-US");
            prefs.put("intl.accept_languages", "en-US,en");
        }
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        moreOptions.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(
                    Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

}
