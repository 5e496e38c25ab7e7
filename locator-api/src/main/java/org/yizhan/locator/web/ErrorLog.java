package org.yizhan.locator.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logs unexpected errors so that a flood of one failure cannot fill the disk: each kind
 * (exception class + top stack frame) is logged with its stack trace at most once a minute;
 * repeats within that minute are counted and reported as one line when the minute is over.
 * Client mistakes never come here: they are 4xx problem details and are not logged at all.
 */
@Component
public class ErrorLog {

    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Kinds come from code, not from input, but a bound costs nothing. */
    private static final int MAX_KINDS = 1_000;

    private final Logger log;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ErrorLog() {
        this(LoggerFactory.getLogger(ErrorLog.class), System::nanoTime);
    }

    ErrorLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** A server bug or an unforeseen failure: ERROR, with the stack trace once a minute per kind. */
    public void unexpected(Throwable e) {
        record(e, true);
    }

    /** A dependency that is down (the database): WARN, one line a minute per kind, no stack trace. */
    public void unavailable(Throwable e) {
        record(e, false);
    }

    private void record(Throwable e, boolean error) {
        String kind = kind(e);
        long now = nanoTime.getAsLong();
        if (windows.size() >= MAX_KINDS && !windows.containsKey(kind)) kind = "(other kinds)";
        Window window = windows.computeIfAbsent(kind, k -> new Window());
        long repeats;
        synchronized (window) {
            if (window.started != Long.MIN_VALUE && now - window.started < WINDOW_NANOS) {
                window.repeats++;
                return;
            }
            repeats = window.repeats;
            window.started = now;
            window.repeats = 0;
        }
        if (repeats > 0) summary(kind, repeats, error);
        if (error) log.error("Unexpected error [{}]", kind, e);
        else log.warn("Unavailable [{}]: {}", kind, rootMessage(e));
    }

    /** Reports the counts of windows that have ended, so that a burst that stops is still counted. */
    @Scheduled(fixedDelay = 60_000)
    public void flush() {
        long now = nanoTime.getAsLong();
        windows.forEach((kind, window) -> {
            long repeats;
            synchronized (window) {
                if (window.repeats == 0 || now - window.started < WINDOW_NANOS) return;
                repeats = window.repeats;
                window.repeats = 0;
            }
            summary(kind, repeats, true);
        });
        windows.values().removeIf(w -> w.repeats == 0 && now - w.started >= 10 * WINDOW_NANOS);
    }

    private void summary(String kind, long repeats, boolean error) {
        if (error) log.error("Unexpected error [{}] happened {} more times in the last minute", kind, repeats);
        else log.warn("Unavailable [{}] happened {} more times in the last minute", kind, repeats);
    }

    static String kind(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return e.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static final class Window {
        long started = Long.MIN_VALUE;
        long repeats;
    }
}
