package io.mlops.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(final Instant start) {
        now = start;
    }

    /** Moves the clock on and returns the new time. */
    public Instant advance(final Duration duration) {
        now = now.plus(duration);
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        return this;
    }
}
