package org.circc.timeline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * One generation of every read model: incident and campaign buckets, campaign members, the live incident views, the directory and
 * the replay log. A rebuild fills the next generation while the live one serves, then switches
 * ({@link ReadModelGenerations}); collection names end in {@code _g<generation>}.
 */
public record ReadModels(long generation, EventBuckets incidents, EventBuckets campaigns, CampaignMembers members,
                         IncidentViews views, Stakeholders stakeholders, ReplayLog replay) {

    public static final String SUFFIX = "_g";

    public static ReadModels of(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, long generation) {
        String suffix = SUFFIX + generation;
        return new ReadModels(generation,
                new EventBuckets(mongo, objectMapper, "incident_events" + suffix),
                new EventBuckets(mongo, objectMapper, "campaign_events" + suffix),
                new CampaignMembers(mongo, "campaign_rosters" + suffix),
                new IncidentViews(mongo, objectMapper, "incidents" + suffix),
                new Stakeholders(mongo, objectMapper, "stakeholders" + suffix),
                new ReplayLog(mongo, objectMapper, "replay_log" + suffix, "counters" + suffix));
    }

    /**
     * The secondary indexes the list, the metrics and replay use on a real MongoDB; the embedded MongoDB-wire server
     * accepts and ignores them. Reads by {@code _id} need none.
     */
    public Mono<Void> ensureIndexes() {
        return views.ensureIndexes().then(replay.ensureIndexes());
    }
}
