package org.circc.local;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One application's JVM, started by the runner. */
record RunningApplication(PlatformService service, int port, Process process, Path log) {

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGTERM, so Spring closes the application (processors release their tokens, consumers leave their groups). */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the stop {@link #requestStop() requested}; after 30 s, the hard way. */
    void awaitStop() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
