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

  static Exchange exchange(String host, int port, byte[] request, int timeoutMillis) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean timedOut = false;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may close early on a request it refuses; read what it said
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
