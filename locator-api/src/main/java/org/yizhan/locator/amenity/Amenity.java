package org.yizhan.locator.amenity;

import org.yizhan.locator.web.Language;

/** One entry of the controlled amenity vocabulary. */
public record Amenity(String key, String labelZh, String labelEn, String icon, int sortOrder) {

    public String label(Language language) {
        return language == Language.EN ? labelEn : labelZh;
    }
}
