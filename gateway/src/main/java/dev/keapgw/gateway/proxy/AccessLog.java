package dev.keapgw.gateway.proxy;

import dev.keapgw.gateway.config.AccessLogTarget;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per data-plane request, written in batches. It names the API key by id and never
 * writes a key, token, secret or the query string (which can carry personal data):
 *
 * <pre>2026-11-26T20:50:01.123Z access request_id=... method=GET path=/keap/crm/rest/v2/contacts status=200
 * upstream_status=200 duration_us=812 bytes=1357 account=... key=... connection=... outcome=-</pre>
 *
 * A request the MCP endpoint made for a tool call ends with {@code via=mcp:<tool>} (see {@link CallerOrigin}).
 *
 * <p>Why not a logger: handing every line to a logging thread cost a thread wake-up and a write
 * per request, about a fifth of the proxy's throughput (docs/BENCHMARKS.md). Here each thread
 * that finishes requests (an event loop) appends its lines to a buffer of its own, and one
 * background thread writes what has gathered every {@link #FLUSH_MILLIS} ms in one write, as
 * nginx's buffered access log does. A line is therefore on disk within a tenth of a second;
 * {@link #close} writes what is left. When the output cannot keep up, lines are dropped and
 * counted (a warning says how many) rather than requests slowed down or memory filled.
 */
public final class AccessLog implements AutoCloseable {
  static final long FLUSH_MILLIS = 100;
  /** Per thread, what may wait for the writer before lines are dropped. */
  static final int MAX_PENDING_CHARS = 8 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private final OutputStream out;
  private final boolean ownsOut;
  private final RequestRecorder recorder;
  private final List<Shard> shards = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Shard> mine = ThreadLocal.withInitial(this::newShard);
  private final ScheduledExecutorService writer;
  private volatile boolean closed;
  private boolean failing;

  /** The lines of one thread not yet written. */
  private static final class Shard {
    StringBuilder lines = new StringBuilder(16 * 1024);
    long dropped;
    long second = Long.MIN_VALUE;
    String secondText = "";
  }

  private AccessLog(OutputStream out, boolean ownsOut, RequestRecorder recorder) {
    this.out = out;
    this.ownsOut = ownsOut;
    this.recorder = recorder;
    if (out == null) {
      writer = null;
      return;
    }
    writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "keapgw-access-log");
      t.setDaemon(true);
      return t;
    });
    writer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** An access log to the target (standard output, a file appended to, or none). */
  public static AccessLog open(AccessLogTarget target) {
    return open(target, RequestRecorder.NONE);
  }

  /** An access log to the target that also tells {@code recorder} about every request (logged or not). */
  public static AccessLog open(AccessLogTarget target, RequestRecorder recorder) {
    if (!target.enabled()) {
      return new AccessLog(null, false, recorder);
    }
    if (target.file() == null) {
      return new AccessLog(System.out, false, recorder);
    }
    try {
      java.nio.file.Path parent = target.file().toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      return new AccessLog(new FileOutputStream(target.file().toFile(), true), true, recorder);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot open the access log " + target.file() + ": " + e.getMessage(), e);
    }
  }

  void write(Exchange x, int status, long bytesSent) {
    if (recorder != RequestRecorder.NONE) {
      recorder.record(new RequestRecorder.FinishedRequest(
          System.currentTimeMillis(),
          x.requestId,
          x.request.method().name(),
          x.request.path(),
          x.request.query(),
          status,
          x.upstreamStatus != 0,
          (System.nanoTime() - x.startNanos) / 1000,
          x.principal == null ? null : x.principal.accountId(),
          x.connection == null ? null : x.connection.id(),
          x.request.response().headers()));
    }
    if (writer == null || closed) {
      return;
    }
    long micros = (System.nanoTime() - x.startNanos) / 1000;
    long now = System.currentTimeMillis();
    Shard s = mine.get();
    synchronized (s) {
      StringBuilder b = s.lines;
      if (b.length() > MAX_PENDING_CHARS) {
        s.dropped++;
        return;
      }
      long second = Math.floorDiv(now, 1000);
      if (second != s.second) {
        s.second = second;
        s.secondText = SECOND.format(Instant.ofEpochSecond(second));
      }
      int millis = (int) Math.floorMod(now, 1000);
      b.append(s.secondText)
          .append((char) ('0' + millis / 100))
          .append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10))
          .append("Z access request_id=")
          .append(x.requestId)
          .append(" method=")
          .append(x.request.method().name())
          .append(" path=");
      appendPath(b, x.request.path());
      b.append(" status=").append(status).append(" upstream_status=");
      if (x.upstreamStatus == 0) {
        b.append('-');
      } else {
        b.append(x.upstreamStatus);
      }
      b.append(" duration_us=")
          .append(micros)
          .append(" bytes=")
          .append(bytesSent)
          .append(" account=")
          .append(x.principal == null ? "-" : x.principal.accountId())
          .append(" key=")
          .append(x.principal == null ? "-" : x.principal.keyId())
          .append(" connection=")
          .append(x.connection == null ? "-" : x.connection.id())
          .append(" outcome=")
          .append(x.outcome.isEmpty() ? "-" : x.outcome);
      if (x.via != null) {
        b.append(" via=").append(x.via);
      }
      b.append('\n');
    }
  }

  /** The path as one token: at most 200 characters, control characters and spaces as '_'. */
  private static void appendPath(StringBuilder b, String p) {
    if (p == null) {
      b.append('-');
      return;
    }
    int n = Math.min(p.length(), 200);
    for (int i = 0; i < n; i++) {
      char c = p.charAt(i);
      b.append(c < 0x20 || c == 0x7f || c == ' ' ? '_' : c);
    }
    if (p.length() > 200) {
      b.append("...");
    }
  }

  /** Writes every thread's gathered lines (the writer thread's job, and the last act of close). */
  synchronized void flush() {
    StringBuilder all = null;
    long dropped = 0;
    for (Shard s : shards) {
      StringBuilder taken;
      synchronized (s) {
        dropped += s.dropped;
        s.dropped = 0;
        if (s.lines.isEmpty()) {
          continue;
        }
        taken = s.lines;
        s.lines =
            new StringBuilder(Math.min(Math.max(16 * 1024, taken.length()), MAX_PENDING_CHARS));
      }
      if (all == null) {
        all = taken;
      } else {
        all.append(taken);
      }
    }
    if (dropped > 0) {
      LOG.warn("the access log's output is not keeping up: {} lines were dropped", dropped);
    }
    if (all == null) {
      return;
    }
    try {
      byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
      if (out instanceof PrintStream ps) {
        // standard output is shared with the application log: one call, so lines never interleave
        ps.write(bytes, 0, bytes.length);
      } else {
        out.write(bytes);
      }
      out.flush();
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot write the access log ({}); its lines are lost until it can", e.toString());
      }
      failing = true;
    }
  }

  private Shard newShard() {
    Shard s = new Shard();
    shards.add(s);
    return s;
  }

  /** Stops the writer and writes what is left. */
  @Override
  public void close() {
    if (writer == null || closed) {
      return;
    }
    closed = true;
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
    if (ownsOut) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("cannot close the access log: {}", e.toString());
      }
    }
  }
}
