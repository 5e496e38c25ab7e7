package org.yizhan.locator.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.json.Json;

/**
 * Chromium's DevTools protocol at the level of the whole browser, beside chromedriver's own
 * connection. ChromeDriver sends CDP commands through the current page, where Chromium refuses
 * browser-wide ones ("Not allowed"), such as creating a browser context.
 */
final class BrowserLevelCdp implements AutoCloseable {

    private static final Json JSON = new Json();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    /** Connects to the browser whose DevTools listen at {@code debuggerAddress} ("host:port"). */
    BrowserLevelCdp(String debuggerAddress) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String version = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version"))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Map<?, ?> about = JSON.toType(version, Map.class);
            String url = (String) about.get("webSocketDebuggerUrl");
            socket = http.newWebSocketBuilder()
                    .connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(url), new Listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no DevTools connection to the browser at " + debuggerAddress, e);
        }
    }

    /** Sends {@code method} and returns its result, or fails with Chromium's error. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(JSON.toJson(Map.of("id", id, "method", method, "params", params)), true)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Object> message = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (message.containsKey("error")) throw new IllegalStateException(method + ": " + message.get("error"));
            return (Map<String, Object>) message.getOrDefault("result", Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins a message's fragments and hands answers to their callers; events are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                Map<String, Object> message = (Map<String, Object>) JSON.toType(text.toString(), Map.class);
                text.setLength(0);
                Object id = message.get("id");
                if (id instanceof Number n) {
                    CompletableFuture<Map<String, Object>> answer = pending.get(n.intValue());
                    if (answer != null) answer.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
