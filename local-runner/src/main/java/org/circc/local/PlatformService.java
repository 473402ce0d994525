package org.circc.local;

import java.nio.file.Path;
import java.util.List;

/** A CIRCC application the runner starts as its own JVM: its name, its module and its default port. */
public record PlatformService(String name, String module, int defaultPort) {

    public static final PlatformService INTAKE = new PlatformService("intake", "services/intake", 8081);
    public static final PlatformService TRIAGE = new PlatformService("triage", "services/triage", 8082);
    public static final PlatformService ESCALATION = new PlatformService("escalation", "services/escalation", 8083);
    public static final PlatformService NOTIFICATION = new PlatformService("notification", "services/notification", 8084);
    public static final PlatformService TIMELINE = new PlatformService("timeline", "services/timeline", 8085);
    public static final PlatformService GATEWAY = new PlatformService("gateway", "gateway", 8080);

    public static final List<PlatformService> SERVICES = List.of(INTAKE, TRIAGE, ESCALATION, NOTIFICATION, TIMELINE);

    /** The executable jar {@code mvn package} builds for it. */
    public Path executableJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve("circc-" + name + "-exec.jar");
    }
}
