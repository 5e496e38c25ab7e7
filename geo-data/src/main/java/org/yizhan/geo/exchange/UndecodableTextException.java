package org.yizhan.geo.exchange;

import java.util.List;

/**
 * A text file that is neither UTF-8 nor GBK (GB18030): usually a binary file renamed to
 * {@code .csv}, or a sheet saved in an encoding we do not read. It names the first line that
 * cannot be decoded, so the user can look there ({@link FileReason#CSV_ENCODING}).
 */
public final class UndecodableTextException extends RegisterFormatException {

    private static final long serialVersionUID = 1L;

    UndecodableTextException(long line) {
        super(FileReason.CSV_ENCODING, List.of(line), line, null);
    }
}
