package org.yizhan.locator.web;

import java.util.List;

/** An account's or a set's regions as a problem's argument: the codes, or the words for "no region". */
public final class Regions {

    private Regions() {}

    public static Object named(List<String> regions) {
        return regions.isEmpty() ? new ProblemText("region.none") : String.join(", ", regions);
    }
}
