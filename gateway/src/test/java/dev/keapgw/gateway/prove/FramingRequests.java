package dev.keapgw.gateway.prove;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of requests whose body framing is ambiguous or wrong: two {@code Content-Length}
 * (equal or not), {@code Content-Length} with {@code Transfer-Encoding}, obfuscated
 * {@code Transfer-Encoding} values, malformed lengths, and a request smuggled inside the body.
 *
 * <p>Every case is built so that no reading of it leaves the server waiting for bytes that never
 * come: a chunked body and its {@code Content-Length} cover the same bytes, and a closing
 * request ({@code Connection: close}) follows the body, so whichever way the server reads the
 * bytes it answers and closes. The smuggled request carries no key: if it is ever read as a
 * request it must be refused, and the upstream must never see its path.
 */
final class FramingRequests {
  static final String SMUGGLED_PATH = "/keap/crm/smuggled";

  private static final List<String> TRANSFER_ENCODINGS = List.of(
      "",
      "",
      "chunked",
      "Chunked",
      "CHUNKED",
      " chunked",
      "chunked ",
      "chunked, identity",
      "identity, chunked",
      "gzip, chunked",
      "xchunked",
      "chunked\t",
      "identity",
      "chunked;q=1",
      "\"chunked\"",
      "chunk",
      "chunked,chunked");
  private static final List<String> LENGTH_MODES = List.of(
      "exact",
      "exact",
      "none",
      "twice-equal",
      "twice-differ",
      "plus",
      "spaces",
      "hex",
      "negative",
      "list",
      "huge",
      "exponent",
      "empty",
      "zero");
  private static final List<String> DATA = List.of(
      "{\"given_name\":\"A\"}",
      "",
      "x",
      "{\"a\":[1,2,3]}",
      "0\r\n\r\n",
      "\r\n\r\n",
      "GET / HTTP/1.1");

  private final Actors actors;

  FramingRequests(Actors actors) {
    this.actors = actors;
  }

  Gen<HostileCase> cases() {
    Gen<String> target = Generate.frequency(List.of(
        Pair.of(4, Generate.constant("/keap/crm/rest/v2/contacts")),
        Pair.of(1, Generate.constant("/connections"))));
    Gen<String> method = Generate.pick(List.of("POST", "POST", "PUT", "PATCH", "GET", "DELETE"));
    Gen<Boolean> smuggle = Generate.booleans();
    return Generate.pick(TRANSFER_ENCODINGS)
        .zip(
            Generate.pick(LENGTH_MODES),
            Generate.pick(DATA),
            target.zip(method, smuggle, Shape::new),
            (te, lengthMode, data, shape) -> build(te, lengthMode, data, shape));
  }

  private record Shape(String target, String method, boolean smuggle) {}

  private HostileCase build(String te, String lengthMode, String data, Shape shape) {
    String smuggled = shape.smuggle
        ? "GET " + SMUGGLED_PATH + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        : "";
    String payload = te.isEmpty() ? data + smuggled : chunk(data) + smuggled;
    int n = te.isEmpty() ? data.length() : payload.length();
    StringBuilder b = new StringBuilder(shape.method)
        .append(' ')
        .append(shape.target)
        .append(" HTTP/1.1\r\n")
        .append("Host: gw.test\r\nAuthorization: Bearer ")
        .append(actors.keyA())
        .append("\r\n")
        .append("Content-Type: application/json\r\n");
    if (!te.isEmpty()) {
      b.append("Transfer-Encoding: ").append(te).append("\r\n");
    }
    switch (lengthMode) {
      case "exact" -> b.append("Content-Length: ").append(n).append("\r\n");
      case "twice-equal" ->
        b.append("Content-Length: ")
            .append(n)
            .append("\r\nContent-Length: ")
            .append(n)
            .append("\r\n");
      case "twice-differ" ->
        b.append("Content-Length: ")
            .append(n)
            .append("\r\nContent-Length: ")
            .append(n + 5)
            .append("\r\n");
      case "plus" -> b.append("Content-Length: +").append(n).append("\r\n");
      case "spaces" -> b.append("Content-Length:   ").append(n).append("  \r\n");
      case "hex" ->
        b.append("Content-Length: 0x").append(Integer.toHexString(n)).append("\r\n");
      case "negative" -> b.append("Content-Length: -").append(n + 1).append("\r\n");
      case "list" ->
        b.append("Content-Length: ").append(n).append(", ").append(n).append("\r\n");
      case "huge" -> b.append("Content-Length: 99999999999999999999999\r\n");
      case "exponent" -> b.append("Content-Length: ").append(n).append("e0\r\n");
      case "empty" -> b.append("Content-Length: \r\n");
      case "zero" -> b.append("Content-Length: 0\r\n");
      default -> {} // "none"
    }
    b.append("\r\n").append(payload);
    // whatever the server made of the body, this ends the exchange
    b.append("GET /healthz HTTP/1.1\r\nHost: gw.test\r\nConnection: close\r\n\r\n");
    boolean dataPlane = shape.target.startsWith("/keap/");
    String label =
        "framing te=[" + te + "] length=" + lengthMode + " data=" + DataPlaneRequests.shorten(data)
            + " smuggle=" + shape.smuggle + " " + shape.method + " " + shape.target;
    return HostileCase.of(
        label,
        b.toString(),
        dataPlane ? actors.tokenA() : null,
        dataPlane ? DataPlaneRequests.UPSTREAM_BASE + "/crm/rest/v2/contacts" : null);
  }

  private static String chunk(String data) {
    return data.isEmpty()
        ? "0\r\n\r\n"
        : Integer.toHexString(data.length()) + "\r\n" + data + "\r\n0\r\n\r\n";
  }
}
