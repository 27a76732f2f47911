package dev.keapgw.cli.commands;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.keapgw.cli.Session;
import dev.keapgw.cli.output.Progress;
import dev.keapgw.client.list.ListQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The fast way to JSON lines. The page arrives whole (as bytes), and each item's bytes are
 * copied to its line as they are, found by the parser's offsets: no tree, no re-encoding. An
 * item whose bytes hold a line break (a server that pretty-prints) is re-written compactly
 * instead. A page's lines are written only once the page has fully arrived, so a page retried
 * after a broken answer is never written twice. Memory: one page, twice.
 */
final class JsonLinesExport {
  /** One page as lines. */
  private record Lines(byte[] bytes, long count, String next, Long total) {}

  private final Session s;
  private final JsonFactory json;

  JsonLinesExport(Session s) {
    this.s = s;
    this.json = new JsonFactory();
  }

  /** Writes every item of every page (one page without {@code all}); returns the next token left, if any. */
  String run(
      String path,
      String itemsKey,
      ListQuery query,
      String firstToken,
      boolean all,
      Progress progress,
      OutputStream out)
      throws IOException {
    String token = firstToken;
    long n = 0;
    while (true) {
      String current = token;
      Lines page = s.api()
          .execute("GET", path, query.toParams(current), null, (st, h, in) -> read(in, itemsKey));
      out.write(page.bytes());
      n += page.count();
      progress.total(page.total());
      progress.update(n);
      token = page.next();
      if (!all || token == null || token.isEmpty() || token.equals(current) || s.stdoutGone()) {
        progress.done(n);
        return token;
      }
    }
  }

  private Lines read(InputStream in, String itemsKey) throws IOException {
    byte[] body = in.readAllBytes();
    ByteArrayOutputStream lines = new ByteArrayOutputStream(body.length + 1024);
    long count = 0;
    String next = "";
    Long total = null;
    try (JsonParser p = json.createParser(body);
        JsonGenerator g = json.createGenerator(lines)) {
      g.setRootValueSeparator(null);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a list answer must be a JSON object with '" + itemsKey + "'");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(itemsKey) && value == JsonToken.START_ARRAY) {
          JsonToken item;
          while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item == null) {
              throw new JsonEOFException(
                  p, null, "the list answer ended inside '" + itemsKey + "'");
            }
            copy(p, g, body, lines);
            lines.write('\n');
            count++;
          }
        } else if (name.equals("next_page_token")) {
          next = value == JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
        } else if (name.endsWith("_count") && value == JsonToken.VALUE_NUMBER_INT) {
          total = p.getLongValue();
        } else {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new JsonEOFException(p, t, "the list answer ended before its end");
      }
    }
    return new Lines(lines.toByteArray(), count, next, total);
  }

  /** Copies the item the parser is at: its bytes if they make one line, else re-written compactly. */
  private void copy(JsonParser p, JsonGenerator g, byte[] body, ByteArrayOutputStream lines)
      throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    if (!p.currentToken().isStructStart() || start < 0) {
      g.copyCurrentStructure(p);
      g.flush();
      return;
    }
    p.skipChildren();
    int from = (int) start;
    int end = (int) p.currentLocation().getByteOffset();
    boolean oneLine = end > from && end <= body.length;
    for (int i = from; oneLine && i < end; i++) {
      if (body[i] == '\n' || body[i] == '\r') {
        oneLine = false;
      }
    }
    if (oneLine) {
      lines.write(body, from, end - from);
      return;
    }
    // Pretty-printed: parse this item again and write it compactly.
    try (JsonParser again = json.createParser(body, from, end - from)) {
      again.nextToken();
      g.copyCurrentStructure(again);
      g.flush();
    }
  }
}
