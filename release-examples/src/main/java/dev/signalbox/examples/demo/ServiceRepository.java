package dev.signalbox.examples.demo;

import dev.signalbox.core.model.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.errors.InvalidRefNameException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The service's bare repository, as the agents see it: they commit whole trees onto branches. This
 * is the agents' side of the demo, so it uses JGit directly; Signalbox itself only reads the
 * repository and, when a train departs, writes merge commits and moves {@code main}.
 *
 * <p>Not thread-safe; the demo uses it from one thread.
 */
final class ServiceRepository implements AutoCloseable {
  private final Repository repository;

  private ServiceRepository(Repository repository) {
    this.repository = repository;
  }

  /** A new, empty bare repository in {@code directory}, whose default branch is {@code main}. */
  static ServiceRepository create(Path directory) {
    try {
      Repository repository =
          new FileRepositoryBuilder()
              .setGitDir(directory.toFile())
              .setBare()
              .setInitialBranch("main")
              .build();
      repository.create(true);
      return new ServiceRepository(repository);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the repository in " + directory, e);
    } catch (InvalidRefNameException e) {
      throw new IllegalStateException("JGit refuses the branch name main", e);
    }
  }

  /**
   * Commits {@code edits} onto {@code parent}'s tree (an empty text deletes the path) as {@code
   * author} at {@code when}, and points {@code branch} at the commit.
   */
  Revision commit(
      Revision parent, String branch, Map<String, String> edits, Author author, Instant when) {
    Map<String, String> tree = files(parent);
    edits.forEach(
        (path, text) -> {
          if (text.isEmpty()) {
            tree.remove(path);
          } else {
            tree.put(path, text);
          }
        });
    return write(new ObjectId[] {ObjectId.fromString(parent.commit())}, tree, branch, author, when);
  }

  /** The first commit of {@code files} on {@code branch}. */
  Revision initial(String branch, Map<String, String> files, Author author, Instant when) {
    return write(new ObjectId[0], new TreeMap<>(files), branch, author, when);
  }

  /** Every file of {@code commit}, by path. */
  private Map<String, String> files(Revision commit) {
    Map<String, String> files = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(walk.parseCommit(ObjectId.fromString(commit.commit())).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        byte[] bytes = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes();
        files.put(tree.getPathString(), new String(bytes, StandardCharsets.UTF_8));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + commit.commit(), e);
    }
  }

  private Revision write(
      ObjectId[] parents, Map<String, String> tree, String branch, Author author, Instant when) {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, String> file : tree.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      PersonIdent ident = new PersonIdent(author.name(), author.email(), when, ZoneOffset.UTC);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      commit.setParentIds(parents);
      commit.setAuthor(ident);
      commit.setCommitter(ident);
      commit.setMessage(author.message() + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(id);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW
          && result != RefUpdate.Result.FORCED
          && result != RefUpdate.Result.NO_CHANGE) {
        throw new IllegalStateException(
            "cannot point " + branch + " at " + id.name() + ": " + result);
      }
      return Revision.of(id.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit to " + branch, e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }

  /**
   * Who commits, and the commit's message.
   *
   * @param name the author's name
   * @param email the author's email
   * @param message the commit message
   */
  record Author(String name, String email, String message) {}
}
