package org.yizhan.geo.plaque;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.util.Map;

/** A QR code drawn as vector rectangles, so it stays sharp at any print size. */
final class QrCode {

    private QrCode() {}

    /**
     * Draws the code for {@code text} filling the square at ({@code x}, {@code y}) with side
     * {@code size}, including the four-module quiet zone scanners need. Level M survives a little
     * dirt or a scratch on a plaque that hangs outdoors.
     */
    static void draw(PdfContentByte cb, String text, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as a QR code", e);
        }
        float module = size / m.getWidth();
        cb.saveState();
        cb.setRGBColorFill(255, 255, 255);
        cb.rectangle(x, y, size, size);
        cb.fill();
        cb.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            // One rectangle per horizontal run of dark modules keeps the page small.
            for (int col = 0; col < m.getWidth(); ) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // Rows are drawn a hair taller than a module so no hairline gaps appear between them.
                cb.rectangle(
                        x + start * module,
                        y + size - (row + 1) * module - 0.05f,
                        (col - start) * module,
                        module + 0.1f);
            }
        }
        cb.fill();
        cb.restoreState();
    }
}
