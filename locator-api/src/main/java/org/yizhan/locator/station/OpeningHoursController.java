package org.yizhan.locator.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yizhan.geo.hours.ChineseOpeningHours;
import org.yizhan.geo.hours.InvalidOpeningHoursException;
import org.yizhan.geo.hours.OpeningHours;
import org.yizhan.locator.web.Language;
import org.yizhan.locator.web.ProblemMessages;

/**
 * Reads opening hours as the station form and the import do, so the editor can show what will be
 * stored while staff type: OSM syntax as it is, Chinese ("周一至周六 7:30-19:30") converted.
 */
@RestController
class OpeningHoursController {

    record Converted(
            @Schema(example = "Mo-Sa 07:30-19:30") String osm,
            boolean alwaysOpen,

            @Schema(description = "What the conversion left out, e.g. holidays, in the caller's language")
            List<String> notes) {}

    @Operation(
            summary = "Opening hours as they would be stored",
            description = "text: OSM opening_hours or Chinese (周一至周六 7:30-19:30, 每天8点到晚上8点, 工作日 9:00-17:00, 24小时). "
                    + "Unreadable text is a 400 problem quoting the part that could not be read. Notes are in the "
                    + "language of the lang parameter, else Accept-Language, else Chinese.")
    @GetMapping("/api/v1/opening-hours")
    Converted convert(@RequestParam(defaultValue = "") String text, HttpServletRequest request) {
        try {
            ChineseOpeningHours.Conversion c = ChineseOpeningHours.read(text);
            Language language = Language.of(request);
            List<String> notes = c.notes().stream()
                    .map(n -> ProblemMessages.shared().text(language, n.key(), n.values()))
                    .toList();
            return new Converted(c.osm(), OpeningHours.parse(c.osm()).isAlwaysOpen(), notes);
        } catch (InvalidOpeningHoursException e) {
            throw OpeningHoursProblems.of(e, "text");
        }
    }
}
