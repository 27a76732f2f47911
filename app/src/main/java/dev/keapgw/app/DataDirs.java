package dev.keapgw.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A data directory made and proven writable before a server starts on it, or one line saying why not. */
final class DataDirs {
  private DataDirs() {}

  /** Makes {@code dir} if needed and checks that files can be written in it; else a failure naming {@code option}. */
  static void requireWritable(Path dir, String option) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new CommandFailure("cannot use the data directory " + abs + " (" + option + "): "
          + (e instanceof FileAlreadyExistsException
              ? "it exists and is not a directory"
              : "it cannot be created (" + reason(e) + ")"));
    }
    try {
      Files.delete(Files.createTempFile(abs, ".write-check", ".tmp"));
    } catch (IOException e) {
      throw new CommandFailure("cannot use the data directory " + abs + " (" + option
          + "): it is not writable (" + reason(e) + ")");
    }
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
