package org.yizhan.locator.feedback;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.yizhan.locator.web.ApiException;

/**
 * Free text from anonymous workers: at most 200 characters, no links or contact-spam, no abuse.
 * The word list is short on purpose; it stops the obvious, union staff read the rest.
 */
final class TextFilter {

    static final int MAX_LENGTH = 200;

    private static final Pattern LINK = Pattern.compile(
            "(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(com|cn|net|org|info|top|xyz|io|cc|me|vip|shop)\\b|weixin|wechat|vx[:：]|qq[:：])");
    private static final List<String> ABUSE = List.of(
            "傻逼", "傻b", "sb", "操你", "草你", "妈的", "他妈", "滚蛋", "去死", "贱人", "婊子", "狗日", "fuck", "shit", "bitch", "cunt",
            "asshole");

    private TextFilter() {}

    /** The trimmed text, null when blank, or a 400 problem naming {@code field}. */
    static @Nullable String clean(String field, @Nullable String text) {
        if (text == null) return null;
        String trimmed = text.strip().replaceAll("\\p{Cntrl}", " ");
        if (trimmed.isEmpty()) return null;
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw ApiException.invalid(field, "text.tooLong", field, MAX_LENGTH);
        }
        String folded = Normalizer.normalize(trimmed, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (LINK.matcher(folded).find()) {
            throw ApiException.of(HttpStatus.BAD_REQUEST, "feedback.text.links").with("field", field);
        }
        String squeezed = folded.replaceAll("[\\s\\p{Punct}*·]", "");
        for (String word : ABUSE) {
            boolean ascii = word.chars().allMatch(c -> c < 128);
            boolean hit = ascii
                    ? Pattern.compile("(?<![a-z])" + Pattern.quote(word) + "(?![a-z])")
                                    .matcher(folded)
                                    .find()
                            || (word.length() > 3 && squeezed.contains(word))
                    : squeezed.contains(word);
            if (hit) {
                throw ApiException.of(HttpStatus.BAD_REQUEST, "feedback.text.rude")
                        .with("field", field);
            }
        }
        return trimmed;
    }
}
