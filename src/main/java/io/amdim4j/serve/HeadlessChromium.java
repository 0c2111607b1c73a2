package io.amdim4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over its DevTools protocol with the JDK's own HTTP client and
 * WebSocket: open a page, run JavaScript in it (to click and to read the DOM), take a screenshot.
 * Used by {@code amdim bench serve} for the page's first paint and by the page's browser test; no
 * WebDriver or second browser binary is needed.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's package puts it here. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://[^:]+:([0-9]+)/");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket.Builder builder, URI page)
            throws IOException, InterruptedException {
        this.process = process;
        this.profile = profile;
        try {
            this.socket = builder.buildAsync(page, new Listener()).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to Chromium's DevTools at " + page + ": " + e, e);
        }
    }

    /**
     * Starts Chromium headless with an empty profile and a blank page of {@code width}×{@code height}.
     *
     * @param binary the chromium executable
     * @throws IOException if it does not start or does not offer its DevTools endpoint
     */
    public static HeadlessChromium launch(Path binary, int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IOException(binary + ": no Chromium there (Debian: apt-get install chromium)");
        }
        Path profile = Files.createTempDirectory("amdim-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).start();
        try {
            int port = devToolsPort(process);
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://127.0.0.1:" + port + "/json/list");
            URI page = null;
            for (int attempt = 0; attempt < 100 && page == null; attempt++) {
                String body = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode target : JSON.readTree(body)) {
                    if ("page".equals(target.path("type").asText())) {
                        page = URI.create(target.path("webSocketDebuggerUrl").asText());
                        break;
                    }
                }
                if (page == null) {
                    Thread.sleep(100);
                }
            }
            if (page == null) {
                throw new IOException(binary + " opened no page to drive");
            }
            HeadlessChromium browser = new HeadlessChromium(process, profile, http.newWebSocketBuilder(), page);
            // --window-size includes the (invisible) window frame: pin the page's own viewport instead
            browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            deleteProfile(profile);
            throw e;
        }
    }

    /** Reads Chromium's output until it names its DevTools port; the rest of its output is drained. */
    private static int devToolsPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the browser went away: nothing left to drain
                    }
                }, "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IOException("Chromium ended without a DevTools endpoint; it printed:\n" + seen);
    }

    /**
     * Sends one DevTools command and waits for its result.
     *
     * @param method e.g. {@code Page.navigate}
     * @param params its parameters
     * @return the command's {@code result}
     * @throws IOException if Chromium answers with an error or not at all
     */
    public JsonNode call(String method, Map<String, Object> params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + ": no answer from Chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Loads {@code uri} in the page. */
    public void open(URI uri) throws IOException, InterruptedException {
        call("Page.navigate", Map.of("url", uri.toString()));
    }

    /**
     * Evaluates a JavaScript expression in the page, awaiting it if it is a promise.
     *
     * @return its value, as JSON
     * @throws IOException if it throws
     */
    public JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Evaluates {@code condition} every 50 ms until it is true.
     *
     * @throws IOException naming the condition if it is still false after {@code timeout}
     */
    public void waitFor(String condition, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > end) {
                throw new IOException("the page never reached " + condition + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** The page as it is shown now, as PNG bytes. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText());
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteProfile(profile);
    }

    private static void deleteProfile(Path profile) throws IOException {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            // Chromium may still be writing into its profile as it ends; a stale temp folder is harmless
        }
    }

    /** Collects each message's fragments and hands a command's answer to whoever waits for it. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id") ? pending.get(message.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
