package org.yizhan.geo.exchange;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The geometry half of a point Shapefile, read record by record (ESRI Shapefile Technical
 * Description, July 1998): a 100-byte header, then records of an 8-byte big-endian header and
 * little-endian content. Point, PointZ and PointM records give x and y; a MultiPoint of one point
 * does too. Lines and polygons are refused for the whole layer; Null shapes come back as records
 * without coordinates. Every length is checked against what is left of the file.
 */
final class ShpPoints implements Closeable {

    private static final int FILE_CODE = 9994;
    private static final int HEADER_BYTES = 100;
    /** A one-point MultiPointZ is 4 + 32 + 4 + 16 + 16 + 8 + 16 + 8 = 104 bytes; allow some slack. */
    private static final int MAX_CONTENT_BYTES = 4096;

    /**
     * One record: {@code null} coordinates for a Null shape, or with the {@code refusal}, the shape
     * type of one that is no single point (a MultiPoint of several points, a PolyLine, …).
     */
    record Shape(
            int number,
            @Nullable Double x,
            @Nullable Double y,
            @Nullable String refusal) {}

    private final DataInputStream in;
    private long remaining;
    private int index;

    ShpPoints(Path file, String layer) throws IOException {
        long size = Files.size(file);
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        try {
            if (size < HEADER_BYTES) {
                throw new RegisterFormatException(FileReason.SHP_TOO_SHORT, layer);
            }
            byte[] header = in.readNBytes(HEADER_BYTES);
            ByteBuffer b = ByteBuffer.wrap(header);
            if (b.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
                throw new RegisterFormatException(FileReason.SHP_NOT_SHAPEFILE, layer);
            }
            int type = b.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            if (!isPointType(type) && type != 0) {
                throw new RegisterFormatException(FileReason.SHP_NOT_POINTS, layer, typeName(type));
            }
            // The header's own length field can lie; the file's real size is what bounds reading.
            remaining = size - HEADER_BYTES;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The next record, or {@code null} at the end of the file. */
    @Nullable
    Shape next(String layer) throws IOException {
        if (remaining < 8) {
            return null;
        }
        index++;
        in.readInt(); // the record number: often wrong in files from small tools, so records are counted instead
        int contentBytes = in.readInt() * 2;
        remaining -= 8;
        if (contentBytes < 4 || contentBytes > MAX_CONTENT_BYTES || contentBytes > remaining) {
            throw new RegisterFormatException(FileReason.SHP_RECORD_LENGTH, layer, index, contentBytes, remaining);
        }
        byte[] content = new byte[contentBytes];
        try {
            in.readFully(content);
        } catch (EOFException e) {
            throw new RegisterFormatException(FileReason.SHP_ENDS_IN_RECORD, e, layer, index);
        }
        remaining -= contentBytes;
        ByteBuffer c = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int type = c.getInt(0);
        int number = index;
        if (type == 0) {
            return new Shape(number, null, null, null);
        }
        if (type == 1 || type == 11 || type == 21) {
            if (contentBytes < 20) {
                throw new RegisterFormatException(FileReason.SHP_SHORT_POINT, layer, index);
            }
            return new Shape(number, c.getDouble(4), c.getDouble(12), null);
        }
        if (type == 8 || type == 18 || type == 28) {
            int points = contentBytes >= 40 ? c.getInt(36) : -1;
            if (points == 1 && contentBytes >= 56) {
                return new Shape(number, c.getDouble(40), c.getDouble(48), null);
            }
            return new Shape(number, null, null, "MultiPoint");
        }
        return new Shape(number, null, null, typeName(type));
    }

    private static boolean isPointType(int type) {
        return type == 1 || type == 11 || type == 21 || type == 8 || type == 18 || type == 28;
    }

    /** The shape type as the specification names it: a value of a message, the same in every language. */
    private static String typeName(int type) {
        return switch (type) {
            case 3, 13, 23 -> "PolyLine";
            case 5, 15, 25 -> "Polygon";
            case 31 -> "MultiPatch";
            default -> "ShapeType " + type;
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
