package org.yizhan.locator.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 spoken over a plain socket. Real clients refuse to send what a hostile one sends
 * (broken percent-escapes, raw non-ASCII bytes in the target, junk methods), so the hostile-request
 * test writes the bytes itself. Strings stand for bytes one to one (ISO-8859-1).
 */
final class RawHttp {

    private RawHttp() {}

    /** One request. {@code target} and header values are bytes as ISO-8859-1 characters. */
    record Request(String method, String target, List<String[]> headers, byte[] body, String what) {

        /** A line that replays the request by hand. */
        String describe() {
            return what + " :: " + method + " " + abbreviate(target) + " headers="
                    + headers.stream().map(h -> h[0] + ": " + abbreviate(h[1])).toList() + " body="
                    + abbreviate(new String(body, StandardCharsets.ISO_8859_1));
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    static Response send(int port, Request request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1(request.method() + " " + request.target() + " HTTP/1.1\r\n"));
        boolean hasLength = false;
        boolean hasHost = false;
        for (String[] h : request.headers()) {
            hasLength |= h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding");
            hasHost |= h[0].equalsIgnoreCase("Host");
            out.writeBytes(latin1(h[0] + ": " + h[1] + "\r\n"));
        }
        if (!hasHost) out.writeBytes(latin1("Host: localhost\r\n"));
        if (!hasLength && request.body().length > 0)
            out.writeBytes(latin1("Content-Length: " + request.body().length + "\r\n"));
        out.writeBytes(latin1("Connection: close\r\n\r\n"));
        out.writeBytes(request.body());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()), request.method());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) all.write(buffer, 0, n);
        } catch (java.net.SocketException reset) {
            // The server may close the connection after answering without reading a huge body.
            if (all.size() == 0) throw reset;
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw, String method) throws IOException {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        // Skip interim answers (100 Continue): the final one follows.
        while (split > 0 && raw.length > 12 && raw[9] == '1') {
            raw = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (split < 0)
            throw new IOException("no complete response head: " + new String(raw, StandardCharsets.ISO_8859_1));
        String[] lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        if ("HEAD".equals(method)) body = new byte[0];
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = indexOf(body, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0) break;
            String size = new String(body, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) break;
            out.write(body, eol + 2, Math.min(n, body.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The UTF-8 bytes of {@code s} as ISO-8859-1 characters: raw non-ASCII in a target or header. */
    static String utf8Bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }
}
