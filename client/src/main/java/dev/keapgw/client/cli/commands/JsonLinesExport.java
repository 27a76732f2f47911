package dev.keapgw.client.cli.commands;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.keapgw.client.cli.Session;
import dev.keapgw.client.cli.output.Progress;
import dev.keapgw.client.list.ListQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The fast way to JSON lines: each item is copied token by token from the answer to its line,
 * with no tree of it in between. A page's lines are collected first and written once the page
 * has fully arrived, so a page retried after a broken answer is never written twice. Memory is
 * one page of bytes.
 */
final class JsonLinesExport {
  /** One page as lines. */
  private record Lines(byte[] bytes, long count, String next, Long total) {}

  private final Session s;
  private final JsonFactory json;

  JsonLinesExport(Session s) {
    this.s = s;
    this.json = s.mapper().getFactory();
  }

  /** Writes every item of every page (one page without {@code all}); returns the next token left, if any. */
  String run(String path, String itemsKey, ListQuery query, String firstToken, boolean all, Progress progress,
      OutputStream out) throws IOException {
    String token = firstToken;
    long n = 0;
    while (true) {
      String current = token;
      Lines page = s.api().execute("GET", path, query.toParams(current), null, (st, h, in) -> read(in, itemsKey));
      out.write(page.bytes());
      n += page.count();
      progress.total(page.total());
      progress.update(n);
      token = page.next();
      if (!all || token == null || token.isEmpty() || token.equals(current)) {
        progress.done(n);
        return token;
      }
    }
  }

  private Lines read(InputStream in, String itemsKey) throws IOException {
    ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 20);
    long count = 0;
    String next = "";
    Long total = null;
    try (JsonParser p = json.createParser(in); JsonGenerator g = json.createGenerator(lines)) {
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
              throw new JsonEOFException(p, null, "the list answer ended inside '" + itemsKey + "'");
            }
            g.copyCurrentStructure(p);
            g.flush();
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
}
