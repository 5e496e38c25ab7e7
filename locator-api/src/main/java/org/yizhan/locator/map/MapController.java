package org.yizhan.locator.map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map is one static page; these routes forward to it so that shareable paths work. A plaque's
 * QR code points to {@code /s/{code}}; the page reads the code from the path and opens the station.
 * {@code /embed} is the same page without chrome for third-party iframes.
 */
@Controller
class MapController {

    static final String PAGE = "forward:/index.html";
    static final String WORKSPACE = "forward:/workspace.html";

    @GetMapping({"/", "/map", "/embed", "/s/{code}"})
    String page() {
        return PAGE;
    }

    /** The union staff's workspace: sign-in, register editing, import/export, plaques, accounts. */
    @GetMapping({"/workspace", "/workspace/"})
    String workspace() {
        return WORKSPACE;
    }
}
