package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A flood of one failure costs one stack trace a minute and one count line, not one trace per request. */
class ErrorLogTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private ErrorLog errors;

    @BeforeEach
    void captureALogger() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.ErrorLogTest." + System.nanoTime());
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // the events are asserted, not printed
        events.start();
        logger.addAppender(events);
        errors = new ErrorLog(logger, nanos::get);
    }

    @Test
    void oneStackTracePerKindAndMinuteThenACount() {
        for (int i = 0; i < 1_000; i++) {
            errors.unexpected(boom());
            nanos.addAndGet(10_000_000); // 10 ms apart: 1,000 of them in 10 s
        }
        assertThat(events.list).hasSize(1);
        assertThat(events.list.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(events.list.get(0).getThrowableProxy())
                .as("the first one has its stack trace")
                .isNotNull();

        nanos.addAndGet(ErrorLog.WINDOW_NANOS);
        errors.unexpected(boom());
        assertThat(events.list).hasSize(3);
        assertThat(events.list.get(1).getFormattedMessage()).contains("999 more times");
        assertThat(events.list.get(1).getThrowableProxy()).isNull();
        assertThat(events.list.get(2).getThrowableProxy())
                .as("a new minute, a new stack trace")
                .isNotNull();
    }

    @Test
    void kindsAreCountedApart() {
        errors.unexpected(boom());
        errors.unexpected(new IllegalArgumentException("other class"));
        errors.unexpected(elsewhere());
        errors.unexpected(boom());
        assertThat(events.list)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
    }

    @Test
    void aBurstThatStopsIsCountedByTheFlush() {
        for (int i = 0; i < 5; i++) errors.unexpected(boom());
        errors.flush();
        assertThat(events.list).hasSize(1);
        nanos.addAndGet(ErrorLog.WINDOW_NANOS + 1);
        errors.flush();
        assertThat(events.list).hasSize(2);
        assertThat(events.list.get(1).getFormattedMessage()).contains("4 more times");
        errors.flush();
        assertThat(events.list).hasSize(2);
    }

    @Test
    void anUnavailableDatabaseIsOneWarningLineWithoutStack() {
        for (int i = 0; i < 50; i++)
            errors.unavailable(new IllegalStateException("db", new java.net.ConnectException("Connection refused")));
        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains("Connection refused");
        });
    }

    private static RuntimeException boom() {
        return new IllegalStateException("boom");
    }

    private static RuntimeException elsewhere() {
        return new IllegalStateException("boom, thrown from another line");
    }
}
