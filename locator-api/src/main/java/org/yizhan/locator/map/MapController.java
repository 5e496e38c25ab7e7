package org.yizhan.locator.map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map is one static page; these routes forward to it so that shareable paths work. A plaque's
 * QR code points to {@code /s/{code}}; the page reads the code from the path and opens the station.
 * {@code /embed} is the same page without chrome for third-party iframes. {@code /planning} is
 * the planners' view (it signs in through the API).
 */
@Controller
class MapController {

    static final String PAGE = "forward:/index.html";
    static final String WORKSPACE = "forward:/workspace.html";

    @GetMapping({"/", "/map", "/embed", "/s/{code}"})
    String page() {
        return PAGE;
    }

    @GetMapping("/planning")
    String planning() {
        return "forward:/planning.html";
    }

    /** The unions' feedback inbox and satisfaction dashboard; the page signs in by itself. */
    @GetMapping("/inbox")
    String inbox() {
        return "forward:/inbox.html";
    }

    /** The union staff's workspace: sign-in, register editing, import/export, plaques, accounts. */
    @GetMapping({"/workspace", "/workspace/"})
    String workspace() {
        return WORKSPACE;
    }
}
