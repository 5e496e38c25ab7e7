package org.yizhan.locator.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.web.ApiException;

/**
 * Turns an uploaded photo into the two JPEGs the register keeps. The type comes from the first
 * bytes, never from the file name; the pixel count is read from the header before anything is
 * decoded, so a small file that would inflate to gigabytes (a decompression bomb) is refused
 * cheaply. The output is encoded from pixels only, so EXIF, GPS and every other metadata block
 * of the upload are left behind; only the EXIF orientation is applied first, to the pixels.
 */
@Component
class PhotoProcessor {

    /** A JPEG ready to store. */
    record Encoded(byte[] bytes, int width, int height) {}

    record Processed(Encoded image, Encoded thumbnail) {}

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final float QUALITY = 0.85f;

    private final YizhanProperties.Photos limits;
    // Decoding holds width × height × 4 bytes; two at a time keep a burst of uploads from exhausting the heap.
    private final Semaphore decoding = new Semaphore(2);

    PhotoProcessor(YizhanProperties properties) {
        this.limits = properties.photos();
    }

    Processed process(byte[] upload) {
        String format = sniff(upload);
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(HttpStatus.SERVICE_UNAVAILABLE, "server.stopping");
        }
        try {
            BufferedImage pixels = orient(decode(upload, format), orientation(upload));
            return new Processed(encode(fit(pixels, limits.maxEdge())), encode(fit(pixels, limits.thumbnailEdge())));
        } finally {
            decoding.release();
        }
    }

    private static String sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG)) return "jpeg";
        if (startsWith(bytes, PNG)) return "png";
        throw ApiException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo.format").with("field", "file");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private BufferedImage decode(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > limits.maxPixels()) {
                    throw ApiException.of(
                                    HttpStatus.UNPROCESSABLE_CONTENT, "photo.pixels", width, height, limits.maxPixels())
                            .with("field", "file")
                            .with("width", width)
                            .with("height", height)
                            .with("maxPixels", limits.maxPixels());
                }
                // Skip rows and columns while decoding when the photo is far larger than what is kept.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / (2L * limits.maxEdge()));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) throw api;
            throw ApiException.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "photo.undecodable",
                            format.toUpperCase(java.util.Locale.ROOT))
                    .with("field", "file");
        }
    }

    /** The EXIF orientation (1 = upright); phones store portrait photos sideways and say so here. */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // Unreadable metadata only costs the rotation; the pixels decoded fine.
        }
        return 1;
    }

    private static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) return image;
        boolean swap = orientation != 3;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, turn, null);
        g.dispose();
        return out;
    }

    /**
     * Scales so that the longer side is at most {@code edge}, halving step by step first: one
     * bilinear step from 4000 to 320 pixels would alias badly. Transparency becomes white.
     */
    private static BufferedImage fit(BufferedImage image, int edge) {
        BufferedImage current = flatten(image);
        int longer = Math.max(current.getWidth(), current.getHeight());
        if (longer <= edge) return current;
        double scale = (double) edge / longer;
        int targetW = Math.max(1, (int) Math.round(current.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(current.getHeight() * scale));
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, targetW, targetH);
    }

    private static BufferedImage flatten(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static Encoded encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            // No metadata argument: the writer emits a bare JFIF header and nothing of the upload's.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }
}
