package org.yizhan.locator.station;

import org.springframework.http.HttpStatus;
import org.yizhan.geo.hours.InvalidOpeningHoursException;
import org.yizhan.locator.web.ApiException;

/**
 * An opening-hours value the register cannot store, as a problem in the caller's language. geo-data
 * says why in English for its own callers; the API puts the reason (and the column of a syntax
 * error) into words from its bundle instead.
 */
final class OpeningHoursProblems {

    private OpeningHoursProblems() {}

    static ApiException of(InvalidOpeningHoursException e, String field) {
        String value = e.value().strip();
        ApiException problem = switch (e.reason()) {
            case BLANK -> ApiException.of(HttpStatus.BAD_REQUEST, "hours.blank");
            case TOO_LONG -> ApiException.of(HttpStatus.BAD_REQUEST, "hours.tooLong", value.length());
            case UNSUPPORTED -> ApiException.of(HttpStatus.BAD_REQUEST, "hours.unsupported", value);
            case SYNTAX ->
                e.column() > 0
                        ? ApiException.of(HttpStatus.BAD_REQUEST, "hours.syntaxAt", value, e.column())
                        : ApiException.of(HttpStatus.BAD_REQUEST, "hours.syntax", value);
        };
        return problem.with("field", field).with("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
    }
}
