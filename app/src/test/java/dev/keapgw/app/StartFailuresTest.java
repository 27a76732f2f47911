package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.FreePort;
import dev.keapgw.gateway.Gateway;
import dev.keapgw.gateway.config.EncryptionKeys;
import dev.keapgw.sandbox.TestHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way {@code serve}, {@code demo} and {@code sandbox} can fail to start is one line (two
 * at most) naming what to change, exit code 1, never a stack trace or a secret; and a store
 * sealed with another encryption key is refused at start, naming the key ids it needs.
 */
@Tag("slow")
class StartFailuresTest {
  static final String KEY_B = ServeCommandTest.OLD;

  /** One run of the launcher in this process: its exit code and what it wrote to stderr. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.strip().lines().toList();
    }
  }

  @Test
  void aDataDirThatCannotBeMadeIsOneLineEvenInARealProcess(@TempDir Path tmp) {
    try (LauncherProcess p = LauncherProcess.start(
        tmp.resolve("out.txt"),
        Map.of("KEAPGW_ENCRYPTION_KEY", ServeCommandTest.KEY, "KEAPGW_CLIENT_SECRET", "s"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(FreePort.find()),
        "--client-id",
        "c",
        "--data-dir",
        "/proc/nope")) {
      assertThat(p.awaitExit()).isEqualTo(1);
      assertThat(p.output().strip().lines().toList())
          .as(p.output())
          .hasSizeLessThanOrEqualTo(2)
          .allMatch(l -> !l.startsWith("\tat "));
      assertThat(p.output())
          .startsWith("keap-gateway serve: cannot use the data directory /proc/nope")
          .contains("(--data-dir)");
    }
  }

  @Test
  void demoAndSandboxSayTheSameAboutTheirDataDir() {
    Run demo = run(
        Lifetimes.none(),
        Map.of(),
        "demo",
        "--port",
        "0",
        "--sandbox-port",
        "0",
        "--data-dir",
        "/proc/nope");
    Run sandbox = run(
        Lifetimes.none(), Map.of(), "sandbox", "--port", "0", "--data-dir", "/proc/nope/sandbox");
    for (Run r : List.of(demo, sandbox)) {
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err())
          .contains("cannot use the data directory /proc/nope")
          .contains("(--data-dir)");
    }
  }

  @Test
  void aStoreInUseByAnotherGatewayIsSaidSoAndLeavesNoTraceFile(@TempDir Path tmp)
      throws IOException {
    Path dir = tmp.resolve("data");
    List<String> second = new ArrayList<>();
    // the second gateway runs in a process of its own: in one process H2 shares an open store
    Run first = serve(
        Lifetimes.none().withServe(g -> {
          try (LauncherProcess p = LauncherProcess.start(
              tmp.resolve("out.txt"),
              env(ServeCommandTest.KEY),
              "serve",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(FreePort.find()),
              "--client-id",
              "c",
              "--data-dir",
              dir.toString())) {
            second.add(p.awaitExit() + " " + p.output());
          }
        }),
        dir,
        ServeCommandTest.KEY);
    assertThat(first.code()).as(first.err()).isZero();
    String r = second.get(0);
    assertThat(r)
        .startsWith("1 keap-gateway serve: the store in " + dir.toAbsolutePath()
            + " is in use by another running gateway")
        .contains("--data-dir");
    assertThat(r.strip().lines()).hasSize(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".trace.db"));
    }
  }

  @Test
  void aPortInUseNamesPort(@TempDir Path tmp) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run r = run(
          Lifetimes.none(),
          env(ServeCommandTest.KEY),
          "serve",
          "--host",
          "127.0.0.1",
          "--port",
          Integer.toString(taken.getLocalPort()),
          "--client-id",
          "c",
          "--data-dir",
          tmp.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err())
          .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
          .contains("--port");
    }
  }

  @Test
  void anUnreachableDatabaseOrRedisIsOneLineNamingItsOptionWithoutItsPassword(@TempDir Path tmp) {
    int nobody = FreePort.find();
    Run db = serve(
        Lifetimes.none(),
        tmp,
        ServeCommandTest.KEY,
        "--db-url",
        "jdbc:postgresql://127.0.0.1:" + nobody + "/gw?user=gw&password=pg-secret");
    assertThat(db.code()).isEqualTo(1);
    assertThat(db.errLines()).hasSize(1);
    assertThat(db.err())
        .doesNotContain("pg-secret")
        .contains("cannot reach the database at jdbc:postgresql://127.0.0.1:" + nobody
            + "/gw (--db-url)");
    Run redis = serve(
        Lifetimes.none(),
        tmp,
        ServeCommandTest.KEY,
        "--redis-url",
        "redis://:redis-secret@127.0.0.1:" + nobody);
    assertThat(redis.code()).isEqualTo(1);
    assertThat(redis.errLines()).hasSize(1);
    assertThat(redis.err())
        .contains("cannot reach Redis at")
        .contains("(--redis-url)")
        .doesNotContain("redis-secret");
  }

  @Test
  void aStoreSealedWithAnotherKeyIsRefusedAtStartNamingTheKeyItNeeds(@TempDir Path tmp) {
    Path dir = tmp.resolve("data");
    Run first = serve(
        Lifetimes.none().withServe(StartFailuresTest::pendingConnection),
        dir,
        ServeCommandTest.KEY);
    assertThat(first.code()).as(first.err()).isZero();
    String needed = EncryptionKeys.keyId(EncryptionKeys.decode(ServeCommandTest.KEY));
    String given = EncryptionKeys.keyId(EncryptionKeys.decode(KEY_B));

    Run wrong = serve(Lifetimes.none(), dir, KEY_B);
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.errLines()).hasSize(1);
    assertThat(wrong.err())
        .contains("sealed with encryption key " + needed)
        .contains("(" + given + ")")
        .contains("--encryption-key")
        .contains("--old-encryption-keys")
        .doesNotContain(ServeCommandTest.KEY)
        .doesNotContain(KEY_B);

    Run rotated =
        serve(Lifetimes.none(), dir, KEY_B, "--old-encryption-keys", ServeCommandTest.KEY);
    assertThat(rotated.code()).as(rotated.err()).isZero();
  }

  /** A PENDING connection: its connect session's token is sealed in the store with the gateway's key. */
  private static void pendingConnection(Gateway g) {
    String key = g.services().accounts().createAccount("sealed").key().secret();
    TestHttp.Reply r =
        TestHttp.bearer(g.baseUrl(), key).post("/connections", Map.of("app", "keap"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static Run serve(Lifetimes lifetimes, Path dir, String key, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(FreePort.find()),
        "--client-id",
        "c",
        "--data-dir",
        dir.toString(),
        "--access-log",
        "off"));
    args.addAll(List.of(more));
    return run(lifetimes, env(key), args.toArray(String[]::new));
  }

  private static Map<String, String> env(String key) {
    return Map.of("KEAPGW_ENCRYPTION_KEY", key, "KEAPGW_CLIENT_SECRET", "s");
  }

  private static Run run(Lifetimes lifetimes, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(
            env, lifetimes, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
