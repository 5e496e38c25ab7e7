package org.yizhan.geo.exchange;

/**
 * A text file that is neither UTF-8 nor GBK (GB18030): usually a binary file renamed to
 * {@code .csv}, or a sheet saved in an encoding we do not read. It names the first line that
 * cannot be decoded, so the user can look there.
 */
public final class UndecodableTextException extends RegisterFormatException {

    private static final long serialVersionUID = 1L;

    UndecodableTextException(long line) {
        super(
                "Line " + line
                        + " of the file is neither UTF-8 nor GBK text. Save the sheet again as CSV (UTF-8) and upload that.",
                line,
                null);
    }
}
