package org.yizhan.locator.support;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The only source of randomness in the integration tests. One seed per run (printed with every
 * failure; {@code -Dyizhan.test.seed=N} replays it), and from it one stream per test invocation, so a
 * single test replays the same way alone ({@code -Dit.test=Class#method}) or in the whole suite.
 * Registered for every test class through JUnit's extension auto-detection
 * ({@code META-INF/services}), so no test can forget it.
 */
public final class TestRandom
        implements BeforeAllCallback,
                BeforeEachCallback,
                TestExecutionExceptionHandler,
                LifecycleMethodExecutionExceptionHandler {

    public static final long SEED = Long.getLong("yizhan.test.seed", new SecureRandom().nextLong());

    // Tests run one at a time; helpers may call current() from worker threads of the same test.
    private static volatile Random current = stream("static");

    /** The stream of the test now running (of its class in {@code @BeforeAll}). */
    public static Random current() {
        return current;
    }

    /** A short lower-case token for names that must not clash with other tests' (accounts, markers). */
    public static String token(int length) {
        StringBuilder token = new StringBuilder(length);
        while (token.length() < length) token.append(Character.forDigit(current.nextInt(36), 36));
        return token.toString();
    }

    /** A random UUID from the test's stream, e.g. a phone's device id. */
    public static java.util.UUID uuid() {
        return new java.util.UUID(current.nextLong(), current.nextLong());
    }

    /** A stream for a static initialiser, before any test of the class runs. */
    public static Random forClass(Class<?> testClass) {
        return stream(testClass.getName());
    }

    private static Random stream(String name) {
        return new Random(SEED ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = stream(context.getRequiredTestClass().getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // The unique id names the class, the method and, for parameterised and repeated tests, the
        // invocation: each invocation draws its own values, the same ones on every replay.
        current = stream(context.getUniqueId());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withSeed(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withSeed(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withSeed(failure);
    }

    private static Throwable withSeed(Throwable failure) {
        failure.addSuppressed(new Replay());
        return failure;
    }

    /** Shown under the failure in the report: how to run the same random choices again. */
    private static final class Replay extends Throwable {
        Replay() {
            super(
                    "random choices of this run come from seed " + SEED + "; replay with -Dyizhan.test.seed=" + SEED,
                    null,
                    false,
                    false);
        }
    }
}
