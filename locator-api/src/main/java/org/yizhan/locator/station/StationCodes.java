package org.yizhan.locator.station;

import java.util.Map;
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
            String title = e.reason() == InvalidStationCodeException.Reason.WRONG_CHECK_CHARACTER
                    ? "Wrong check character in station code"
                    : "Malformed station code";
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    title,
                    e.getMessage(),
                    Map.of("field", "code", "reason", e.reason().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
