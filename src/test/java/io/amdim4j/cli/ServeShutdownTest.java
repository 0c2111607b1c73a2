package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.train.WithTinyRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code amdim serve} as a user starts it in a terminal: it prints its address, answers, and Ctrl-C (SIGINT) stops it. */
class ServeShutdownTest extends WithTinyRun {

    private static final Pattern ADDRESS = Pattern.compile(" at (http://127\\.0\\.0\\.1:[0-9]+/)");

    @Test
    void itListensOnLoopbackAndSigintStopsItCleanly() throws Exception {
        TinyServedIndex tiny = TinyServedIndex.get();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "io.amdim4j.cli.Main",
                "serve", "--index", tiny.index().toString(), "--dataset", tiny.dataset(), "--port", "0")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder printed = new StringBuilder();
            URI address = null;
            String line;
            while (address == null && (line = out.readLine()) != null) {
                printed.append(line).append('\n');
                Matcher m = ADDRESS.matcher(line);
                if (m.find()) {
                    address = URI.create(m.group(1));
                }
            }
            assertThat(address).as("the server printed its address; it printed:%n%s", printed).isNotNull();
            assertThat(printed.toString()).doesNotContain("warning");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest info = HttpRequest.newBuilder(address.resolve("api/info")).build();
            assertThat(http.send(info, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the server ended after SIGINT").isTrue();
            List<String> rest = out.lines().toList();
            assertThat(rest).contains("stopped");
            assertThat(String.join("\n", rest)).doesNotContain("Exception");
            assertThat(p.exitValue()).isEqualTo(128 + 2); // the JVM's status after SIGINT once its hooks ran
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(info, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        } finally {
            p.destroyForcibly();
        }
    }
}
