package org.circc.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 10, scenario 5: the raw limits of this machine for the writes the platform makes, so every platform
 * figure can be read as a fraction of them. Against the embedded infrastructure of a running {@code ./run-local}:
 * rows like Axon's event entries appended to PostgreSQL one transaction each (as a command does, with
 * synchronous commit), and records produced to Kafka with {@code acks=all} and idempotence, one synchronous send
 * at a time (as the publishers do) and pipelined (the ceiling). With 1 and with {@code threads} writers, for
 * {@code seconds} each. Prints one line per measurement.
 */
public final class RawLimits {

    private static final String POSTGRES = System.getProperty("postgresUrl", "jdbc:postgresql://127.0.0.1:15432/");
    private static final String KAFKA = System.getProperty("kafka", "127.0.0.1:19092");
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private static final int THREADS = Integer.getInteger("threads", 8);
    private static final byte[] PAYLOAD = new byte[700];

    private RawLimits() {
    }

    public static void main(String[] args) throws Exception {
        ThreadLocalRandom.current().nextBytes(PAYLOAD);
        prepareDatabase();
        for (int writers : new int[] {1, THREADS}) {
            report("postgres append, one row per transaction", writers, measure(writers, RawLimits::appendRows));
            report("kafka produce, synchronous sends", writers, measure(writers, () -> produce(false)));
        }
        report("kafka produce, pipelined", 1, measure(1, () -> produce(true)));
    }

    private static void report(String what, int writers, long operations) {
        System.out.printf("%-45s writers=%d  %,d in %d s  = %,.0f/s%n", what, writers, operations, RUN.toSeconds(),
                operations / (double) RUN.toSeconds());
    }

    private static long measure(int writers, Callable<Long> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(writer));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void prepareDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "postgres");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS bench_raw_limits");
            statement.execute("CREATE DATABASE bench_raw_limits");
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES + "bench_raw_limits", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE event_entry (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                        type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL,
                        payload BYTEA NOT NULL, meta_data BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    private static long appendRows() throws SQLException {
        long deadline = System.nanoTime() + RUN.toNanos();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(POSTGRES + "bench_raw_limits", "postgres", "postgres");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                         payload_type, payload, meta_data) VALUES (?, ?, 0, 'Incident', now()::text, 'IncidentReportedEvent', ?, ?)""")) {
            while (System.nanoTime() < deadline) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, PAYLOAD);
                insert.setBytes(4, "{}".getBytes());
                insert.executeUpdate();
                rows++;
            }
        }
        return rows;
    }

    private static long produce(boolean pipelined) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        long records = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            while (System.nanoTime() < deadline) {
                var sent = producer.send(new ProducerRecord<>("bench.raw-limits", UUID.randomUUID().toString(), PAYLOAD));
                if (!pipelined) {
                    sent.get();
                }
                records++;
            }
            producer.flush();
        }
        return records;
    }
}
