package dev.keapgw.sandbox.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only log of row changes, one line each: {@code P tenant table id json} or
 * {@code D tenant table id}, tab-separated. Each change is handed to the operating system
 * before the request that made it is answered, so it survives the sandbox process dying.
 */
public final class FileJournal implements Journal {
  private final Path file;
  private final BufferedWriter out;

  public FileJournal(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      this.file = dataDir.resolve("sandbox-journal.tsv");
      this.out = Files.newBufferedWriter(
          file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the sandbox data directory " + dataDir, e);
    }
  }

  /** Replays every recorded change into {@code world}; returns how many were applied. */
  public long replay(World world) {
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t", 5);
        if (f.length < 4) {
          continue; // a torn last line from a crash
        }
        Table t = world.tenant(f[1]).table(f[2]);
        long id = Long.parseLong(f[3]);
        if (f[0].equals("P") && f.length == 5) {
          t.restore(id, f[4].getBytes(StandardCharsets.UTF_8));
        } else if (f[0].equals("D")) {
          t.forget(id);
        }
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return n;
  }

  @Override
  public synchronized void put(String tenant, String table, long id, byte[] doc) {
    write(
        "P\t" + tenant + "\t" + table + "\t" + id + "\t" + new String(doc, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void remove(String tenant, String table, long id) {
    write("D\t" + tenant + "\t" + table + "\t" + id);
  }

  private void write(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox journal " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
