package dev.signalbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeSet#touchedPaths()} lists each path at head and each old path once, where it first
 * appears in file order — the order a {@link LinkedHashSet} fed file by file would give — also when
 * an old path is a path at head of an earlier or a later file.
 */
class TouchedPathsTest {
  @Test
  void withoutRenamesThePathsAtHeadInOrder() {
    ChangeSet set =
        ChangeSet.of(
            FileChange.modified("b/y.java", 1, 1),
            FileChange.added("a/x.java", 3),
            FileChange.modified("c.md", 1, 0));
    assertThat(set.touchedPaths())
        .containsExactly(RepoPath.of("a/x.java"), RepoPath.of("b/y.java"), RepoPath.of("c.md"));
  }

  @Test
  void oldPathsEachOnceWhereTheyFirstAppear() {
    List<ChangeSet> sets =
        List.of(
            // the old path of a is the path at head of a later file
            ChangeSet.of(
                FileChange.renamed("z.txt", "a.txt", 1, 0),
                FileChange.added("z.txt", 2),
                FileChange.modified("m.txt", 1, 1)),
            // the old path of m is the path at head of an earlier file
            ChangeSet.of(FileChange.added("a.txt", 2), FileChange.renamed("a.txt", "m.txt", 1, 0)),
            // two files renamed from one old path, and a plain file between them
            ChangeSet.of(
                FileChange.renamed("old.txt", "b.txt", 0, 0),
                FileChange.modified("c.txt", 1, 1),
                FileChange.renamed("old.txt", "d.txt", 0, 0)));
    for (ChangeSet set : sets) {
      assertThat(set.touchedPaths()).containsExactlyElementsOf(fileByFile(set));
    }
  }

  private static Set<RepoPath> fileByFile(ChangeSet set) {
    Set<RepoPath> touched = new LinkedHashSet<>();
    for (FileChange file : set.files()) {
      touched.add(file.path());
      file.oldPath().ifPresent(touched::add);
    }
    return touched;
  }
}
