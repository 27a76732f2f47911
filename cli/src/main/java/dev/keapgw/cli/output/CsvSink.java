package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV (RFC 4180 quoting, {@code \n} line ends) with a header line. The columns are the ones
 * given, else the fields of the first item: a later item's extra fields are left out, since the
 * header is already written when it arrives. Nested values are written as compact JSON.
 */
final class CsvSink implements ListSink {
  private final Writer out;
  private List<Column> columns;
  private long n;

  CsvSink(OutputStream out, List<Column> columns) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.columns = columns;
  }

  @Override
  public void add(JsonNode item) throws IOException {
    if (n == 0) {
      if (columns == null || columns.isEmpty()) {
        columns = new ArrayList<>();
        item.fieldNames().forEachRemaining(f -> columns.add(Column.of(f, f)));
      }
      writeRow(columns.stream().map(Column::header).toList());
    }
    List<String> cells = new ArrayList<>(columns.size());
    for (Column c : columns) {
      cells.add(Cells.text(c.in(item)));
    }
    writeRow(cells);
    n++;
  }

  @Override
  public void finish() throws IOException {
    if (n == 0 && columns != null && !columns.isEmpty()) {
      writeRow(columns.stream().map(Column::header).toList());
    }
    out.flush();
  }

  @Override
  public long count() {
    return n;
  }

  private void writeRow(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write('\n');
  }

  static String quote(String s) {
    boolean needs =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
