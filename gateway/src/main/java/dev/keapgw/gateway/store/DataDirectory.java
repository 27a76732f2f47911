package dev.keapgw.gateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded store's directory is the owner's only, whatever the umask: created {@code 0700},
 * and the store's files in it set to {@code 0600} when the store opens and after each
 * compaction. On a file system without POSIX permissions nothing is changed.
 */
public final class DataDirectory {
  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /** Creates the directory (and missing parents) readable by the owner only; an existing one is left as it is. */
  public static void prepare(Path dir) {
    try {
      create(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
    }
  }

  /** Creates the directory (and missing parents) {@code 0700} where permissions exist; an existing one is left as it is. */
  static void create(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir.toAbsolutePath().getRoot())) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Makes the store's files ({@code gateway.*}) in the directory readable and writable by the owner only. */
  public static void restrictFiles(Path dir) {
    if (!Files.isDirectory(dir) || !posix(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "gateway.*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
          Files.setPosixFilePermissions(f, OWNER_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot restrict the store's files in " + dir.toAbsolutePath(), e);
    }
  }

  private static boolean posix(Path p) {
    return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
