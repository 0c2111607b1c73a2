package io.amdim4j.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page and the JSON API over a {@link ServedIndex}, on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): no dependency, and enough for a local tool with a handful of
 * clients. Routes:
 *
 * <ul>
 *   <li>{@code GET /}, {@code /app.js}, {@code /style.css}: the page, from the jar;
 *   <li>{@code GET /api/info}: rows, dimension, labels, whether uploads are searched;
 *   <li>{@code GET /api/rows?offset=O&limit=L[&label=C]}: a page of the grid;
 *   <li>{@code GET /api/search?row=N&k=K}: the k nearest rows to row N;
 *   <li>{@code POST /api/search?k=K} with an image file as the body (needs {@code --model});
 *   <li>{@code GET /api/duplicates?threshold=T&limit=L}: near-duplicate pairs;
 *   <li>{@code GET /api/image/N}: row N's image as PNG.
 * </ul>
 *
 * Errors are {@code {"status": S, "message": "..."}} with that status.
 */
public final class ApiServer implements AutoCloseable {

    /** Most results or rows one request may ask for. */
    static final int MAX_RESULTS = 1000;
    private static final String RESOURCES = "/io/amdim4j/serve/";
    /** The page's files; the client never names a path, only one of these. */
    private static final Map<String, String> PAGE = Map.of("/", "index.html", "/index.html", "index.html",
            "/app.js", "app.js", "/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    /**
     * How the server listens and what it accepts.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1}
     * @param port port, 0 for any free one
     * @param threads request threads
     * @param uploadLimitBytes largest image body accepted; larger ones get 413
     * @param k default neighbours per query (the page's)
     */
    public record Settings(String host, int port, int threads, long uploadLimitBytes, int k) {
        /** Checks the values, naming the option of each. */
        public Settings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            if (uploadLimitBytes < 1) {
                throw new IllegalArgumentException("--max-upload-mb must be positive, got " + uploadLimitBytes + " bytes");
            }
            if (k < 1 || k > MAX_RESULTS) {
                throw new IllegalArgumentException("-k must be in [1, " + MAX_RESULTS + "], got " + k);
            }
        }
    }

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for
        // the client's delayed ACK (~40 ms a request on Linux). Read once, when the server's config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ServedIndex served;
    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(ServedIndex served, Settings settings) throws IOException {
        this.served = served;
        this.settings = settings;
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Binds and starts answering.
     *
     * @param served what to answer from; the caller closes it after the server
     * @param settings where to listen
     * @return the running server
     * @throws IOException if the address cannot be bound (the message names it)
     */
    public static ApiServer start(ServedIndex served, Settings settings) throws IOException {
        ApiServer api;
        try {
            api = new ApiServer(served, settings);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        api.server.start();
        return api;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress at = server.getAddress();
        String host = at.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + at.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiException e) {
                sendError(exchange, e.status(), e.getMessage());
            } catch (IllegalArgumentException e) {
                sendError(exchange, ApiException.BAD_REQUEST, e.getMessage());
            } catch (IOException | RuntimeException e) {
                sendError(exchange, 500, "internal error: " + e);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        if (PAGE.containsKey(path)) {
            requireMethod(method, "GET");
            String file = PAGE.get(path);
            sendResource(exchange, file);
        } else if (path.equals("/api/info")) {
            requireMethod(method, "GET");
            sendJson(exchange, served.info(settings.uploadLimitBytes(), settings.k()));
        } else if (path.equals("/api/rows")) {
            requireMethod(method, "GET");
            String label = query.get("label");
            sendJson(exchange, served.page(intParameter(query, "offset", 0, 0, Integer.MAX_VALUE),
                    intParameter(query, "limit", 60, 1, MAX_RESULTS),
                    label == null || label.isEmpty() ? null : intParameter(query, "label", 0, -1, Integer.MAX_VALUE)));
        } else if (path.equals("/api/search")) {
            int k = intParameter(query, "k", settings.k(), 1, MAX_RESULTS);
            if (method.equals("POST")) {
                sendJson(exchange, served.search(readUpload(exchange), k));
            } else {
                requireMethod(method, "GET");
                if (!query.containsKey("row")) {
                    throw new ApiException(ApiException.BAD_REQUEST, "GET /api/search needs row=N (or POST an image)");
                }
                sendJson(exchange, served.search(intParameter(query, "row", 0, Integer.MIN_VALUE, Integer.MAX_VALUE), k));
            }
        } else if (path.equals("/api/duplicates")) {
            requireMethod(method, "GET");
            double threshold = doubleParameter(query, "threshold", 0.95);
            if (!(threshold >= -1 && threshold <= 1)) {
                throw new ApiException(ApiException.BAD_REQUEST, "threshold is a cosine similarity in [-1, 1], got "
                        + query.get("threshold"));
            }
            sendJson(exchange, served.duplicates(threshold, intParameter(query, "k", settings.k(), 1, MAX_RESULTS),
                    intParameter(query, "limit", 100, 1, MAX_RESULTS)));
        } else if (path.startsWith("/api/image/")) {
            requireMethod(method, "GET");
            String row = path.substring("/api/image/".length());
            if (!row.matches("-?[0-9]{1,10}")) {
                throw new ApiException(ApiException.NOT_FOUND, "images are reached by row number: /api/image/N, not " + path);
            }
            byte[] png = served.png(parseInt("row", row));
            exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
            send(exchange, 200, "image/png", png);
        } else {
            throw new ApiException(ApiException.NOT_FOUND, "no such page or endpoint: " + path);
        }
    }

    /** The request body, refused with 413 past the limit before more than the limit is read. */
    private byte[] readUpload(HttpExchange exchange) throws IOException {
        long limit = settings.uploadLimitBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > limit) {
            throw new ApiException(ApiException.TOO_LARGE, "the image is " + length + " bytes; the server takes at most "
                    + limit + " (--max-upload-mb)");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new ApiException(ApiException.TOO_LARGE, "the image is over " + limit
                        + " bytes, the most the server takes (--max-upload-mb)");
            }
            if (body.length == 0) {
                throw new ApiException(ApiException.BAD_REQUEST, "POST /api/search needs an image file as the body");
            }
            return body;
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(ApiException.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + allowed);
        }
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            map.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static int intParameter(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        int value = parseInt(name, text);
        if (value < min || value > max) {
            throw new ApiException(ApiException.BAD_REQUEST, name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    private static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(ApiException.BAD_REQUEST, name + " must be an integer, got '" + text + "'");
        }
    }

    private static double doubleParameter(Map<String, String> query, String name, double fallback) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(ApiException.BAD_REQUEST, name + " must be a number, got '" + text + "'");
        }
    }

    private static void sendResource(HttpExchange exchange, String file) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IOException("the jar lacks " + RESOURCES + file);
            }
            send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), in.readAllBytes());
        }
    }

    private static void sendJson(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 200, "application/json", RunJson.lineMapper().writeValueAsBytes(body));
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "application/json", RunJson.lineMapper().writeValueAsBytes(new ApiJson.Error(status, message)));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening, letting requests under way finish for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
