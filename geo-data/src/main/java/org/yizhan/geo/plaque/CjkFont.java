package org.yizhan.geo.plaque;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a font that covers Chinese is found. OpenPDF subsets and embeds TrueType outlines; the
 * default is WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}), a TrueType collection whose
 * first member is addressed as {@code path.ttc,0}.
 */
public final class CjkFont {

    /** Looked for in this order; the first that exists is used. */
    public static final List<Path> DEFAULT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private CjkFont() {}

    /** The first default candidate present on this machine. */
    public static Optional<Path> findDefault() {
        return DEFAULT_CANDIDATES.stream().filter(Files::isReadable).findFirst();
    }

    /** The name OpenPDF opens a font file by: a collection's first member for {@code .ttc}. */
    static String openPdfName(Path font) {
        String name = font.toAbsolutePath().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? name + ",0" : name;
    }
}
