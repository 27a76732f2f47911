package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes data to stdout in one format: lists item by item through a {@link ListSink}, single
 * objects whole. In JSON a single object is printed as itself (not wrapped).
 */
public final class Output {
  private final OutputStream out;
  private final OutputFormat format;
  private final ObjectMapper mapper;

  public Output(OutputStream out, OutputFormat format, ObjectMapper mapper) {
    this.out = out;
    this.format = format;
    this.mapper = mapper;
  }

  public OutputFormat format() {
    return format;
  }

  /** A sink for a list; {@code columns} for table and CSV (null: from the items). */
  public ListSink list(List<Column> columns) throws IOException {
    return switch (format) {
      case JSON -> JsonSinks.array(mapper, out);
      case JSONL -> JsonSinks.lines(mapper, out);
      case CSV -> new CsvSink(out, columns);
      case TABLE -> new TableSink(out, columns);
    };
  }

  /** One object: JSON as itself, JSON lines as one line, CSV as a header and a row, a table as field and value. */
  public void object(JsonNode node, List<Column> columns) throws IOException {
    switch (format) {
      case JSON -> {
        mapper.writerWithDefaultPrettyPrinter().writeValue(nonClosing(), node);
        out.write('\n');
      }
      case JSONL -> {
        mapper.writeValue(nonClosing(), node);
        out.write('\n');
      }
      case CSV -> {
        ListSink s = new CsvSink(out, columns);
        s.add(node);
        s.finish();
      }
      case TABLE -> fieldsTable(node);
    }
    out.flush();
  }

  private void fieldsTable(JsonNode node) throws IOException {
    if (!node.isObject()) {
      out.write((Cells.text(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    ListSink s =
        new TableSink(out, List.of(Column.of("field", "field"), Column.of("value", "value")));
    for (var e : node.properties()) {
      s.add(mapper
          .createObjectNode()
          .put("field", e.getKey())
          .put("value", Cells.text(e.getValue())));
    }
    s.finish();
  }

  private OutputStream nonClosing() {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
