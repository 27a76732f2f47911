package dev.keapgw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.KeapClient;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.sandbox.TestHttp;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code keap contacts list --all --output jsonl} of 20,000 contacts in a JVM of its own with a
 * 64 MB heap: the export streams page by page (the contacts as JSON trees would not fit).
 */
@Tag("slow")
class CliStreamingTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final int SEEDED = 20_000;

  @Test
  void twentyThousandContactsStreamThroughA64MegabyteHeap() throws Exception {
    TestHttp.Reply tenant =
        LIVE.sandboxControl().post("/_sandbox/tenants", Map.of("contacts", SEEDED));
    assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
    String key = LIVE.fixture().newAccount("streaming").key().secret();
    ConnectFlow.connect(LIVE.fixture(), key, tenant.json().path("id").asText());
    long expected = KeapClient.gateway(LIVE.url(), key)
        .build()
        .contacts()
        .list(ListQuery.all().pageSize(1000).fields("id"))
        .stream()
        .count();
    assertThat(expected).isGreaterThanOrEqualTo(SEEDED);

    Path home = Files.createTempDirectory("keap-stream-home");
    Path err = home.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(
            javaBinary(),
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            classpath(),
            KeapCli.class.getName(),
            "contacts",
            "list",
            "--all",
            "--output",
            "jsonl")
        .redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("KEAP_") || k.equals("MATON_API_KEY"));
    pb.environment().put("MATON_API_KEY", key);
    pb.environment().put("KEAP_GATEWAY_URL", LIVE.url());
    pb.environment().put("HOME", home.toString());
    Process p = pb.start();

    long lines = 0;
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines++;
        if (lines % 97 == 1) {
          JsonNode c = json.readTree(line);
          assertThat(c.path("email_addresses").isArray()).as(line).isTrue();
        }
        ids.add(line.substring(0, line.indexOf(',')));
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(lines).isEqualTo(expected);
    assertThat(ids).as("every contact once").hasSize((int) expected);
    assertThat(Files.readString(err))
        .as("no progress when stderr is not a terminal")
        .isEmpty();
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The command's classes, the SDK's and their dependencies, nothing else from the test's classpath. */
  private static String classpath() throws Exception {
    List<Class<?>> from = List.of(
        KeapCli.class,
        KeapClient.class,
        ObjectMapper.class,
        JsonFactory.class,
        JsonInclude.class,
        CommandLine.class);
    return from.stream()
        .map(CliStreamingTest::location)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
