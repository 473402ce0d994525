package org.circc.timeline.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.circc.contracts.IncidentId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Which incidents joined which campaign, and when: one small document per campaign and member, keyed
 * {@code <campaignId>/<incidentId>}. A storm adds thousands of members to one campaign; as an array in one
 * document every join rewrote (and on the embedded MongoDB-wire server deep-copied) the whole array, so joins got
 * slower as the campaign grew. Here a join touches one document by {@code _id}, and the members of a campaign
 * are one {@code _id} range, which MongoDB serves from the {@code _id} index. Reading them is only needed when the
 * campaign's escalation chain moves and for the campaign view, not per join.
 */
public class CampaignMembers {

    /** Sorts after {@code /}, so {@code [<campaignId>/, <campaignId>0)} holds exactly the campaign's members. */
    private static final char AFTER_SEPARATOR = '0';

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
        Bson member = Filters.eq("_id", campaignId + "/" + incidentId);
        Bson update = Updates.combine(Updates.setOnInsert("incidentId", incidentId.toString()),
                Updates.min("at", Date.from(at)));
        return mongo.getCollection(collection)
                .flatMap(members -> Upserts.updateOrInsert(members, member, update))
                .then();
    }

    /** The campaign's members with the instant each joined; empty for an unknown campaign. */
    public Mono<List<CampaignState.Member>> of(String campaignId) {
        Bson range = Filters.and(Filters.gte("_id", campaignId + "/"), Filters.lt("_id", campaignId + AFTER_SEPARATOR));
        return mongo.getCollection(collection)
                .flatMapMany(members -> Flux.from(members.find(range).batchSize(1_000)))
                .map(member -> new CampaignState.Member(IncidentId.of(member.getString("incidentId")),
                        member.getDate("at").toInstant()))
                .collectList();
    }
}
