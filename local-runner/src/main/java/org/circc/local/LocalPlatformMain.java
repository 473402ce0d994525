package org.circc.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-runner/target/circc-local-runner.jar [data-directory]}: runs CIRCC on its embedded
 * defaults, data kept in {@code ./data} (or the given directory) across restarts, until Ctrl-C.
 */
public final class LocalPlatformMain {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatformMain.class);

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path projectRoot = Path.of(System.getProperty("circc.root", ".")).toAbsolutePath().normalize();
        Path dataDirectory = (args.length > 0 ? Path.of(args[0]) : projectRoot.resolve("data")).toAbsolutePath();
        Instant started = Instant.now();
        LocalPlatform platform = new LocalPlatform(LocalPlatformOptions.persistent(projectRoot, dataDirectory));
        try {
            platform.start();
        } catch (RuntimeException e) {
            log.error("CIRCC did not start: {}", e.getMessage());
            System.exit(1);
        }
        log.info("CIRCC is up in {} s; data in {}; Ctrl-C stops it\n{}",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, dataDirectory, platform.describe());
        // the platform's shutdown hook stops everything on Ctrl-C or SIGTERM
        new CountDownLatch(1).await();
    }
}
