package org.circc.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook stakeholders for the simulations that measure notification: {@code count} stakeholders subscribed to the
 * games-ticketing sector, each with its own receiver (its own port) on 127.0.0.1, registered through the gateway as
 * the embedded coordinator. One port each because the platform limits and breaks circuits per endpoint origin:
 * stakeholders behind one origin would measure that limit instead of delivery latency. Records when webhooks about
 * each incident arrive. {@link #close} stops the receivers and removes the stakeholders: left registered, they
 * would be owed (and retried) every later run's notices. Loopback webhook targets are allowed only on the embedded
 * default, which is what the benchmarks run against.
 */
final class WebhookReceivers implements AutoCloseable {

    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /**
     * Escalating reports' observables come from the benchmarking range 198.18.0.0/15, from a random start: a second
     * run against the same platform must not correlate its reports into the first run's campaigns, whose
     * escalations were told already.
     */
    private static final AtomicLong OBSERVABLES = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 16));

    private final String baseUrl;
    private final String idPrefix;
    private final int count;
    private final List<HttpServer> servers = new ArrayList<>();
    /** Webhooks by incident, as they arrive: one may arrive before the load generator recorded its acceptance. */
    private final Map<String, List<Instant>> received = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newHttpClient();

    private WebhookReceivers(String baseUrl, String idPrefix, int count) {
        this.baseUrl = baseUrl;
        this.idPrefix = idPrefix;
        this.count = count;
    }

    /** Starts {@code count} receivers and registers (or re-registers) stakeholders {@code <idPrefix>-0…}. */
    static WebhookReceivers start(String baseUrl, String idPrefix, int count) {
        WebhookReceivers receivers = new WebhookReceivers(baseUrl, idPrefix, count);
        for (int i = 0; i < count; i++) {
            receivers.servers.add(receivers.receiver());
        }
        for (int i = 0; i < count; i++) {
            receivers.register(i, receivers.servers.get(i).getAddress().getPort());
        }
        return receivers;
    }

    /** When webhooks about the incident arrived, at any of the receivers. */
    List<Instant> receivedAbout(String incidentId) {
        return received.getOrDefault(incidentId, List.of());
    }

    /**
     * A report that escalates on the default policy (high functional impact) to the receivers' sector, with an
     * observable of its own, so that it opens its own campaign and escalation.
     */
    static String escalatingReport(String title) {
        long n = OBSERVABLES.incrementAndGet();
        return """
                {"title": "%s", "category": "availability:ddos", "sector": "games-ticketing",
                 "detectedAt": "%s", "impact": {"functional": "high", "information": "none", "recoverability": "regular"},
                 "observables": [{"type": "ipv4", "value": "198.%d.%d.%d"}]}
                """.formatted(title, Instant.now().minus(1, ChronoUnit.MINUTES), 18 + (n >> 16 & 1), n >> 8 & 255, n & 255);
    }

    /** Polls until {@code done} or until {@code wait} has passed: webhooks arrive when the platform gets to them. */
    static void awaitUntil(BooleanSupplier done, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The {@code p}th percentile of sorted durations, in milliseconds, or "-" when there are none. */
    static String percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)).toMillis() + " ms";
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        handlers.shutdown();
        for (int i = 0; i < count; i++) {
            remove(i);
        }
    }

    private HttpServer receiver() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            try (InputStream body = exchange.getRequestBody()) {
                Matcher matcher = INCIDENT_ID.matcher(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                if (matcher.find()) {
                    received.computeIfAbsent(matcher.group(1), id -> new CopyOnWriteArrayList<>()).add(at);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void register(int i, int port) {
        String id = idPrefix + "-" + i;
        String body = """
                {"id": "%s", "name": "Benchmark receiver %d", "kind": "organisation",
                 "organisation": "bench-org-%d", "clearance": "TLP:AMBER",
                 "channels": [{"type": "webhook", "url": "http://127.0.0.1:%d/hook/%d", "secret": "bench-secret-%d-0123456789abcdef"}],
                 "subscriptions": {"sectors": ["games-ticketing"], "minSeverity": 0, "categories": []}}
                """.formatted(id, i, i, port, i, i);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stakeholders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() == 409) {
            response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stakeholders/" + id))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("registering " + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    private void remove(int i) {
        String id = idPrefix + "-" + i;
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stakeholders/" + id))
                    .DELETE());
            if (response.statusCode() != 204 && response.statusCode() != 404) {
                System.out.println("could not remove " + id + ": " + response.statusCode() + " " + response.body());
            }
        } catch (UncheckedIOException e) {
            System.out.println("could not remove " + id + ": " + e.getCause());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("X-API-Key", "coord-key").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
