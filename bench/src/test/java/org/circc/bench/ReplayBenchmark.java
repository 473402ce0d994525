package org.circc.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.events.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Issue 10, scenario 4 (and issue 8's closing note): replay. Against a running {@code ./run-local}, it
 * <ol>
 *   <li>publishes a corpus of {@code events} integration events ({@link ReplayCorpus}) to the integration topics in
 *       the platform's wire format (key, CloudEvents headers, JSON), pipelined, and measures how fast the live
 *       timeline projection ingests it (events/s until its consumer group has no lag);</li>
 *   <li>rebuilds every read model ({@code POST /api/v1/admin/rebuild}) and measures the rebuild (events/s);</li>
 *   <li>queries the rebuilt models: {@code queries} timelines and {@code queries} {@code state?asOf} (an instant
 *       in the middle of the incident's history) of random incidents of the corpus, by {@code concurrency}
 *       clients through the gateway, and reports p50/p90/p99/max and requests/s.</li>
 * </ol>
 * The other consumers of the topics (intake, triage, escalation, notification) would process the corpus as real
 * traffic, a cascade that takes hours and changes the incidents under measurement: stop those four JVMs once the
 * platform is up (the gateway and the timeline must run). The benchmark refuses to publish while their consumer
 * groups have members ({@code -DallowCascade=true} to publish anyway), and afterwards moves their offsets past the
 * corpus so they skip it when they come back.
 *
 * <pre>
 * ./run-local          # in another terminal, fresh data/; wait for "CIRCC is up", then stop the intake, triage,
 *                      # escalation and notification JVMs
 * MAVEN_OPTS=-Xmx4g ./mvnw -Pbench -pl bench test-compile exec:java \
 *        -Dexec.mainClass=org.circc.bench.ReplayBenchmark -Devents=1000000
 * </pre>
 * (exec:java runs in Maven's JVM, hence the heap for a million events; {@code -Dexec.mainClass} overrides
 * bench/pom.xml's default program, RawLimits.) Options, as {@code -D}:
 * <ul>
 *   <li>{@code -Dproduce=false}: query the corpus of an earlier run (its incidents are in {@code sample}; the
 *       benchmark refuses a sample whose first incident the read models do not hold);</li>
 *   <li>{@code -Dcampaigns=300}, {@code -DloneShare=0.3} (the share of the events in incidents that are a campaign
 *       of one, each with its own chain), {@code -Ddays=90}, {@code -Dfrom=2026-01-01T00:00:00Z},
 *       {@code -Dseed=10}, {@code -Dcompression=lz4};</li>
 *   <li>{@code -DawaitLive=false}: rebuild at once, while the live projection still consumes, or alone when the
 *       timeline's live bindings were not started (docs/benchmarks.md, "the rebuild alone");
 *       {@code -DallowCascade=true}: publish although other services consume;
 *       {@code -Drebuild=false}: query the read models that serve, without rebuilding them;</li>
 *   <li>{@code -Dqueries=2000}, {@code -Dconcurrency=8}, {@code -Dboard=true} (also one
 *       {@code GET /api/v1/board?asOf=}, which folds every incident);</li>
 *   <li>{@code -Dkafka=127.0.0.1:19092}, {@code -DbaseUrl=http://127.0.0.1:8080}, {@code -DadminKey=admin-key},
 *       {@code -DapiKey=coord-key}, {@code -Dsample=target/replay-incidents.csv}.</li>
 * </ul>
 */
public final class ReplayBenchmark {

    private static final int EVENTS = Integer.getInteger("events", 1_000_000);
    private static final boolean PRODUCE = Boolean.parseBoolean(System.getProperty("produce", "true"));
    private static final boolean ALLOW_CASCADE = Boolean.getBoolean("allowCascade");
    private static final boolean AWAIT_LIVE = Boolean.parseBoolean(System.getProperty("awaitLive", "true"));
    private static final boolean REBUILD = Boolean.parseBoolean(System.getProperty("rebuild", "true"));
    private static final String KAFKA = System.getProperty("kafka", "127.0.0.1:19092");
    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final String ADMIN_KEY = System.getProperty("adminKey", "admin-key");
    private static final String API_KEY = System.getProperty("apiKey", "coord-key");
    private static final int CAMPAIGNS = Integer.getInteger("campaigns", 300);
    private static final double LONE_SHARE = Double.parseDouble(System.getProperty("loneShare", "0.3"));
    private static final Duration PERIOD = Duration.ofDays(Integer.getInteger("days", 90));
    private static final Instant PERIOD_START = Instant.parse(System.getProperty("from", "2026-01-01T00:00:00Z"));
    private static final long SEED = Long.getLong("seed", 10);
    private static final String COMPRESSION = System.getProperty("compression", "lz4");
    private static final int QUERIES = Integer.getInteger("queries", 2_000);
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 8);
    private static final boolean BOARD = Boolean.getBoolean("board");
    private static final Path SAMPLE = Path.of(System.getProperty("sample", "target/replay-incidents.csv"));

    /** ReplayCorpus's shape: a campaign member's events, its campaign's chain, an incident in a campaign of one. */
    private static final int MEMBER_EVENTS = 8;
    private static final int CHAIN_EVENTS = 10;
    private static final int LONE_EVENTS = 15;
    private static final String TIMELINE_GROUP = "timeline";
    private static final List<String> CORPUS_TOPICS = List.of(Topics.INCIDENT_EVENTS, Topics.TRIAGE_EVENTS,
            Topics.ESCALATION_EVENTS, Topics.NOTIFICATION_EVENTS);
    /** The other services' consumer groups and the corpus topics they read (their application.yml). */
    private static final Map<String, List<String>> OTHER_CONSUMERS = Map.of(
            "intake", List.of(Topics.TRIAGE_EVENTS, Topics.ESCALATION_EVENTS),
            "triage", List.of(Topics.INCIDENT_EVENTS),
            "escalation", List.of(Topics.TRIAGE_EVENTS, Topics.INCIDENT_EVENTS),
            "notification", List.of(Topics.ESCALATION_EVENTS, Topics.TRIAGE_EVENTS, Topics.INCIDENT_EVENTS));
    /** The publishing service of each topic: the CloudEvents source its publisher writes ("/circc/" + name). */
    private static final Map<String, String> SOURCES = Map.of(Topics.INCIDENT_EVENTS, "/circc/intake",
            Topics.TRIAGE_EVENTS, "/circc/triage", Topics.ESCALATION_EVENTS, "/circc/escalation",
            Topics.NOTIFICATION_EVENTS, "/circc/notification");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** The first few failed queries are printed, the rest only counted. */
    private static final Semaphore FAILURES_SHOWN = new Semaphore(5);
    private static final DateTimeFormatter MILLISECOND_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Writes events as the platform's ObjectMapper does: record properties by name (Spring Boot's defaults), instants
     * in UTC with exactly milliseconds (PlatformJacksonConfiguration), the only {@code java.time} type in the events.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule("circc-json-conventions").addSerializer(Instant.class,
                    new StdSerializer<>(Instant.class) {
                        @Override
                        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                                throws IOException {
                            generator.writeString(MILLISECOND_INSTANT.format(value));
                        }
                    }))
            .build();

    /** A measured phase, one row of the summary. */
    private record Row(String phase, long count, Duration elapsed, String rate, Latencies latencies, long failures) {

        /** p50, p90, p99 and max; blank for a phase without latencies. */
        List<String> latencyCells() {
            return latencies == null ? List.of("", "", "", "") : List.of(latencies.percentile(50),
                    latencies.percentile(90), latencies.percentile(99), latencies.max());
        }
    }

    /** Latencies of one kind of query, in nanoseconds. */
    private record Latencies(long[] sortedNanos) {

        static Latencies of(List<Long> nanos) {
            return new Latencies(nanos.stream().mapToLong(Long::longValue).sorted().toArray());
        }

        String percentile(double p) {
            if (sortedNanos.length == 0) {
                return "–";
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return millis(sortedNanos[Math.max(0, index)]);
        }

        String max() {
            return sortedNanos.length == 0 ? "–" : millis(sortedNanos[sortedNanos.length - 1]);
        }

        private static String millis(long nanos) {
            return String.format("%.1f ms", nanos / 1e6);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    // shut down at the end, so that exec:java, which waits for every non-daemon thread, returns
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(CONCURRENCY);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(httpThreads)
            .build();

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new ReplayBenchmark().run();
    }

    private void run() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            List<ReplayCorpus.Incident> incidents;
            if (PRODUCE) {
                refuseCascade(admin);
                long started = System.nanoTime();
                incidents = produceCorpus();
                writeSample(incidents);
                if (!ALLOW_CASCADE) {
                    skipCorpusForOtherConsumers(admin);
                }
                awaitLiveProjection(admin, started, EVENTS);
            } else {
                incidents = readSample();
                awaitLiveProjection(admin, System.nanoTime(), 0);
            }
            if (REBUILD) {
                rebuild();
            }
            if (!PRODUCE) {
                refuseForeignSample(incidents);
            }
            query(incidents);
        } finally {
            httpThreads.shutdown();
        }
        printSummary();
    }

    private static void refuseCascade(Admin admin) throws Exception {
        Map<String, ConsumerGroupDescription> groups =
                admin.describeConsumerGroups(OTHER_CONSUMERS.keySet()).all().get();
        List<String> active = groups.values().stream().filter(group -> !group.members().isEmpty())
                .map(ConsumerGroupDescription::groupId).sorted().toList();
        if (!active.isEmpty() && !ALLOW_CASCADE) {
            throw new IllegalStateException("consumer groups " + active + " are active: their services would process "
                    + "the corpus as real traffic. Stop those JVMs (the timeline and the gateway stay up), or pass "
                    + "-DallowCascade=true");
        }
    }

    private List<ReplayCorpus.Incident> produceCorpus() throws Exception {
        ReplayCorpus corpus = new ReplayCorpus(SEED, PERIOD_START, PERIOD);
        long eventsPerRound = EVENTS / CAMPAIGNS;
        int members = (int) Math.max(1, (eventsPerRound * (1 - LONE_SHARE) - CHAIN_EVENTS) / MEMBER_EVENTS);
        int lone = (int) (eventsPerRound * LONE_SHARE / LONE_EVENTS);
        System.out.printf("Publishing %,d events to %s: rounds of a campaign of %,d incidents and %,d lone incidents%n",
                EVENTS, KAFKA, members, lone);
        Publication publication = new Publication();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            while (publication.sent < EVENTS) {
                publication.publish(producer, corpus.campaign(members));
                for (int i = 0; i < lone && publication.sent < EVENTS; i++) {
                    publication.publish(producer, corpus.campaign(1));
                }
            }
            producer.flush();
        }
        if (publication.failure.get() != null) {
            throw new IllegalStateException("Kafka refused part of the corpus", publication.failure.get());
        }
        long sent = publication.sent;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - publication.started);
        rows.add(new Row("publish corpus (pipelined, acks=all, " + COMPRESSION + ")", sent, elapsed,
                rate(sent, elapsed, "events"), null, 0));
        System.out.printf("Published %,d events of %,d incidents in %,d campaigns in %s: %s%n", sent,
                publication.incidents.size(), publication.campaigns, seconds(elapsed), rate(sent, elapsed, "events"));
        return publication.incidents;
    }

    /** What has been published so far: the budget of events is spent campaign by campaign. */
    private static final class Publication {
        private final List<ReplayCorpus.Incident> incidents = new ArrayList<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final long started = System.nanoTime();
        private long nextProgress = started + PROGRESS_EVERY.toNanos();
        private long sent;
        private int campaigns;

        /** The last campaign is cut at an instant once the budget is spent: a coherent prefix of its history. */
        void publish(KafkaProducer<byte[], byte[]> producer, ReplayCorpus.Campaign campaign) throws IOException {
            campaigns++;
            Instant cutOff = Instant.MAX;
            for (IntegrationEvent event : campaign.events()) {
                if (sent == EVENTS) {
                    cutOff = event.occurredAt();
                    break;
                }
                producer.send(record(event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                sent++;
                if (System.nanoTime() > nextProgress) {
                    nextProgress += PROGRESS_EVERY.toNanos();
                    System.out.printf("  published %,d%n", sent);
                }
            }
            incidents.addAll(published(campaign.incidents(), cutOff));
        }
    }

    /** The incidents whose report was published before {@code cutOff}, their history ending there. */
    private static List<ReplayCorpus.Incident> published(List<ReplayCorpus.Incident> incidents, Instant cutOff) {
        return incidents.stream()
                .filter(incident -> incident.reportedAt().isBefore(cutOff))
                .map(incident -> incident.lastEventAt().isBefore(cutOff) ? incident
                        : new ReplayCorpus.Incident(incident.id(), incident.reportedAt(), cutOff.minusMillis(1)))
                .toList();
    }

    /** As IntegrationEventPublisher sends from a unit of work: key and CloudEvents attributes as UTF-8 headers. */
    private static ProducerRecord<byte[], byte[]> record(IntegrationEvent event) throws IOException {
        IntegrationEventCatalogue.Entry entry = IntegrationEventCatalogue.of(event.getClass());
        return new ProducerRecord<>(entry.topic(), null, utf8(event.subject()), JSON.writeValueAsBytes(event), List.of(
                new RecordHeader("ce_specversion", utf8("1.0")),
                new RecordHeader("ce_id", utf8(UUID.randomUUID().toString())),
                new RecordHeader("ce_source", utf8(SOURCES.get(entry.topic()))),
                new RecordHeader("ce_type", utf8(entry.type())),
                new RecordHeader("ce_subject", utf8(event.subject())),
                new RecordHeader("ce_time", utf8(MILLISECOND_INSTANT.format(event.occurredAt())))));
    }

    private static Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /** Moves the stopped services' offsets past the corpus, so that they do not process it when they come back. */
    private static void skipCorpusForOtherConsumers(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin, CORPUS_TOPICS);
        for (Map.Entry<String, List<String>> consumer : OTHER_CONSUMERS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            ends.forEach((partition, end) -> {
                if (consumer.getValue().contains(partition.topic())) {
                    offsets.put(partition, new OffsetAndMetadata(end));
                }
            });
            admin.alterConsumerGroupOffsets(consumer.getKey(), offsets).all().get();
        }
        System.out.println("Moved the offsets of " + OTHER_CONSUMERS.keySet() + " past the corpus");
    }

    private static void writeSample(List<ReplayCorpus.Incident> incidents) throws IOException {
        List<String> lines = incidents.stream()
                .map(incident -> incident.id() + "," + incident.reportedAt() + "," + incident.lastEventAt())
                .toList();
        Files.createDirectories(SAMPLE.toAbsolutePath().getParent());
        Files.write(SAMPLE, lines);
        System.out.println("Incidents of the corpus written to " + SAMPLE.toAbsolutePath());
    }

    private static List<ReplayCorpus.Incident> readSample() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE);
        if (lines.isEmpty()) {
            throw new IllegalStateException("the sample " + SAMPLE.toAbsolutePath() + " is empty");
        }
        return lines.stream()
                .map(line -> line.split(","))
                .map(fields -> new ReplayCorpus.Incident(IncidentId.of(fields[0]),
                        Instant.parse(fields[1]), Instant.parse(fields[2])))
                .toList();
    }

    /**
     * Waits until the timeline's consumer group has committed every offset of the corpus topics. Counted from the
     * start of publishing, since the live projection consumes while the corpus is published.
     */
    private void awaitLiveProjection(Admin admin, long startedNanos, long events) throws Exception {
        if (!AWAIT_LIVE) {
            // the group also holds the directory's consumer, so what counts is who reads the corpus topics
            long corpusPartitions = admin.describeConsumerGroups(List.of(TIMELINE_GROUP)).all().get()
                    .get(TIMELINE_GROUP).members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .filter(partition -> CORPUS_TOPICS.contains(partition.topic()))
                    .count();
            System.out.println(corpusPartitions == 0
                    ? "Not waiting for the live projection: no timeline consumer reads the corpus as the rebuild "
                    + "starts, so it runs alone"
                    : "Not waiting for the live projection: it reads " + corpusPartitions + " partitions of the "
                    + "corpus as the rebuild starts, so the rebuild competes with it");
            return;
        }
        System.out.println("Waiting for the live timeline projection (consumer group " + TIMELINE_GROUP + ")");
        long lag = lag(admin);
        while (lag > 0) {
            Thread.sleep(PROGRESS_EVERY.toMillis());
            long previous = lag;
            lag = lag(admin);
            System.out.printf("  lag %,d, consuming %,.0f events/s%n", lag,
                    (previous - lag) / (double) PROGRESS_EVERY.toSeconds());
        }
        if (events > 0) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            rows.add(new Row("live projection (from first publish to no lag)", events, elapsed,
                    rate(events, elapsed, "events"), null, 0));
            System.out.printf("Live projection caught up after %s: %s%n", seconds(elapsed),
                    rate(events, elapsed, "events"));
        }
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin, CORPUS_TOPICS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(TIMELINE_GROUP).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(partition -> request.put(new TopicPartition(topic.name(), partition.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Rebuilds the read models and polls the progress every second. The rebuild first records every retained
     * record ({@code processed} climbs to {@code total}), then folds every incident's view; both are timed.
     */
    private void rebuild() throws Exception {
        System.out.println("Rebuilding the read models");
        long started = System.nanoTime();
        JsonNode progress = send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/admin/rebuild"))
                .header("X-API-Key", ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()), 202);
        Duration recorded = null;
        while (progress.path("state").asText().equals("RUNNING")) {
            Thread.sleep(1_000);
            progress = send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/admin/rebuild"))
                    .header("X-API-Key", ADMIN_KEY).GET(), 200);
            if (recorded == null && progress.path("processed").asLong() >= progress.path("total").asLong()
                    && progress.path("total").asLong() > 0) {
                recorded = Duration.ofNanos(System.nanoTime() - started);
            }
            System.out.printf("  %s %,d / %,d%n", progress.path("state").asText(), progress.path("processed").asLong(),
                    progress.path("total").asLong());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (!progress.path("state").asText().equals("COMPLETED")) {
            throw new IllegalStateException("the rebuild ended " + progress + "; see the timeline's log");
        }
        long processed = progress.path("processed").asLong();
        rows.add(new Row("rebuild, all read models", processed, elapsed, rate(processed, elapsed, "events"), null, 0));
        System.out.printf("Rebuilt from %,d events in %s (%s); recording took %s, folding the views the rest%n",
                processed, seconds(elapsed), rate(processed, elapsed, "events"),
                recorded == null ? "?" : seconds(recorded));
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Refuses to measure queries of incidents the read models do not hold: with {@code -Dproduce=false} the sample
     * file may be another corpus's (a later run in the same clone overwrites it), and every query would then time a
     * 404. The sample's first incident must have a timeline; any other answer (a wrong key, a platform that is down)
     * stops the benchmark too, rather than timing 4,000 failures.
     */
    private void refuseForeignSample(List<ReplayCorpus.Incident> incidents) throws Exception {
        ReplayCorpus.Incident probe = incidents.get(0);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/incidents/"
                        + probe.id() + "/timeline")).header("X-API-Key", API_KEY).timeout(Duration.ofMinutes(1))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            throw new IllegalStateException("incident " + probe.id() + " of the sample " + SAMPLE.toAbsolutePath()
                    + " is not in the read models: the sample is of another corpus (or the read models are not "
                    + "built). Pass the sample written when this corpus was published (-Dsample=...)");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the timeline of the sample's first incident " + probe.id() + " answered "
                    + response.statusCode() + ": " + abbreviated(response.body()));
        }
    }

    /** One kind of query: its latencies and the answers that were not a 200 with content. */
    private record Kind(String name, List<Long> nanos, AtomicLong failures) {

        Kind(String name) {
            this(name, new ArrayList<>(), new AtomicLong());
        }

        synchronized void record(long elapsedNanos) {
            nanos.add(elapsedNanos);
        }
    }

    private void query(List<ReplayCorpus.Incident> incidents) throws Exception {
        if (incidents.isEmpty()) {
            throw new IllegalStateException("no incidents of the corpus to query");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        ReplayCorpus.Incident[] sample = new ReplayCorpus.Incident[QUERIES];
        Arrays.setAll(sample, i -> incidents.get(random.nextInt(incidents.size())));
        Kind timeline = new Kind("GET /incidents/{id}/timeline");
        Kind state = new Kind("GET /incidents/{id}/state?asOf=");
        System.out.printf("Querying %,d incidents, %d clients%n", QUERIES, CONCURRENCY);

        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONCURRENCY; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < QUERIES; i = next.getAndIncrement()) {
                        ReplayCorpus.Incident incident = sample[i];
                        String path = "/api/v1/incidents/" + incident.id();
                        timed(timeline, path + "/timeline", body -> body.path("entries").size() > 0);
                        timed(state, path + "/state?asOf=" + MILLISECOND_INSTANT.format(incident.middle()),
                                body -> body.hasNonNull("incidentId"));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (Kind kind : List.of(timeline, state)) {
            rows.add(new Row(kind.name(), kind.nanos().size(), elapsed, null, Latencies.of(kind.nanos()),
                    kind.failures().get()));
        }
        rows.add(new Row("both, " + CONCURRENCY + " clients", 2L * QUERIES, elapsed,
                rate(2L * QUERIES, elapsed, "requests"), null, timeline.failures().get() + state.failures().get()));
        if (BOARD) {
            Kind board = new Kind("GET /board?asOf= (every incident folded)");
            long boardStarted = System.nanoTime();
            timed(board, "/api/v1/board?asOf=" + MILLISECOND_INSTANT.format(PERIOD_START.plus(PERIOD.dividedBy(2))),
                    body -> body.has("open"));
            rows.add(new Row(board.name(), 1, Duration.ofNanos(System.nanoTime() - boardStarted), null,
                    Latencies.of(board.nanos()), board.failures().get()));
        }
    }

    /** A query is a failure unless it answers 200 with content; failures count in the latencies too. */
    private void timed(Kind kind, String path, Predicate<JsonNode> hasContent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .header("X-API-Key", API_KEY).timeout(Duration.ofMinutes(5)).GET().build();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            kind.record(System.nanoTime() - started);
            countFailure(kind, path, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        kind.record(System.nanoTime() - started);
        if (response.statusCode() != 200 || !hasContent.test(parse(response.body()))) {
            countFailure(kind, path, response.statusCode() + " " + abbreviated(response.body()));
        }
    }

    /** The body as JSON; a missing node when it is none (a proxy's error page), which has no content. */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static void countFailure(Kind kind, String path, String what) {
        kind.failures().incrementAndGet();
        if (FAILURES_SHOWN.tryAcquire()) {
            System.out.println("  failed: " + path + " -> " + what);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private void printSummary() {
        System.out.printf("%n### Replay — %,d events in %d rounds of one campaign and lone incidents, %.0f %% of the events in lone incidents, %s%n%n",
                EVENTS, CAMPAIGNS, LONE_SHARE * 100, Instant.now());
        System.out.println("| phase | events / requests | elapsed | rate | p50 | p90 | p99 | max | failures |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| %s | %,d | %s | %s | %s | %,d |%n", row.phase(), row.count(), seconds(row.elapsed()),
                    row.rate() == null ? "" : row.rate(), String.join(" | ", row.latencyCells()), row.failures());
        }
    }

    private static String rate(long count, Duration elapsed, String what) {
        return String.format("%,.0f %s/s", count / Math.max(elapsed.toNanos() / 1e9, 1e-9), what);
    }

    private static String seconds(Duration elapsed) {
        return String.format("%,.1f s", elapsed.toMillis() / 1000.0);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
