package org.circc.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.IncidentId;
import org.circc.intake.command.ReportIncidentCommand;
import org.circc.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reports with an {@code Idempotency-Key} (api.md): the key is claimed with {@code INSERT … ON CONFLICT DO NOTHING}
 * in the same database transaction in which Axon's JDBC event store appends the incident's first event (the
 * command handling joins the transaction), so either both commit or neither does. A concurrent duplicate blocks
 * on the primary key until the winner commits, then reads the winner's row: one incident per key. Keys are
 * kept {@link #RETENTION} (api.md: at least 24 hours), then purged by a recurring task (IntakeConfiguration).
 */
public class IdempotentSubmissions {

    public static final int MAX_KEY_LENGTH = 128;
    public static final Duration RETENTION = Duration.ofHours(48);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commandGateway;
    private final Clock clock;

    public IdempotentSubmissions(JdbcTemplate jdbc, TransactionTemplate transactions, CommandGateway commandGateway,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** Forgets keys claimed before {@code cutoff}; api.md keeps them at least 24 hours. @return how many */
    public int purgeClaimedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(cutoff));
    }

    /** @throws ProblemException 400 when the key is empty or longer than 128 characters */
    public static void checkKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    "the Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters", List.of());
        }
    }

    /**
     * SHA-256 (hex) of the body as canonical JSON: object keys sorted, no insignificant whitespace, a field that is
     * null the same as one that is absent.
     */
    public static String canonicalSha256(Object body) {
        try {
            Object tree = CANONICAL.convertValue(body, Object.class);
            byte[] canonical = CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the body", e);
        }
    }

    /**
     * Files the report unless the organisation already used the key: then the incident filed with it.
     *
     * @return the id of the incident the key stands for
     */
    public Mono<IncidentId> submit(String organisation, String key, String bodySha256, ReportIncidentCommand command) {
        return Mono.fromCallable(() -> transactions.execute(status -> {
            int claimed = jdbc.update("""
                    INSERT INTO idempotency_key (organisation, idempotency_key, body_sha256, incident_id, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    organisation, key, bodySha256, command.incidentId().value(), Timestamp.from(clock.instant()));
            if (claimed == 1) {
                commandGateway.sendAndWait(command);
                return command.incidentId();
            }
            Map<String, Object> winner = jdbc.queryForMap(
                    "SELECT body_sha256, incident_id FROM idempotency_key WHERE organisation = ? AND idempotency_key = ?",
                    organisation, key);
            if (!bodySha256.equals(winner.get("body_sha256"))) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                        "the Idempotency-Key was already used by your organisation with another body", List.of());
            }
            return new IncidentId((UUID) winner.get("incident_id"));
        })).subscribeOn(Schedulers.boundedElastic());
    }
}
