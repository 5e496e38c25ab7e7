package org.yizhan.geo.station;

import org.yizhan.geo.hours.OpeningHours;

/**
 * The longest text each station field may hold, in characters: the one place the API form's
 * {@code @Size}, the register import's row checks and the database's {@code varchar} widths come
 * from ({@code FieldLimitsIT} compares them with the live schema).
 */
public final class FieldLimits {

    public static final int NAME = 100;
    public static final int NAME_EN = 150;
    public static final int ADDRESS = 200;
    public static final int HOST_ORGANISATION = 100;
    public static final int CONTACT_PERSON = 50;
    public static final int CONTACT_PHONE = 30;
    public static final int OPENING_HOURS = OpeningHours.MAX_LENGTH;

    private FieldLimits() {}
}
