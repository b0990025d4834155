package dev.signalbox.git;

import dev.signalbox.core.model.Revision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real git repository in a folder for tests: commits of whole trees written with JGit (no work
 * tree, no index, no refs), and the git command line run on it as the oracle.
 */
final class TestRepository implements AutoCloseable {
  /** One tree entry to commit: a mode and the content (for a submodule, the commit id as hex). */
  record Entry(FileMode mode, byte[] content) {}

  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Test",
          "test@example.com",
          java.time.Instant.parse("2026-01-01T00:00:00Z"),
          java.time.ZoneOffset.UTC);

  final Path directory;
  final Repository repository;

  private TestRepository(Path directory, Repository repository) {
    this.directory = directory;
    this.repository = repository;
  }

  /** A new repository in {@code directory}: bare, or with a work tree and {@code .git}. */
  static TestRepository init(Path directory, boolean bare) {
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder();
      if (bare) {
        builder.setGitDir(directory.toFile()).setBare();
      } else {
        builder.setWorkTree(directory.toFile());
      }
      Repository repository = builder.build();
      repository.create(bare);
      return new TestRepository(directory, repository);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository {@link #init} made in {@code directory}, opened again. */
  static TestRepository open(Path directory) {
    try {
      Repository repository =
          new FileRepositoryBuilder()
              .setGitDir(directory.toFile())
              .setBare()
              .setMustExist(true)
              .build();
      return new TestRepository(directory, repository);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Entry file(String text) {
    return new Entry(FileMode.REGULAR_FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  static Entry bytes(byte[] content) {
    return new Entry(FileMode.REGULAR_FILE, content.clone());
  }

  static Entry executable(String text) {
    return new Entry(FileMode.EXECUTABLE_FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  static Entry symlink(String target) {
    return new Entry(FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8));
  }

  static Entry submodule(String commit) {
    return new Entry(FileMode.GITLINK, commit.getBytes(StandardCharsets.US_ASCII));
  }

  /** Commits regular text files. */
  Revision commitText(List<Revision> parents, Map<String, String> files) {
    Map<String, Entry> entries = new TreeMap<>();
    files.forEach((path, text) -> entries.put(path, file(text)));
    return commit(parents, entries);
  }

  /** Commits exactly {@code files}, with {@code parents}; moves no ref. */
  Revision commit(List<Revision> parents, Map<String, Entry> files) {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, Entry> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(file.getValue().mode());
        entry.setObjectId(
            file.getValue().mode() == FileMode.GITLINK
                ? ObjectId.fromString(
                    new String(file.getValue().content(), StandardCharsets.US_ASCII))
                : inserter.insert(Constants.OBJ_BLOB, file.getValue().content()));
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      List<ObjectId> parentIds = new ArrayList<>();
      parents.forEach(parent -> parentIds.add(ObjectId.fromString(parent.commit())));
      commit.setParentIds(parentIds);
      commit.setAuthor(AUTHOR);
      commit.setCommitter(AUTHOR);
      commit.setMessage("test commit\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return Revision.of(id.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of running git: exit code and output. */
  record GitResult(int exitCode, byte[] stdout, String stderr) {
    String text() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code git args...} in this repository, with no user or system configuration. */
  GitResult git(byte[] stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("--git-dir=" + repository.getDirectory());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    env.put("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z");
    env.put("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z");
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      process.getOutputStream().write(stdin);
      process.getOutputStream().close();
      int code = process.waitFor();
      return new GitResult(code, out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  GitResult git(String... args) {
    return git(new byte[0], args);
  }

  /** Runs git and returns its output, failing unless it exits with 0. */
  String gitOk(String... args) {
    GitResult result = git(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + result.stderr());
    }
    return result.text();
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
