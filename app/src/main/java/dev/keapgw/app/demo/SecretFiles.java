package dev.keapgw.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's small secret files (its generated encryption key and API key) and its data
 * directory: readable by the owner only (0600, the directory 0700) where the file system has
 * POSIX permissions. A file is replaced whole (written beside it, then renamed), so a crash
 * never leaves half a key.
 */
final class SecretFiles {
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  private SecretFiles() {}

  /** Creates the directory (and its parents) when missing; the ones it creates are the owner's only. */
  static void ensureDirectory(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        return;
      }
      if (Files.exists(dir)) {
        throw new IllegalStateException(
            "the demo's data directory " + dir.toAbsolutePath() + " is a file, not a directory");
      }
      if (posix(dir.toAbsolutePath().getRoot())) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the demo's data directory " + dir.toAbsolutePath(), e);
    }
  }

  /** The file's content without surrounding white space, or empty when there is no such file. */
  static Optional<String> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }

  /** Writes {@code content} (and a newline) as the whole file, readable by the owner only. */
  static void write(Path file, String content) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      FileAttribute<?>[] attrs = posix(dir)
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
          : new FileAttribute<?>[0];
      Files.createFile(tmp, attrs);
      Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "cannot write " + file.toAbsolutePath() + ": " + tmp + " is in the way", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
    }
  }

  private static boolean posix(Path p) {
    return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
