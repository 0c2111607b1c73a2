package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Split;
import io.amdim4j.serve.ApiServer;
import io.amdim4j.serve.ServedIndex;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amdim serve}'s JSON API over the tiny run's index: every endpoint, every error status, and
 * eight clients at once whose answers equal {@code amdim search}'s for the same query.
 */
class ServeCommandTest extends WithTinyRun {

    /** Small enough that a body over it is still drained by the JDK server (64 KiB) rather than cut off. */
    private static final long UPLOAD_LIMIT = 16 * 1024;
    private static final int K = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static TinyServedIndex tiny;
    private static ImageDataset test;
    private static ServedIndex served;
    private static ApiServer server;
    private static ServedIndex servedWithoutModel;
    private static ApiServer serverWithoutModel;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws IOException {
        tiny = TinyServedIndex.get();
        test = DatasetSpec.parse(tiny.dataset()).open(Split.TEST);
        served = ServedIndex.open(tiny.index(), test, tiny.model(), 100);
        server = ApiServer.start(served, new ApiServer.Settings("127.0.0.1", 0, 8, UPLOAD_LIMIT, K));
        servedWithoutModel = ServedIndex.open(tiny.index(), test, null, 100);
        serverWithoutModel = ApiServer.start(servedWithoutModel, new ApiServer.Settings("127.0.0.1", 0, 2, UPLOAD_LIMIT, K));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        served.close();
        serverWithoutModel.close();
        servedWithoutModel.close();
    }

    @Test
    void infoDescribesTheIndexItsLabelsAndWhetherUploadsAreSearched() throws Exception {
        JsonNode info = getJson(server, "api/info", 200);
        assertThat(info.get("rows").asInt()).isEqualTo(TinyRun.TEST_IMAGES);
        assertThat(info.get("dimension").asInt()).isEqualTo(TinyRun.N_RKHS);
        assertThat(info.get("upload").asBoolean()).isTrue();
        assertThat(info.get("upload_limit_bytes").asLong()).isEqualTo(UPLOAD_LIMIT);
        assertThat(info.get("k").asInt()).isEqualTo(K);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < test.size(); i++) {
            counts.merge(test.get(i).label(), 1, Integer::sum);
        }
        Map<Integer, Integer> listed = new HashMap<>();
        for (JsonNode l : info.get("labels")) {
            listed.put(l.get("label").asInt(), l.get("rows").asInt());
            assertThat(l.get("class_name").asText()).isEqualTo(test.classNames().get(l.get("label").asInt()));
        }
        assertThat(listed).isEqualTo(counts);
        assertThat(getJson(serverWithoutModel, "api/info", 200).get("upload").asBoolean()).isFalse();
    }

    @Test
    void rowsArePagedAndFilteredByLabel() throws Exception {
        JsonNode page = getJson(server, "api/rows?offset=2&limit=3", 200);
        assertThat(page.get("total").asInt()).isEqualTo(TinyRun.TEST_IMAGES);
        assertThat(page.get("rows").findValuesAsText("row")).containsExactly("2", "3", "4");
        int label = test.get(0).label();
        JsonNode filtered = getJson(server, "api/rows?label=" + label, 200);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).label() == label) {
                expected.add(Integer.toString(i));
            }
        }
        assertThat(filtered.get("total").asInt()).isEqualTo(expected.size());
        assertThat(filtered.get("rows").findValuesAsText("row")).containsExactlyElementsOf(expected);
        assertThat(filtered.get("rows").findValuesAsText("class_name")).containsOnly(test.classNames().get(label));
        assertThat(getJson(server, "api/rows?offset=100", 200).get("rows")).isEmpty();
        error(server, "api/rows?limit=0", 400, "limit must be in [1, 1000]");
        error(server, "api/rows?label=cat", 400, "label must be an integer");
    }

    @Test
    void aRowSearchEqualsAmdimSearchForEveryRow() throws Exception {
        for (int row = 0; row < TinyRun.TEST_IMAGES; row++) {
            JsonNode answer = getJson(server, "api/search?row=" + row + "&k=" + K, 200);
            assertThat(answer.get("query").get("row").asInt()).isEqualTo(row);
            assertThat(answer.get("query").get("index").asInt()).isEqualTo(row);
            assertThat(lines(answer)).isEqualTo(amdimSearch(row, K));
        }
    }

    @Test
    void badRowQueriesGetTheirStatusAndAMessage() throws Exception {
        error(server, "api/search?row=" + TinyRun.TEST_IMAGES, 404, "no row " + TinyRun.TEST_IMAGES);
        error(server, "api/search?row=-1", 404, "no row -1");
        error(server, "api/search?row=two", 400, "row must be an integer, got 'two'");
        error(server, "api/search?k=3", 400, "needs row=N");
        error(server, "api/search?row=1&k=0", 400, "k must be in [1, 1000]");
    }

    @Test
    void eightClientsAtOnceEachGetAmdimSearchsAnswer() throws Exception {
        Map<String, List<String>> expected = new HashMap<>();
        for (int row = 0; row < TinyRun.TEST_IMAGES; row++) {
            for (int k = 1; k <= TinyRun.TEST_IMAGES; k++) {
                expected.put(row + "/" + k, amdimSearch(row, k));
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                Callable<Integer> work = () -> {
                    int checked = 0;
                    for (int i = 0; i < 30; i++) {
                        int row = (client + i) % TinyRun.TEST_IMAGES;
                        int k = 1 + (client * 7 + i) % TinyRun.TEST_IMAGES;
                        JsonNode answer = getJson(server, "api/search?row=" + row + "&k=" + k, 200);
                        assertThat(lines(answer)).as("row %d, k %d", row, k).isEqualTo(expected.get(row + "/" + k));
                        checked++;
                    }
                    return checked;
                };
                done.add(clients.submit(work));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(30);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anUploadedImageIsEmbeddedAndAnsweredAsAmdimSearchImageAnswers() throws Exception {
        byte[] png = png(test.get(4).image());
        Path file = tmp.resolve("query.png");
        Files.write(file, png);
        JsonNode answer = postJson(server, "api/search?k=" + K, png, 200);
        assertThat(answer.get("query").isNull()).isTrue();
        assertThat(answer.get("neighbours").get(0).get("row").asInt()).isEqualTo(4);
        CliRunner cli = TinyServedIndex.expectOk(CliRunner.run("search", "--index", tiny.index().toString(), "--image",
                file.toString(), "--model", tiny.model().toString(), "-k", Integer.toString(K)));
        assertThat(lines(answer)).isEqualTo(cli.out().lines().skip(1).toList());
    }

    @Test
    void uploadsThatAreNoImageTooLargeOrWithoutAModelAreRefused() throws Exception {
        error(post(server, "api/search", "hello, not an image".getBytes()), 400, "is not an image");
        error(post(server, "api/search", new byte[0]), 400, "needs an image file as the body");
        byte[] large = new byte[(int) UPLOAD_LIMIT + 4000];
        error(post(server, "api/search", large), 413, "at most " + UPLOAD_LIMIT);
        HttpRequest chunked = HttpRequest.newBuilder(server.uri().resolve("api/search"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build();
        error(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "over " + UPLOAD_LIMIT + " bytes");
        error(post(serverWithoutModel, "api/search", png(test.get(0).image())), 400, "needs the server started with --model");
    }

    @Test
    void duplicatesListEveryPairAboveTheThresholdAsAmdimSearchDoes() throws Exception {
        int n = TinyRun.TEST_IMAGES;
        JsonNode all = getJson(server, "api/duplicates?threshold=-1&k=10&limit=1000", 200);
        assertThat(all.get("total").asInt()).isEqualTo(n * (n - 1) / 2);
        CliRunner cli = TinyServedIndex.expectOk(CliRunner.run("search", "--index", tiny.index().toString(),
                "--duplicates", "--threshold", "-1", "-k", "10"));
        List<String> expected = cli.out().lines().skip(2).map(l -> String.join(" ", List.of(l.split("  ")).subList(0, 3)))
                .toList();
        List<String> listed = new ArrayList<>();
        for (JsonNode p : all.get("pairs")) {
            listed.add(String.format(Locale.ROOT, "%.4f %d %d", p.get("cosine").asDouble(),
                    p.get("first").get("row").asInt(), p.get("second").get("row").asInt()));
        }
        assertThat(listed).isEqualTo(expected);
        JsonNode limited = getJson(server, "api/duplicates?threshold=-1&k=10&limit=2", 200);
        assertThat(limited.get("total").asInt()).isEqualTo(n * (n - 1) / 2);
        assertThat(limited.get("pairs")).hasSize(2);
        // a higher threshold filters the pairs already found
        double third = all.get("pairs").get(2).get("cosine").asDouble();
        JsonNode high = getJson(server, "api/duplicates?threshold=" + third + "&k=10", 200);
        assertThat(high.get("pairs")).allSatisfy(p -> assertThat(p.get("cosine").asDouble()).isGreaterThanOrEqualTo(third));
        assertThat(high.get("total").asInt()).isGreaterThanOrEqualTo(3).isLessThan(n * (n - 1) / 2);
        error(server, "api/duplicates?threshold=1.5", 400, "threshold is a cosine similarity in [-1, 1]");
        error(server, "api/duplicates?threshold=high", 400, "threshold must be a number");
    }

    @Test
    void anImageIsTheRowsDatasetImageAsAPngThumbnail() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("api/image/2")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        RawImage raw = test.get(2).image();
        assertThat(image.getWidth()).isEqualTo(3 * raw.width());
        for (int[] at : new int[][] {{0, 0}, {5, 17}, {31, 31}}) {
            int rgb = raw.get(0, at[0], at[1]) << 16 | raw.get(1, at[0], at[1]) << 8 | raw.get(2, at[0], at[1]);
            assertThat(image.getRGB(3 * at[1] + 1, 3 * at[0] + 1) & 0xFFFFFF).isEqualTo(rgb);
        }
        error(server, "api/image/" + TinyRun.TEST_IMAGES, 404, "no row");
        error(server, "api/image/..%2F..%2Fpom.xml", 404, "by row number");
        error(server, "api/image/a.png", 404, "by row number");
    }

    @Test
    void thePageIsServedFromTheJarAndEverythingElseIs404Or405() throws Exception {
        HttpResponse<String> page = get(server, "");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"/app.js\"></script>").doesNotContain("http://", "https://");
        assertThat(get(server, "app.js").body()).contains("/api/search?row=");
        assertThat(get(server, "style.css").headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        error(server, "index.htm", 404, "no such page or endpoint: /index.htm");
        error(server, "api/nothing", 404, "no such page or endpoint");
        HttpRequest delete = HttpRequest.newBuilder(server.uri().resolve("api/info")).DELETE().build();
        error(HTTP.send(delete, HttpResponse.BodyHandlers.ofString()), 405, "DELETE is not allowed here; use GET");
    }

    @Test
    void onlyLoopbackHostsCountAsThisMachine() throws Exception {
        assertThat(ServeCommand.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.isLoopback("::1")).isTrue();
        assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
        assertThat(ServeCommand.exposedWarning("0.0.0.0", 8080)).startsWith("amdim serve: warning: --host 0.0.0.0")
                .contains("port 8080").doesNotContain("\n");
    }

    @Test
    void aMissingIndexOrDatasetIsOneLine() {
        CliRunner noIndex = CliRunner.run("serve", "--index", tmp.toString(), "--dataset", tiny.dataset(), "--port", "0");
        assertThat(noIndex.exitCode()).isEqualTo(2);
        assertThat(noIndex.err()).isEqualTo("amdim serve: error: " + tmp + " is not a vector index: it has no index.json"
                + " (build one with amdim index)" + System.lineSeparator());
        CliRunner noDataset = CliRunner.run("serve", "--index", tiny.index().toString());
        assertThat(noDataset.exitCode()).isEqualTo(2);
        assertThat(noDataset.err()).contains("Missing required option: '--dataset=SPEC'");
    }

    /** "rank  row  cosine  label  index" lines, as amdim search prints them. */
    private static List<String> lines(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        int rank = 1;
        for (JsonNode n : answer.get("neighbours")) {
            String label = n.get("label").asInt() < 0 ? "-" : n.get("class_name").asText();
            lines.add(String.format(Locale.ROOT, "%d  %d  %.4f  %s  %d", rank++, n.get("row").asInt(),
                    n.get("cosine").asDouble(), label, n.get("index").asInt()));
        }
        return lines;
    }

    private static List<String> amdimSearch(int row, int k) {
        CliRunner r = TinyServedIndex.expectOk(CliRunner.run("search", "--index", tiny.index().toString(), "--row",
                Integer.toString(row), "-k", Integer.toString(k)));
        return r.out().lines().skip(1).toList();
    }

    private static HttpResponse<String> get(ApiServer at, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(at.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ApiServer at, String path, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(at.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(ApiServer at, String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get(at, path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        return JSON.readTree(r.body());
    }

    private static JsonNode postJson(ApiServer at, String path, byte[] body, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = post(at, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static void error(ApiServer at, String path, int status, String message) throws Exception {
        error(get(at, path), status, message);
    }

    private static void error(HttpResponse<String> r, int status, String message) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("message").asText()).contains(message);
    }

    private static byte[] png(RawImage raw) throws IOException {
        BufferedImage image = new BufferedImage(raw.width(), raw.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < raw.height(); y++) {
            for (int x = 0; x < raw.width(); x++) {
                image.setRGB(x, y, raw.get(0, y, x) << 16 | raw.get(1, y, x) << 8 | raw.get(2, y, x));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
