package org.circc.timeline.messaging;

import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.timeline.query.ReadModelGenerations;
import org.circc.timeline.query.ReadModelProjector;
import org.circc.timeline.query.ReadModels;
import org.circc.timeline.query.RecordedEvent;

/**
 * The live projection: every event of every topic into the read models being written (the active generation, and
 * the one a rebuild is filling). Idempotent by itself (appends keyed by event id, views recomputed from them), so
 * it needs no inbox; it blocks the Kafka consumer thread until MongoDB confirmed the writes.
 */
public class TimelineProjection implements IntegrationEventHandler {

    private final ReadModelGenerations generations;
    private final ReadModelProjector projector;

    public TimelineProjection(ReadModelGenerations generations, ReadModelProjector projector) {
        this.generations = generations;
        this.projector = projector;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        RecordedEvent recorded = new RecordedEvent(event.id(), event.payload());
        ReadModels serving = generations.active();
        for (ReadModels models : generations.writeTargets()) {
            if (models == serving) {
                projector.projectLive(models, recorded);
            } else {
                projector.project(models, recorded);
            }
        }
    }
}
