package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for a person. The first rows are held back to size the columns; after that
 * rows stream out at those widths (longer values are cut with an ellipsis), so a table of a
 * million rows does not wait for, or hold, the million.
 */
final class TableSink implements ListSink {
  static final int MAX_WIDTH = 48;
  private static final int SIZING_ROWS = 200;

  private final Writer out;
  private List<Column> columns;
  private final List<List<String>> held = new ArrayList<>();
  private int[] widths;
  private long n;

  TableSink(OutputStream out, List<Column> columns) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.columns = columns;
  }

  @Override
  public void add(JsonNode item) throws IOException {
    if (columns == null || columns.isEmpty()) {
      columns = scalarFields(item);
    }
    List<String> row = new ArrayList<>(columns.size());
    for (Column c : columns) {
      row.add(oneLine(Cells.text(c.in(item))));
    }
    n++;
    if (widths == null) {
      held.add(row);
      if (held.size() >= SIZING_ROWS) {
        release();
      }
    } else {
      writeRow(row);
    }
  }

  @Override
  public void finish() throws IOException {
    if (widths == null) {
      release();
    }
    out.flush();
  }

  @Override
  public long count() {
    return n;
  }

  private void release() throws IOException {
    if (columns == null) {
      return;
    }
    widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.min(MAX_WIDTH, columns.get(i).header().length());
      for (List<String> row : held) {
        widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], row.get(i).length()));
      }
    }
    writeRow(columns.stream().map(c -> c.header().toUpperCase(Locale.ROOT)).toList());
    for (List<String> row : held) {
      writeRow(row);
    }
    held.clear();
  }

  private void writeRow(List<String> row) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String cell = fit(row.get(i), widths[i]);
      b.append(cell);
      if (i < row.size() - 1) {
        b.append(" ".repeat(widths[i] - cell.length() + 2));
      }
    }
    out.write(b.toString().stripTrailing());
    out.write('\n');
  }

  static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
  }

  static String oneLine(String s) {
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replaceAll("\\s*\\R\\s*", " ");
  }

  /** Columns for an item of unknown shape: its scalar fields, at most eight. */
  private static List<Column> scalarFields(JsonNode item) {
    List<Column> out = new ArrayList<>();
    item.properties().forEach(e -> {
      if (out.size() < 8 && e.getValue().isValueNode()) {
        out.add(Column.of(e.getKey(), e.getKey()));
      }
    });
    return out;
  }
}
