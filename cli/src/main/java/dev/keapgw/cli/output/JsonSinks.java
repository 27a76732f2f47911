package dev.keapgw.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/** Lists as one pretty JSON array, or as JSON lines. */
final class JsonSinks {
  private JsonSinks() {}

  /** {@code [ {...}, {...} ]}, pretty-printed, written as items come. */
  static ListSink array(ObjectMapper mapper, OutputStream out) throws IOException {
    JsonGenerator g = mapper.getFactory().createGenerator(out).useDefaultPrettyPrinter();
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartArray();
    return new ListSink() {
      private long n;

      @Override
      public void add(JsonNode item) throws IOException {
        mapper.writeTree(g, item);
        n++;
      }

      @Override
      public void finish() throws IOException {
        g.writeEndArray();
        g.writeRaw('\n');
        g.flush();
      }

      @Override
      public long count() {
        return n;
      }
    };
  }

  /** One compact object per line. */
  static ListSink lines(ObjectMapper mapper, OutputStream out) throws IOException {
    JsonGenerator g = mapper.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setRootValueSeparator(null);
    return new ListSink() {
      private long n;

      @Override
      public void add(JsonNode item) throws IOException {
        mapper.writeTree(g, item);
        g.writeRaw('\n');
        n++;
      }

      @Override
      public void finish() throws IOException {
        g.flush();
      }

      @Override
      public long count() {
        return n;
      }
    };
  }
}
