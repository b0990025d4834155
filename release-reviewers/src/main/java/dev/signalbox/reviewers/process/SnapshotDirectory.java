package dev.signalbox.reviewers.process;

import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ChangeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A temporary, read-only copy of a change on disk: {@code change.diff} and, under {@code files/},
 * the touched files as they are at head. The reviewer reads it instead of the live repository.
 * Closing it deletes it.
 */
final class SnapshotDirectory implements AutoCloseable {
  static final String DIFF = "change.diff";
  static final String FILES = "files";

  private final Path root;

  private SnapshotDirectory(Path root) {
    this.root = root;
  }

  /** Writes {@code snapshot} into a new directory under {@code parent} and makes it read-only. */
  static SnapshotDirectory write(Path parent, ChangeSnapshot snapshot) throws IOException {
    Files.createDirectories(parent);
    Path root = Files.createTempDirectory(parent, "signalbox-review-");
    SnapshotDirectory directory = new SnapshotDirectory(root);
    try {
      Files.writeString(root.resolve(DIFF), snapshot.diff(), StandardCharsets.UTF_8);
      Path files = Files.createDirectory(root.resolve(FILES));
      for (Map.Entry<RepoPath, Blob> file : snapshot.touchedFilesAtHead().entrySet()) {
        // RepoPath refuses absolute paths and .. segments, so the file stays under files/
        Path target = files.resolve(file.getKey().value());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue().bytes());
      }
      readOnly(root);
      return directory;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The directory. */
  Path root() {
    return root;
  }

  /** The directory holding the touched files. */
  Path files() {
    return root.resolve(FILES);
  }

  @Override
  public void close() {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              setMode(dir, "rwx------");
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the review snapshot " + root, e);
    }
  }

  private static void readOnly(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            setMode(file, "r--r--r--");
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            setMode(dir, "r-xr-xr-x");
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void setMode(Path path, String mode) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (posix != null) {
      posix.setPermissions(PosixFilePermissions.fromString(mode));
    } else {
      boolean writable = mode.charAt(1) == 'w';
      if (!path.toFile().setWritable(writable)) {
        throw new IOException("cannot make " + path + (writable ? " writable" : " read-only"));
      }
    }
  }
}
