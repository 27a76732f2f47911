package dev.keapgw.gateway.prove;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test controls every byte it sends: it writes the bytes as
 * given, reads until the server closes the connection (or a deadline), and splits what came
 * back into responses by their own framing.
 */
final class RawHttp {
  /** One parsed response; {@code complete} is false when its body was cut short. */
  record Response(
      int status, String head, Map<String, List<String>> headers, byte[] body, boolean complete) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Head and body as text, for searching: bytes decoded one to one. */
    String text() {
      return head + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * What one connection gave back.
   *
   * @param timedOut the server neither answered in full nor closed the connection in time
   */
  record Exchange(List<Response> responses, byte[] raw, boolean timedOut) {
    String rawText() {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
  }

  private RawHttp() {}

  /**
   * That {@code r} is the gateway's error envelope for {@code status} and {@code type}, its
   * message naming {@code mentioned}, and that it announces the connection's close.
   */
  static void assertEnvelope(Response r, int status, String type, String mentioned) {
    org.assertj.core.api.Assertions.assertThat(r.header("Content-Type"))
        .as(r.text())
        .startsWith("application/json");
    org.assertj.core.api.Assertions.assertThat(r.header("Connection"))
        .as(r.text())
        .isEqualToIgnoringCase("close");
    com.fasterxml.jackson.databind.JsonNode e;
    try {
      e = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("error");
    } catch (IOException ex) {
      throw new AssertionError("not JSON: " + r.text(), ex);
    }
    org.assertj.core.api.Assertions.assertThat(e.path("status").asInt())
        .as(r.text())
        .isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(e.path("type").asText())
        .as(r.text())
        .isEqualTo(type);
    org.assertj.core.api.Assertions.assertThat(e.path("message").asText())
        .as(r.text())
        .contains(mentioned);
    org.assertj.core.api.Assertions.assertThat(e.path("request_id").asText())
        .as(r.text())
        .isNotBlank();
  }

  static Exchange exchange(String host, int port, byte[] request, int timeoutMillis) {
    return paced(host, port, List.of(request), 0, timeoutMillis);
  }

  /**
   * Like {@link #exchange}, with the request written in {@code pieces}, {@code pauseMillis}
   * apart, while what comes back is read (a slow or staggered caller); writing stops when the
   * server closes the connection.
   */
  static Exchange paced(
      String host, int port, List<byte[]> pieces, long pauseMillis, int timeoutMillis) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean timedOut = false;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      Thread writer = Thread.ofVirtual().start(() -> {
        try {
          for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && pauseMillis > 0) {
              Thread.sleep(pauseMillis);
            }
            out.write(pieces.get(i));
            out.flush();
          }
        } catch (IOException | InterruptedException e) {
          // the server may close early on a request it refuses; read what it said
        }
      });
      if (pauseMillis == 0) {
        try {
          writer.join(); // all of it written before reading, as a plain exchange does
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      InputStream in = s.getInputStream();
      byte[] buf = new byte[16 * 1024];
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          timedOut = true;
          break;
        } catch (IOException e) {
          break; // reset by the server: what we have is what it said
        }
        if (n < 0) {
          break;
        }
        got.write(buf, 0, n);
        if (System.currentTimeMillis() > deadline) {
          timedOut = true;
          break;
        }
      }
      writer.interrupt();
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + host + ":" + port + ": " + e, e);
    }
    byte[] raw = got.toByteArray();
    return new Exchange(parse(raw), raw, timedOut);
  }

  /** Splits bytes into responses; a trailing fragment without a full head is ignored. */
  static List<Response> parse(byte[] raw) {
    List<Response> out = new ArrayList<>();
    int pos = 0;
    while (pos < raw.length) {
      int end = indexOf(raw, pos, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (end < 0) {
        break;
      }
      String head = new String(raw, pos, end - pos, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      int status;
      try {
        status = Integer.parseInt(lines[0].split(" ", 3)[1]);
      } catch (RuntimeException e) {
        break;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      int bodyStart = end + 4;
      List<String> te = headers.getOrDefault("transfer-encoding", List.of());
      List<String> cl = headers.getOrDefault("content-length", List.of());
      boolean bodiless = status / 100 == 1 || status == 204 || status == 304;
      if (bodiless) {
        out.add(new Response(status, head, headers, new byte[0], true));
        pos = bodyStart;
      } else if (!te.isEmpty()
          && te.get(te.size() - 1).toLowerCase(Locale.ROOT).contains("chunked")) {
        Dechunked d = dechunk(raw, bodyStart);
        out.add(new Response(status, head, headers, d.body, d.complete));
        pos = d.next;
      } else if (!cl.isEmpty()) {
        int n = Integer.parseInt(cl.get(0));
        int have = Math.min(n, raw.length - bodyStart);
        byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, bodyStart + have);
        out.add(new Response(status, head, headers, body, have == n));
        pos = bodyStart + have;
      } else {
        out.add(new Response(
            status, head, headers, java.util.Arrays.copyOfRange(raw, bodyStart, raw.length), true));
        pos = raw.length;
      }
    }
    return out;
  }

  private record Dechunked(byte[] body, boolean complete, int next) {}

  private static Dechunked dechunk(byte[] raw, int pos) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int lineEnd = indexOf(raw, pos, new byte[] {'\r', '\n'});
      if (lineEnd < 0) {
        return new Dechunked(body.toByteArray(), false, raw.length);
      }
      String sizeLine = new String(raw, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semi = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        return new Dechunked(body.toByteArray(), false, raw.length);
      }
      pos = lineEnd + 2;
      if (size == 0) {
        int trailerEnd = indexOf(raw, pos - 2, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return trailerEnd < 0
            ? new Dechunked(body.toByteArray(), false, raw.length)
            : new Dechunked(body.toByteArray(), true, trailerEnd + 4);
      }
      if (pos + size + 2 > raw.length) {
        body.write(raw, pos, Math.max(0, Math.min(size, raw.length - pos)));
        return new Dechunked(body.toByteArray(), false, raw.length);
      }
      body.write(raw, pos, size);
      pos += size + 2;
    }
  }

  static int indexOf(byte[] hay, int from, byte[] needle) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
