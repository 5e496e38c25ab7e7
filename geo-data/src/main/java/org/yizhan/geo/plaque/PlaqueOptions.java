package org.yizhan.geo.plaque;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How plaques are printed.
 *
 * @param unionName the union that runs the stations, printed at the top, e.g. 乌海市总工会
 * @param baseUrl the public site without trailing slash; the QR code encodes {@code baseUrl/s/{code}}
 * @param perPage plaques per A4 sheet: 1 (A4 landscape), 2 (A5 each) or 4 (A6 each)
 * @param font a TrueType font or collection covering Chinese (see {@link CjkFont})
 */
public record PlaqueOptions(String unionName, String baseUrl, int perPage, Path font) {

    private static final Set<Integer> LAYOUTS = Set.of(1, 2, 4);

    public PlaqueOptions {
        Objects.requireNonNull(unionName, "unionName");
        Objects.requireNonNull(font, "font");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (!LAYOUTS.contains(perPage)) {
            throw new IllegalArgumentException("perPage must be 1, 2 or 4, got " + perPage);
        }
        if (!Files.isReadable(font)) {
            throw new IllegalArgumentException(
                    "font " + font + " is not readable; install fonts-wqy-microhei or configure a"
                            + " TrueType font that covers Chinese");
        }
    }

    /**
     * One plaque per page in the first default font found.
     *
     * @throws IllegalStateException if no default font is installed
     */
    public static PlaqueOptions of(String unionName, String baseUrl) {
        Path font = CjkFont.findDefault()
                .orElseThrow(() -> new IllegalStateException(
                        "No Chinese font found in " + CjkFont.DEFAULT_CANDIDATES + "; install fonts-wqy-microhei"));
        return new PlaqueOptions(unionName, baseUrl, 1, font);
    }

    public PlaqueOptions withPerPage(int perPage) {
        return new PlaqueOptions(unionName, baseUrl, perPage, font);
    }

    public PlaqueOptions withFont(Path font) {
        return new PlaqueOptions(unionName, baseUrl, perPage, font);
    }

    /** The public page a plaque's QR code points to. */
    public String stationUrl(String code) {
        return stationUrl(baseUrl, code);
    }

    /** The public page a plaque's QR code points to, under {@code baseUrl} (no trailing slash). */
    public static String stationUrl(String baseUrl, String code) {
        return baseUrl + "/s/" + code;
    }
}
