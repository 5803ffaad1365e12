package org.fieldaid.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time, moved on by what a test asks for, so that a rule that waits
 * (an urgent referral overdue after 24 hours) is tested without waiting. Every integration test shares it; a test
 * that moves it puts it back with {@link #reset} in a finally block or an {@code @AfterEach}.
 */
public class TestClock extends Clock {

    private final Clock base;
    private volatile Duration ahead = Duration.ZERO;

    /** The system's time, moved on by {@link #advance}. */
    public TestClock() {
        this.base = Clock.systemUTC();
    }

    /** A time that stands still at the start, moved on only by {@link #advance}. */
    public TestClock(Instant start) {
        this.base = Clock.fixed(start, ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock moving = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moving.withZone(other);
            }

            @Override
            public Instant instant() {
                return moving.instant();
            }
        };
    }

    /** Put in place of the application's clock for the one shared test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
