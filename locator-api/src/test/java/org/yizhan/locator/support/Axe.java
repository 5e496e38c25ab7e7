package org.yizhan.locator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core (the committed test copy under src/test/resources/axe) run in a page: the serious and
 * critical violations inside one part of it, as "rule: target" lines.
 */
public final class Axe {

    private Axe() {}

    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Browser browser, String selector) {
        String axe;
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.script(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run({include: [arguments[0]]}, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))));",
                selector);
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("targets"))
                .toList();
    }
}
