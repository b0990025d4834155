package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.MergeConflict;
import dev.signalbox.core.spi.MergeStep;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code git merge-tree --write-tree} says of merging two commits: the oracle that merge
 * simulations are held to.
 *
 * @param clean whether git merged cleanly
 * @param tree the tree git wrote (with conflict markers where it conflicted)
 * @param conflicted the paths git reports conflicted
 */
record GitMerge(boolean clean, String tree, Set<String> conflicted) {
  /** Runs git's merge of {@code ours} and {@code theirs} in {@code repository}. */
  static GitMerge of(TestRepository repository, Revision ours, Revision theirs) {
    TestRepository.GitResult result =
        repository.git(
            "merge-tree", "--write-tree", "--name-only", "-z", ours.commit(), theirs.commit());
    if (result.exitCode() > 1) {
      throw new AssertionError("git merge-tree failed: " + result.stderr());
    }
    String[] fields = new String(result.stdout(), StandardCharsets.UTF_8).split("\0", -1);
    Set<String> conflicted = new LinkedHashSet<>();
    for (int i = 1; i < fields.length && !fields[i].isEmpty(); i++) {
      conflicted.add(fields[i]);
    }
    return new GitMerge(result.exitCode() == 0, fields[0], conflicted);
  }

  /**
   * Asserts that {@code step} agrees with git: clean exactly when git is, with git's tree, and
   * conflicting on the paths git names (a file git moved aside as {@code path~side} for a
   * file/directory conflict counts as {@code path}). A conservative conflict (a rename, several
   * merge bases) is the one disagreement allowed; it returns false then.
   *
   * @return whether the step was compared (false for a conservative conflict)
   */
  boolean assertAgreesWith(MergeStep step, String context) {
    if (step instanceof MergeStep.Conflicting conflicting
        && conflicting.conflicts().stream().anyMatch(c -> c.kind().isConservative())) {
      return false;
    }
    assertThat(step.isClean())
        .as("clean, as git says, for %s; git: %s, ours: %s", context, this, step)
        .isEqualTo(clean);
    if (step instanceof MergeStep.Clean ours) {
      assertThat(ours.tree().id()).as("the tree git writes for %s", context).isEqualTo(tree);
    } else {
      Set<String> ours = new LinkedHashSet<>();
      ((MergeStep.Conflicting) step)
          .conflicts().stream().map(MergeConflict::path).forEach(p -> ours.add(p.value()));
      for (String path : conflicted) {
        assertThat(ours.stream().anyMatch(o -> related(path, o)))
            .as("git's conflict at %s is reported for %s; ours: %s", path, context, ours)
            .isTrue();
      }
      for (String path : ours) {
        assertThat(conflicted.stream().anyMatch(g -> related(g, path)))
            .as("our conflict at %s is one git reports for %s; git: %s", path, context, conflicted)
            .isTrue();
      }
    }
    return true;
  }

  private static boolean related(String gitPath, String ourPath) {
    return gitPath.equals(ourPath)
        || gitPath.startsWith(ourPath + "/")
        || ourPath.startsWith(gitPath + "/")
        || gitPath.startsWith(ourPath + "~");
  }
}
