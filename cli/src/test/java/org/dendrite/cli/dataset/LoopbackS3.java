package org.dendrite.cli.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny S3-compatible server on the loopback interface for tests: one bucket held in memory, path-style
 * requests, ListObjectsV2 (prefix, delimiter, pagination, url encoding), HeadObject and GetObject with
 * {@code Range: bytes=N-}. Faults on demand: a key whose body is cut after some bytes (the connection closes with
 * fewer bytes than Content-Length said), a key served with a wrong ETag. Every request is logged.
 */
final class LoopbackS3 implements AutoCloseable {
    final String bucket;
    final Map<String, byte[]> objects = new TreeMap<>();
    final Map<String, Long> truncateAfter = new ConcurrentHashMap<>();
    final Map<String, String> wrongEtag = new ConcurrentHashMap<>();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    int pageSize = 1000;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private static final Instant MODIFIED = Instant.parse("2025-06-20T12:00:00Z");

    LoopbackS3(String bucket) throws IOException {
        this.bucket = bucket;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void put(String key, byte[] data) {
        synchronized (objects) {
            objects.put(key, data);
        }
    }

    void put(String key, String text) {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    List<String> requests(String method) {
        List<String> out = new ArrayList<>();
        synchronized (log) {
            for (String l : log) if (l.startsWith(method + " ")) out.add(l);
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String rawPath = ex.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String range = ex.getRequestHeaders().getFirst("Range");
            log.add(method + " " + path + (q.isEmpty() ? "" : " " + new TreeMap<>(q)) + (range != null ? " Range=" + range : ""));
            String[] parts = path.substring(1).split("/", 2);
            if (!parts[0].equals(bucket)) {
                error(ex, 404, "NoSuchBucket", "The specified bucket does not exist", !method.equals("HEAD"));
                return;
            }
            if (parts.length == 1 || parts[1].isEmpty()) {
                if (method.equals("GET") && "2".equals(q.get("list-type"))) list(ex, q);
                else error(ex, 400, "InvalidRequest", "only ListObjectsV2 here", true);
                return;
            }
            String key = parts[1];
            byte[] data;
            synchronized (objects) {
                data = objects.get(key);
            }
            if (data == null) {
                error(ex, 404, "NoSuchKey", "The specified key does not exist.", !method.equals("HEAD"));
                return;
            }
            String etag = wrongEtag.getOrDefault(key, md5(data));
            ex.getResponseHeaders().add("ETag", "\"" + etag + "\"");
            ex.getResponseHeaders().add("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(MODIFIED.atZone(ZoneOffset.UTC)));
            ex.getResponseHeaders().add("Accept-Ranges", "bytes");
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            if (method.equals("HEAD")) {
                ex.getResponseHeaders().add("Content-Length", Long.toString(data.length));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            int from = 0;
            int status = 200;
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                if (from >= data.length) {
                    error(ex, 416, "InvalidRange", "The requested range is not satisfiable", true);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
            }
            int n = data.length - from;
            ex.sendResponseHeaders(status, n);
            OutputStream out = ex.getResponseBody();
            Long cut = truncateAfter.get(key);
            if (cut != null && cut < n) {
                out.write(data, from, (int) (long) cut);
                out.flush();
                // fewer bytes than Content-Length: the server drops the connection
                throw new IOException("truncated on purpose");
            }
            out.write(data, from, n);
        } catch (IOException e) {
            // the truncation above, or a client that went away
        }
    }

    private void list(HttpExchange ex, Map<String, String> q) throws IOException {
        String prefix = q.getOrDefault("prefix", "");
        String delimiter = q.get("delimiter");
        boolean url = "url".equals(q.get("encoding-type"));
        int max = Math.min(pageSize, Integer.parseInt(q.getOrDefault("max-keys", "1000")));
        String after = q.get("continuation-token");
        TreeSet<String> entries = new TreeSet<>(); // keys and common prefixes, in key order
        Map<String, Boolean> isPrefix = new HashMap<>();
        synchronized (objects) {
            for (String k : objects.keySet()) {
                if (!k.startsWith(prefix)) continue;
                if (delimiter != null) {
                    int d = k.indexOf(delimiter, prefix.length());
                    if (d >= 0) {
                        String cp = k.substring(0, d + delimiter.length());
                        entries.add(cp);
                        isPrefix.put(cp, true);
                        continue;
                    }
                }
                entries.add(k);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(bucket).append("</Name><Prefix>").append(enc(prefix, url)).append("</Prefix>");
        if (delimiter != null) xml.append("<Delimiter>").append(enc(delimiter, url)).append("</Delimiter>");
        if (url) xml.append("<EncodingType>url</EncodingType>");
        int count = 0;
        String last = null;
        boolean truncated = false;
        StringBuilder body = new StringBuilder();
        for (String e : after == null ? entries : entries.tailSet(after, false)) {
            if (count == max) {
                truncated = true;
                break;
            }
            if (isPrefix.containsKey(e)) {
                body.append("<CommonPrefixes><Prefix>").append(enc(e, url)).append("</Prefix></CommonPrefixes>");
            } else {
                byte[] d;
                synchronized (objects) {
                    d = objects.get(e);
                }
                body.append("<Contents><Key>").append(enc(e, url)).append("</Key><LastModified>").append(MODIFIED)
                        .append("</LastModified><ETag>&quot;").append(wrongEtag.getOrDefault(e, md5(d)))
                        .append("&quot;</ETag><Size>").append(d.length).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
            last = e;
            count++;
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount><MaxKeys>").append(max).append("</MaxKeys>");
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (truncated) xml.append("<NextContinuationToken>").append(xmlEscape(last)).append("</NextContinuationToken>");
        xml.append(body).append("</ListBucketResult>");
        byte[] b = xml.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/xml");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    private static String enc(String s, boolean url) {
        return url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/") : xmlEscape(s);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void error(HttpExchange ex, int status, String code, String message, boolean body) throws IOException {
        if (!body) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>test</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    static String md5(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(data);
            StringBuilder s = new StringBuilder();
            for (byte x : d) s.append(String.format("%02x", x));
            return s.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
