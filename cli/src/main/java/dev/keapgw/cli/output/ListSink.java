package dev.keapgw.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Where the items of a list go, one at a time, as they arrive. */
public interface ListSink {
  void add(JsonNode item) throws IOException;

  /** Writes what is left (a table's buffered rows, a JSON array's end) and flushes. */
  void finish() throws IOException;

  /** Items written so far. */
  long count();
}
