package dev.keapgw.gateway.prove;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/** What someone with a copy of the store would see: every cell of every table, and the raw files. */
final class StoreDump {
  private StoreDump() {}

  /** Every non-null cell of every table in the public schema, as {@code table.column=value}. */
  static List<String> cells(Jdbi jdbi) {
    return jdbi.withHandle(h -> {
      List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables"
              + " WHERE LOWER(table_schema) = 'public'")
          .mapTo(String.class)
          .list();
      if (tables.isEmpty()) {
        throw new AssertionError("no tables found in the store");
      }
      List<String> out = new ArrayList<>();
      for (String t : tables) {
        for (Map<String, Object> row :
            h.createQuery("SELECT * FROM \"" + t + "\"").mapToMap().list()) {
          row.forEach((col, v) -> {
            if (v != null) {
              out.add(t + "." + col + "=" + v);
            }
          });
        }
      }
      return out;
    });
  }

  /** The bytes of every file under {@code dir}, one after the other. */
  static byte[] files(Path dir) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        all.write(Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toByteArray();
  }

  static boolean contains(byte[] hay, String needle) {
    return RawHttp.indexOf(hay, 0, needle.getBytes(StandardCharsets.UTF_8)) >= 0;
  }
}
