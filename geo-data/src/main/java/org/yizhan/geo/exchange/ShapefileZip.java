package org.yizhan.geo.exchange;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * One Shapefile layer taken out of a zip: its {@code .shp} and {@code .dbf} copied to a private
 * temporary directory, its {@code .prj} and {@code .cpg} read as text. The zip is untrusted:
 * entry names that climb out of the archive ({@code ../}, absolute paths) refuse it, files are
 * written under fixed names so no entry name ever reaches the file system, and extraction counts
 * the bytes actually inflated (not the sizes the archive claims) and stops at a limit, so a zip
 * bomb costs at most that much disk. Entry names may be UTF-8 or, as Windows' own zip tool writes
 * Chinese names, GBK.
 */
final class ShapefileZip implements Closeable {

    /** Inflated .shp + .dbf bytes at most; a 100,000-station .dbf with wide text fields is ~300 MB. */
    static final long MAX_EXTRACTED_BYTES = 512L * 1024 * 1024;

    private static final int MAX_ENTRIES = 1_000;
    private static final int MAX_TEXT_BYTES = 64 * 1024;

    private final Path dir;
    final String layer;
    final Path shp;
    final Path dbf;
    final @Nullable String prj;
    final @Nullable String cpg;

    private ShapefileZip(Path dir, String layer, Path shp, Path dbf, @Nullable String prj, @Nullable String cpg) {
        this.dir = dir;
        this.layer = layer;
        this.shp = shp;
        this.dbf = dbf;
        this.prj = prj;
        this.cpg = cpg;
    }

    static ShapefileZip open(Path zip) throws IOException {
        return open(zip, MAX_EXTRACTED_BYTES);
    }

    /** @throws RegisterFormatException if the zip is unreadable, hostile, or holds no single complete layer */
    static ShapefileZip open(Path zip, long maxBytes) throws IOException {
        try (ZipFile z = openZip(zip)) {
            Map<String, ZipEntry> parts = layerParts(z);
            String base = parts.keySet().stream()
                    .filter(k -> k.endsWith(".shp"))
                    .findFirst()
                    .orElseThrow();
            ZipEntry shpEntry = Objects.requireNonNull(parts.get(base), "layerParts returns the .shp it found");
            String stem = base.substring(0, base.length() - 4);
            String layer = stem.substring(stem.lastIndexOf('/') + 1);
            ZipEntry dbfEntry = parts.get(stem + ".dbf");
            if (dbfEntry == null) {
                throw new RegisterFormatException(FileReason.ZIP_NO_DBF, shpEntry.getName(), layer);
            }
            Path dir = Files.createTempDirectory("yizhan-shapefile-");
            try {
                long[] budget = {maxBytes};
                Path shp = extract(z, shpEntry, dir.resolve("layer.shp"), budget, maxBytes);
                Path dbf = extract(z, dbfEntry, dir.resolve("layer.dbf"), budget, maxBytes);
                String prj = text(z, parts.get(stem + ".prj"));
                String cpg = text(z, parts.get(stem + ".cpg"));
                return new ShapefileZip(dir, layer, shp, dbf, prj, cpg);
            } catch (IOException | RuntimeException e) {
                deleteTree(dir);
                throw e;
            }
        }
    }

    private static ZipFile openZip(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException utf8Failed) {
            try {
                return new ZipFile(zip.toFile(), TableRows.GBK);
            } catch (ZipException | IllegalArgumentException e) {
                throw notAZip(e);
            }
        } catch (EOFException e) {
            // A central directory that promises more than the file holds.
            throw notAZip(e);
        }
    }

    /** The zip reader's reason; an EOFException carries none: the data ended too soon. */
    private static RegisterFormatException notAZip(Exception e) {
        return e.getMessage() == null
                ? new RegisterFormatException(FileReason.ZIP_TRUNCATED, e)
                : new RegisterFormatException(FileReason.ZIP_UNREADABLE, e, RegisterFormatException.diagnostic(e));
    }

    /** The layer's files by lower-case path; refuses hostile names and zips with no or several layers. */
    private static Map<String, ZipEntry> layerParts(ZipFile z) {
        if (z.size() > MAX_ENTRIES) {
            throw new RegisterFormatException(FileReason.ZIP_TOO_MANY_ENTRIES, z.size());
        }
        Map<String, ZipEntry> parts = new LinkedHashMap<>();
        List<String> shps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName().replace('\\', '/');
            if (climbsOut(name)) {
                throw new RegisterFormatException(FileReason.ZIP_OUTSIDE, e.getName());
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            if (e.isDirectory() || name.startsWith("__MACOSX/") || fileName.startsWith("._")) {
                continue; // folders and macOS resource forks
            }
            names.add(e.getName());
            String key = name.toLowerCase(Locale.ROOT);
            if (key.endsWith(".shp") || key.endsWith(".dbf") || key.endsWith(".prj") || key.endsWith(".cpg")) {
                if (parts.putIfAbsent(key, e) != null) {
                    throw new RegisterFormatException(FileReason.ZIP_DUPLICATE, e.getName());
                }
                if (key.endsWith(".shp")) {
                    shps.add(e.getName());
                }
            }
        }
        if (shps.isEmpty()) {
            throw names.isEmpty()
                    ? new RegisterFormatException(FileReason.ZIP_EMPTY)
                    : new RegisterFormatException(
                            FileReason.ZIP_NO_SHP,
                            String.join(", ", names.subList(0, Math.min(names.size(), 10)))
                                    + (names.size() > 10 ? ", …" : ""));
        }
        if (shps.size() > 1) {
            throw new RegisterFormatException(FileReason.ZIP_SEVERAL_LAYERS, String.join(", ", shps));
        }
        return parts;
    }

    private static boolean climbsOut(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Path extract(ZipFile z, ZipEntry e, Path target, long[] budget, long maxBytes) throws IOException {
        if (e.getSize() > budget[0]) {
            throw tooLarge(e, maxBytes); // what the archive declares; the bytes actually inflated are counted below
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = z.getInputStream(e);
                OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                budget[0] -= n;
                if (budget[0] < 0) {
                    throw tooLarge(e, maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException ex) {
            throw damaged(e, ex);
        }
        return target;
    }

    /** A compressed entry that does not inflate: a bad stream, or one that ends too soon (no message). */
    private static RegisterFormatException damaged(ZipEntry e, IOException cause) {
        return cause.getMessage() == null
                ? new RegisterFormatException(FileReason.ZIP_ENTRY_TRUNCATED, cause, e.getName())
                : new RegisterFormatException(
                        FileReason.ZIP_ENTRY_DAMAGED, cause, e.getName(), RegisterFormatException.diagnostic(cause));
    }

    private static RegisterFormatException tooLarge(ZipEntry e, long maxBytes) {
        return new RegisterFormatException(FileReason.ZIP_TOO_LARGE, maxBytes / (1024 * 1024), e.getName());
    }

    private static @Nullable String text(ZipFile z, @Nullable ZipEntry e) throws IOException {
        if (e == null) {
            return null;
        }
        try (InputStream in = z.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new RegisterFormatException(FileReason.ZIP_TEXT_TOO_LARGE, e.getName(), MAX_TEXT_BYTES / 1024);
            }
            // .prj is ASCII WKT; .cpg names an encoding. Both may start with a BOM.
            return new String(bytes, StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .strip();
        } catch (ZipException | EOFException ex) {
            throw damaged(e, ex);
        }
    }

    /**
     * The .dbf's encoding: what the .cpg names (UTF-8, GBK, 936, GB2312, …), else UTF-8 if the
     * whole .dbf decodes as UTF-8, else GBK, the encoding Chinese ArcGIS and QGIS wrote for years.
     */
    Charset dbfCharset() throws IOException {
        if (cpg == null || cpg.isBlank()) {
            return TableRows.isUtf8(dbf) ? StandardCharsets.UTF_8 : TableRows.GBK;
        }
        String name = cpg.lines()
                .findFirst()
                .orElse("")
                .strip()
                .toUpperCase(Locale.ROOT)
                .replace("_", "-");
        switch (name) {
            case "UTF-8", "UTF8", "65001":
                return StandardCharsets.UTF_8;
            case "GBK", "936", "CP936", "GB2312", "GB18030", "ANSI 936", "MS936", "EUC-CN":
                return TableRows.GBK;
            default:
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    throw new RegisterFormatException(FileReason.CPG_UNKNOWN, e, layer, cpg.strip());
                }
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
