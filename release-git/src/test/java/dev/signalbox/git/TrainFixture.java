package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.policy.PolicyDefinition;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.spi.RefUpdate;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import dev.signalbox.core.train.TrainSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * A real repository for the departure tests, with main at a base of three files, and changes
 * branched from it. Commits are written at a fixed time, so the same fixture built twice (in this
 * process or in a child JVM) has the same commits, and the same plan.
 */
final class TrainFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String MAIN = "refs/heads/main";

  final TestRepository repository;
  final GitVersionControl vcs;
  final Map<String, String> baseFiles = new TreeMap<>();
  final Revision base;

  private TrainFixture(TestRepository repository, Path at) {
    this.repository = repository;
    this.vcs = GitVersionControl.builder(at).clock(CLOCK).open();
    baseFiles.put("a.txt", lines("alpha", "omega"));
    baseFiles.put("b.txt", lines("beta", "omega"));
    baseFiles.put("x.txt", lines("x", "omega"));
    base = repository.commitText(List.of(), baseFiles);
  }

  /** A new bare repository at {@code at} with main at the base. */
  static TrainFixture create(Path at) {
    TrainFixture f = new TrainFixture(TestRepository.init(at, true), at);
    assertThat(f.vcs.compareAndSetRef(MAIN, Optional.empty(), f.base)).isEqualTo(RefUpdate.MOVED);
    return f;
  }

  /** The fixture {@link #create} made at {@code at}, opened again: its refs are left as found. */
  static TrainFixture reopen(Path at) {
    return new TrainFixture(TestRepository.open(at), at);
  }

  /** The default policy without the rules that need review evidence or acceptances. */
  static ReleasePolicy lenientPolicy() {
    PolicyDefinition d = ReleasePolicy.defaults().definition();
    return ReleasePolicy.loader()
        .load(
            new PolicyDefinition(
                "lenient",
                Set.of(
                    "review-quorum",
                    "fix-now",
                    "emergency",
                    "error-budget",
                    "acceptance-limits",
                    "evidence-freshness",
                    "separation-of-duties",
                    "approval-age"),
                d.rollback(),
                d.review(),
                d.emergency(),
                d.blastRadiusCaps(),
                d.roles(),
                d.custom()));
  }

  static String lines(String first, String tenth) {
    StringBuilder text = new StringBuilder(first).append('\n');
    for (int i = 2; i < 10; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.append(tenth).append('\n').toString();
  }

  static TrainSpec spec(String id, Revision base) {
    return TrainSpec.of(TrainId.of(id), Scope.everything(), NOW, MAIN, base);
  }

  /** A change from {@code from} setting {@code path} to {@code text}. */
  ChangeRequest change(
      String id,
      Revision from,
      Map<String, String> files,
      String path,
      String text,
      String component,
      int minutesOld) {
    Map<String, String> next = new TreeMap<>(files);
    next.put(path, text);
    Revision head = repository.commitText(List.of(from), next);
    return ChangeRequest.builder(ChangeId.of(id))
        .repository("acme/shop")
        .title("Change " + id)
        .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
        .owner(Human.of("alice", "Alice", "engineer"))
        .revisions(from, head)
        .contentDigest(vcs.contentDigest(from, head))
        .changes(vcs.changes(from, head))
        .blastRadius(BlastRadius.of(BlastLevel.LOW, component))
        .declaredScope(Scope.everything())
        .rollback(RollbackPlan.revert())
        .proposedAt(NOW.minus(Duration.ofMinutes(minutesOld)))
        .build();
  }

  ChangeRequest change(String id, String path, String text, String component, int minutesOld) {
    return change(id, base, baseFiles, path, text, component, minutesOld);
  }

  /** Four changes: two apart, one conflicting with the first, one overlapping it cleanly. */
  List<ChangeRequest> fourChanges() {
    return List.of(
        change("1", "a.txt", lines("ALPHA", "omega"), "web", 60),
        change("2", "b.txt", lines("BETA", "omega"), "web", 50),
        change("3", "a.txt", lines("Alpha!", "omega"), "web", 40),
        change("4", "a.txt", lines("alpha", "OMEGA"), "search", 30));
  }

  /** Train t1 planned from {@code changes} onto the base with the lenient policy. */
  TrainPlan planFour(List<ChangeRequest> changes) {
    TrainPlanner planner = TrainPlanner.create(lenientPolicy(), Optional.of(vcs));
    return planner.plan(spec("t1", base), changes, ReleaseContext.at(NOW));
  }

  /** Every ref of the repository, by name, with the id it points at (symbolic refs resolved). */
  Map<String, String> refs() {
    try {
      Map<String, String> refs = new TreeMap<>();
      for (Ref ref : repository.repository.getRefDatabase().getRefs()) {
        ObjectId id = ref.getObjectId();
        refs.put(ref.getName(), id == null ? "unborn" : id.name());
      }
      return refs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    vcs.close();
    repository.close();
  }
}
