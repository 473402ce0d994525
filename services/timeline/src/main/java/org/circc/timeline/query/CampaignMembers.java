package org.circc.timeline.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.IncidentId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which incidents joined which campaign, and when. A campaign's members are spread over {@value #SHARDS} documents
 * keyed {@code <campaignId>/<shard>}, each a map from incident id to the instant it joined; an incident's shard is
 * fixed by its id. Every read and write names its documents by {@code _id}, which the embedded MongoDB-wire server
 * serves from its index; it scans the whole collection for anything else (an {@code _id} range included), which
 * made reading members quadratic over a large history. Spreading a campaign keeps a join's write small in a storm
 * of thousands of members (the embedded server copies the document it updates), and reading a campaign is one
 * {@code $in} of its shard keys.
 */
public class CampaignMembers {

    static final int SHARDS = 32;
    private static final String MEMBERS = "members";

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public CampaignMembers(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Records that an incident joined a campaign; idempotent: a redelivered join changes nothing, and a later join
     * of the same incident keeps the first instant.
     */
    public Mono<Void> add(String campaignId, IncidentId incidentId, Instant at) {
        Bson shard = Filters.eq("_id", shardKey(campaignId, Math.floorMod(incidentId.hashCode(), SHARDS)));
        Bson update = Updates.min(MEMBERS + "." + incidentId, Date.from(at));
        return mongo.getCollection(collection)
                .flatMap(members -> Upserts.updateOrInsert(members, shard, update))
                .then();
    }

    /** The campaign's members with the instant each joined; empty for an unknown campaign. */
    public Mono<List<CampaignState.Member>> of(String campaignId) {
        List<String> shards = IntStream.range(0, SHARDS).mapToObj(shard -> shardKey(campaignId, shard)).toList();
        return mongo.getCollection(collection)
                .flatMapMany(members -> Flux.from(members.find(Filters.in("_id", shards))))
                .flatMapIterable(shard -> shard.get(MEMBERS, Document.class).entrySet())
                .map(CampaignMembers::member)
                .collectList();
    }

    private static CampaignState.Member member(Map.Entry<String, Object> joined) {
        return new CampaignState.Member(IncidentId.of(joined.getKey()), ((Date) joined.getValue()).toInstant());
    }

    private static String shardKey(String campaignId, int shard) {
        return campaignId + "/" + shard;
    }
}
