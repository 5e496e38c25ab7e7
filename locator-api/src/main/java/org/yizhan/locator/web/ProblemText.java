package org.yizhan.locator.web;

import java.util.List;

/**
 * A piece of text of the bundle {@code i18n/problems} not yet in any language: a key and the values
 * it embeds. Used where a problem's argument or property is itself words ("no region", a row's
 * reason) so that it is put into the caller's language with the rest of the problem.
 */
public record ProblemText(String key, List<Object> args) {

    public ProblemText(String key, Object... args) {
        this(key, List.of(args));
    }
}
