package org.yizhan.locator.station;

import org.springframework.http.HttpStatus;
import org.yizhan.geo.code.InvalidStationCodeException;
import org.yizhan.geo.code.StationCode;
import org.yizhan.locator.web.ApiException;

/** Parses a station code from a URL, turning typos into a 400 that says what is wrong. */
public final class StationCodes {

    private StationCodes() {}

    public static StationCode parse(String input) {
        try {
            return StationCode.parse(input);
        } catch (InvalidStationCodeException e) {
            String typed = input.strip();
            ApiException problem = e.reason() == InvalidStationCodeException.Reason.WRONG_CHECK_CHARACTER
                    ? ApiException.of(HttpStatus.BAD_REQUEST, "station.code.checkCharacter", typed)
                    : ApiException.of(HttpStatus.BAD_REQUEST, "station.code.malformed", typed);
            throw problem.with("field", "code").with("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
