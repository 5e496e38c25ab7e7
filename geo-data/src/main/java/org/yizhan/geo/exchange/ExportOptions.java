package org.yizhan.geo.exchange;

import java.util.Objects;

/**
 * What an export contains and how its tabular headers read.
 *
 * @param audience {@link Audience#PUBLIC} leaves out fields that are not open data
 * @param headers the header and value language of CSV and XLSX; GeoJSON and KML always use the
 *     English keys, which is what programs reading them expect
 */
public record ExportOptions(Audience audience, Headers headers) {

    /** Who the file is for. */
    public enum Audience {
        /** Union staff: every field. */
        REGISTER,
        /** Anyone: without the responsible person's name (a private person; the station phone stays). */
        PUBLIC
    }

    /** Header row and enumerated values of CSV and XLSX. */
    public enum Headers {
        /** 站点名称, 自建, 运行, 微波炉: the template's language, for people and re-import. */
        CHINESE,
        /** name, self_built, active, microwave: for programs. */
        ENGLISH
    }

    public ExportOptions {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(headers, "headers");
    }

    /** The register as union staff keep it: every field, Chinese headers. */
    public static ExportOptions register() {
        return new ExportOptions(Audience.REGISTER, Headers.CHINESE);
    }

    /** The open-data dump: public fields, English keys. */
    public static ExportOptions openData() {
        return new ExportOptions(Audience.PUBLIC, Headers.ENGLISH);
    }
}
