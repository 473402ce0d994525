package org.circc.notification.command;

import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A Clock that reads the fixture's simulated time, so "now" in the aggregate is when a deadline fires. */
final class FixtureClock extends Clock {

    private final AggregateTestFixture<?> fixture;

    FixtureClock(AggregateTestFixture<?> fixture) {
        this.fixture = fixture;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("notification works in UTC");
    }

    @Override
    public Instant instant() {
        return fixture.currentTime();
    }
}
