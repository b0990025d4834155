package dev.signalbox.core.train;

import static dev.signalbox.core.train.TrainPlannerTest.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PathIndex}: which paths overlap (equal, or a file where the other has a directory above
 * it, in the same repository), renames touching both paths, and ids past the first array.
 */
class PathIndexTest {
  private static final String SHOP = "acme/shop";

  private final PathIndex index = new PathIndex();

  /** Whether {@code second}, placed after {@code first} boarded in group 0, overlaps it. */
  private boolean overlaps(ChangeRequest first, ChangeRequest second) {
    index.clear();
    index.add(index.intern(first), 0);
    int last = index.lastGroup(index.intern(second));
    assertThat(last).isIn(-1, 0);
    return last == 0;
  }

  /** Whether the two changes overlap, whichever is placed first, each time in a fresh index. */
  private static boolean overlapEitherWay(ChangeRequest a, ChangeRequest b) {
    boolean ab = new PathIndexTest().overlaps(a, b);
    boolean ba = new PathIndexTest().overlaps(b, a);
    assertThat(ab).as("symmetric").isEqualTo(ba);
    return ab;
  }

  @Test
  void aFileOverlapsADirectoryAboveItBothWaysRound() {
    ChangeRequest file = change(SHOP, "1", "src/web/App.java").build();
    ChangeRequest directory = change(SHOP, "2", "src/web").build();
    ChangeRequest top = change(SHOP, "3", "src").build();
    assertThat(overlaps(file, directory)).isTrue();
    assertThat(overlaps(directory, file)).isTrue();
    assertThat(overlaps(file, top)).isTrue();
    assertThat(overlaps(top, file)).isTrue();
    // both orders interned in one index: the ids are shared, the groups are forgotten per round
    assertThat(overlapEitherWay(file, directory)).isTrue();
  }

  @Test
  void aPathDoesNotOverlapASiblingThatMerelySharesItsPrefix() {
    ChangeRequest ab = change(SHOP, "1", "a/b").build();
    ChangeRequest abc = change(SHOP, "2", "a/bc").build();
    ChangeRequest abcFile = change(SHOP, "3", "a/bc/d.txt").build();
    assertThat(overlapEitherWay(ab, abc)).isFalse();
    assertThat(overlapEitherWay(ab, abcFile)).isFalse();
    assertThat(overlapEitherWay(abc, abcFile)).isTrue();
  }

  @Test
  void siblingsUnderOneDirectoryDoNotOverlapButTheSameFileDoes() {
    ChangeRequest one = change(SHOP, "1", "src/web/A.java").build();
    ChangeRequest other = change(SHOP, "2", "src/web/B.java").build();
    ChangeRequest again = change(SHOP, "3", "src/web/A.java").build();
    assertThat(overlapEitherWay(one, other)).isFalse();
    assertThat(overlapEitherWay(one, again)).isTrue();
  }

  @Test
  void rootLevelPathsOverlapOnlyWhenEqualOrAbove() {
    ChangeRequest readme = change(SHOP, "1", "README.md").build();
    ChangeRequest readmeAgain = change(SHOP, "2", "README.md").build();
    ChangeRequest license = change(SHOP, "3", "LICENSE").build();
    ChangeRequest underReadme = change(SHOP, "4", "README.md/part.md").build();
    assertThat(overlapEitherWay(readme, readmeAgain)).isTrue();
    assertThat(overlapEitherWay(readme, license)).isFalse();
    assertThat(overlapEitherWay(readme, underReadme)).isTrue();
    assertThat(overlapEitherWay(license, underReadme)).isFalse();
  }

  @Test
  void aRenameTouchesItsOldPathAsWellAsItsNewOne() {
    ChangeRequest rename =
        change(SHOP, "1")
            .changes(
                new ChangeSet(List.of(FileChange.renamed("src/Old.java", "lib/New.java", 1, 1))))
            .build();
    ChangeRequest oldPath = change(SHOP, "2", "src/Old.java").build();
    ChangeRequest newPath = change(SHOP, "3", "lib/New.java").build();
    ChangeRequest oldDirectory = change(SHOP, "4", "src").build();
    ChangeRequest elsewhere = change(SHOP, "5", "src/Other.java").build();
    assertThat(index.intern(rename)).hasSize(2);
    assertThat(overlapEitherWay(rename, oldPath)).isTrue();
    assertThat(overlapEitherWay(rename, newPath)).isTrue();
    assertThat(overlapEitherWay(rename, oldDirectory)).isTrue();
    assertThat(overlapEitherWay(rename, elsewhere)).isFalse();
  }

  @Test
  void theSamePathInTwoRepositoriesDoesNotOverlap() {
    ChangeRequest shop = change(SHOP, "1", "src/web/App.java").build();
    ChangeRequest platform = change("acme/platform", "1", "src/web/App.java").build();
    ChangeRequest platformDirectory = change("acme/platform", "2", "src/web").build();
    assertThat(overlapEitherWay(shop, platform)).isFalse();
    assertThat(overlapEitherWay(shop, platformDirectory)).isFalse();
    index.intern(shop);
    index.intern(platform);
    assertThat(index.find(SHOP, "src/web/App.java"))
        .isNotEqualTo(index.find("acme/platform", "src/web/App.java"));
  }

  @Test
  void findNamesInternedPathsAndTheDirectoriesAboveThem() {
    int[] ids = index.intern(change(SHOP, "1", "a/b/c.txt").build());
    assertThat(index.find(SHOP, "a/b/c.txt")).isEqualTo(ids[0]);
    assertThat(index.find(SHOP, "a/b")).isNotNegative();
    assertThat(index.find(SHOP, "a")).isNotNegative();
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.find(SHOP, "a/b/d.txt")).isEqualTo(-1);
    assertThat(index.find("acme/platform", "a")).isEqualTo(-1);
    // a deeper path under an interned directory adds only its new levels
    index.intern(change(SHOP, "2", "a/b/e/f.txt").build());
    assertThat(index.size()).isEqualTo(5);
  }

  @Test
  void theLastGroupOverlappedIsTheHighestOfAllPaths() {
    ChangeRequest first = change(SHOP, "1", "x/one.txt").build();
    ChangeRequest second = change(SHOP, "2", "y/two.txt").build();
    ChangeRequest both = change(SHOP, "3", "y", "x/one.txt").build();
    ChangeRequest neither = change(SHOP, "4", "z/three.txt").build();
    index.add(index.intern(first), 0);
    index.add(index.intern(second), 4);
    assertThat(index.lastGroup(index.intern(both))).isEqualTo(4);
    assertThat(index.lastGroup(index.intern(neither))).isEqualTo(-1);
    index.clear();
    assertThat(index.lastGroup(index.intern(both))).isEqualTo(-1);
  }

  @Test
  void moreThanTheFirstArrayOfPathsKeepsEveryPathsGroup() {
    // 1,500 files in 50 directories: 1,550 ids, past the 1,024 the slots start with
    List<ChangeRequest> cars = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      cars.add(change(SHOP, "c" + i, "dir" + (i % 50) + "/file" + i + ".txt").build());
    }
    for (int i = 0; i < cars.size(); i++) {
      index.add(index.intern(cars.get(i)), i);
    }
    assertThat(index.size()).isEqualTo(1_550);
    for (int i = 0; i < cars.size(); i++) {
      assertThat(index.lastGroup(index.intern(cars.get(i)))).as("car %s", i).isEqualTo(i);
    }
    // a directory sees the last group below it: dir7 holds files 7, 57, ..., 1457
    assertThat(index.lastGroup(index.intern(change(SHOP, "d", "dir7").build()))).isEqualTo(1_457);
    assertThat(index.size()).isEqualTo(1_550);
  }
}
