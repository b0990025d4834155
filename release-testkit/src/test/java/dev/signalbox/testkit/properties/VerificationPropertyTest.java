package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.ChangeKind;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.verification.ClaimMismatch;
import dev.signalbox.core.verification.ClaimsReport;
import dev.signalbox.core.verification.MismatchKind;
import dev.signalbox.core.verification.Supersession;
import dev.signalbox.testkit.generators.ModelGenerators;
import dev.signalbox.testkit.generators.PolicyScenarios;
import dev.signalbox.testkit.generators.PolicyScenarios.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants of pre-release verification: a stale check never satisfies a required check, claims
 * verification is exact, and superseding a revision never lets an old check count, nor an old
 * verdict whose digest differs.
 */
class VerificationPropertyTest {
  private static final int EXAMPLES = 200;
  private static final ReleasePolicy POLICY =
      ReleasePolicy.loader()
          .load(
              """
              formatVersion: 1
              name: verified
              rollback:
                irreversible: [SCHEMA_MIGRATION]
                forIrreversible: [MIGRATION_DOWN, FORWARD_FIX, FEATURE_FLAG, MANUAL]
              review:
                always: [CODE_QUALITY]
                bySensitiveKind:
                  SECURITY: [SECURITY]
                  SCHEMA_MIGRATION: [DATA]
                  DEPENDENCIES: [DEPENDENCIES, SECURITY]
                  CONFIG: [OPERATIONS]
                securityFixes: [SECURITY]
                quorum: {LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: 2}
                distinctFamilies: {LOW: 1, MEDIUM: 1, HIGH: 2, CRITICAL: 2}
                riskyAbove: 0.2
                sameOperator: false
                overrideRoles: [release-manager]
              emergency:
                acceptanceRoles: [release-manager]
                postReview: P2D
              blastRadiusCaps: {STANDARD: LOW, NORMAL: HIGH}
              roles:
                release-manager: {maxProbability: 0.1, maxBlastRadius: CRITICAL}
              requiredChecks: [build]
              """);

  // a stale check never satisfies a required check

  @Test
  void aStaleCheckNeverSatisfiesARequiredCheck() {
    Examples.per(EXAMPLES)
        .forAll(
            PolicyScenarios.complete(POLICY),
            listsOf(staleBuildRuns(), 1, 4),
            Generate.enumValues(CheckConclusion.class))
        .checkAssert(
            (scenario, stale, other) -> {
              ChangeRequest change = scenario.change();
              List<CheckRun> runs = new ArrayList<>();
              for (CheckRun run : stale) {
                runs.add(onAnotherCommit(run, change.head()));
              }
              // a fresh run of another check, whatever its conclusion, is no run of build
              runs.add(run("lint", other, change.head()));
              Decision decision = decide(scenario, runs);
              assertThat(decision.outcome()).isNotEqualTo(Outcome.SHIP);
              assertThat(decision.reasons())
                  .anySatisfy(
                      reason -> {
                        assertThat(reason.rule()).isEqualTo("required-checks");
                        assertThat(reason.message()).contains("stale and count");
                      });
              // and the stale runs change nothing beside a fresh passing run
              List<CheckRun> withFresh = new ArrayList<>(runs);
              withFresh.add(run("build", CheckConclusion.SUCCESS, change.head()));
              assertThat(decide(scenario, withFresh).outcome()).isEqualTo(Outcome.SHIP);
            });
  }

  // claims verification is exact

  @Test
  void claimsEqualToRealityHoldAndEachMismatchIsReportedOnce() {
    Examples.per(EXAMPLES)
        .forAll(
            ModelGenerators.changeRequests(),
            Generate.range(0, 1 << 20),
            listsOf(ModelGenerators.repoPaths(), 0, 3),
            listsOf(ModelGenerators.repoPaths(), 0, 3))
        .checkAssert(
            (generated, mask, extraWritten, extraDeleted) -> {
              Set<RepoPath> written = new TreeSet<>();
              Set<RepoPath> deleted = new TreeSet<>();
              for (FileChange file : generated.changes().files()) {
                (file.kind() == ChangeKind.DELETED ? deleted : written).add(file.path());
                if (file.kind() == ChangeKind.RENAMED) {
                  deleted.add(file.oldPath().orElseThrow());
                }
              }
              Set<RepoPath> touched = new TreeSet<>(written);
              touched.addAll(deleted);
              // reality as claims: nothing to report (one claimed command, so that claims are made)
              Claims exact =
                  new Claims(
                      new TreeSet<>(written),
                      onlyDeleted(written, deleted),
                      Set.of(),
                      Set.of(),
                      List.of("make"));
              ChangeRequest honest = generated.toBuilder().claims(exact).build();
              assertThat(ClaimsReport.verify(honest, List.of()).mismatches()).isEmpty();

              // drop some true claims, add some false ones: exactly those are reported, once each
              Set<ClaimMismatch> expected = new HashSet<>();
              Set<RepoPath> claimedWritten = new TreeSet<>(exact.filesWritten());
              Set<RepoPath> claimedDeleted = new TreeSet<>(exact.filesDeleted());
              int bit = 0;
              for (RepoPath path : touched) {
                if (((mask >> (bit++ % 20)) & 1) == 1) {
                  claimedWritten.remove(path);
                  claimedDeleted.remove(path);
                  boolean inScope = generated.declaredScope().covers(path);
                  expected.add(
                      new ClaimMismatch(
                          inScope
                              ? MismatchKind.UNCLAIMED_FILE
                              : MismatchKind.UNCLAIMED_FILE_OUTSIDE_SCOPE,
                          path.value(),
                          (written.contains(path)
                                  ? "the change writes it"
                                  : "the change deletes it")
                              + (inScope ? "" : ", outside its declared scope")));
                }
              }
              for (RepoPath path : extraWritten) {
                if (!touched.contains(path)) {
                  claimedWritten.add(path);
                  expected.add(
                      new ClaimMismatch(
                          MismatchKind.CLAIMED_FILE_ABSENT,
                          path.value(),
                          "the change does not write it"));
                }
              }
              for (RepoPath path : extraDeleted) {
                if (!touched.contains(path) && !claimedWritten.contains(path)) {
                  claimedDeleted.add(path);
                  expected.add(
                      new ClaimMismatch(
                          MismatchKind.CLAIMED_DELETION_ABSENT,
                          path.value(),
                          "the change does not delete it"));
                }
              }
              ChangeRequest changed =
                  generated.toBuilder()
                      .claims(
                          new Claims(
                              claimedWritten, claimedDeleted, Set.of(), Set.of(), List.of("make")))
                      .build();
              List<ClaimMismatch> reported = ClaimsReport.verify(changed, List.of()).mismatches();
              assertThat(reported).doesNotHaveDuplicates();
              assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
            });
  }

  @Test
  void claimedTestsCountOnlyWhenAFreshCheckRanThem() {
    Examples.per(EXAMPLES)
        .forAll(
            ModelGenerators.changeRequests(),
            listsOf(testNames(), 1, 4),
            ModelGenerators.revisions())
        .checkAssert(
            (generated, tests, other) -> {
              Claims claims =
                  new Claims(
                      Set.of(), Set.of(), Set.of(), new LinkedHashSet<>(tests), List.of("make"));
              ChangeRequest change =
                  generated.toBuilder().changes(ChangeSet.empty()).claims(claims).build();
              Revision stale = other.equals(change.head()) ? flip(other) : other;
              CheckRun onHead = testsRun(change.head(), Set.copyOf(tests));
              CheckRun elsewhere = testsRun(stale, Set.copyOf(tests));
              assertThat(ClaimsReport.verify(change, List.of(onHead)).mismatches()).isEmpty();
              assertThat(ClaimsReport.verify(change, List.of(elsewhere)).mismatches())
                  .extracting(ClaimMismatch::kind, ClaimMismatch::subject)
                  .containsExactlyInAnyOrderElementsOf(
                      new TreeSet<>(tests)
                          .stream()
                              .map(
                                  t ->
                                      org.assertj.core.groups.Tuple.tuple(
                                          MismatchKind.CLAIMED_TEST_NOT_RUN, t))
                              .toList());
            });
  }

  // superseding a revision never lets an old check count, nor an old verdict whose digest differs

  @Test
  void aSupersededRevisionsChecksAndVerdictsDoNotCountForTheNewOne() {
    Examples.per(EXAMPLES)
        .forAll(
            PolicyScenarios.complete(POLICY),
            ModelGenerators.revisions(),
            ModelGenerators.contentDigests(),
            Generate.booleans())
        .checkAssert(
            (scenario, newHead, newDigest, rebase) -> {
              ChangeRequest old = scenario.change();
              Revision head =
                  newHead.equals(old.head()) || newHead.equals(old.base())
                      ? Revision.of("e".repeat(40))
                      : newHead;
              ContentDigest digest =
                  rebase ? old.contentDigest() : differentFrom(newDigest, old.contentDigest());
              ChangeRequest next =
                  old.toBuilder().revisions(old.base(), head).contentDigest(digest).build();
              Supersession supersession = Supersession.of(old, next);
              assertThat(supersession.trivialRebase()).isEqualTo(rebase);

              // the old revision shipped with its own passing check
              List<CheckRun> oldRuns = List.of(run("build", CheckConclusion.SUCCESS, old.head()));
              assertThat(decide(scenario, oldRuns).outcome()).isEqualTo(Outcome.SHIP);

              // the new one, with all the old evidence: the old check never counts
              Scenario redispatched = new Scenario(next, scenario.context());
              Decision withOld = decide(redispatched, oldRuns);
              assertThat(withOld.outcome()).isNotEqualTo(Outcome.SHIP);
              assertThat(withOld.reasons()).anyMatch(r -> r.rule().equals("required-checks"));

              // a fresh passing check: ships on a trivial rebase only, old verdicts naming other
              // content count for nothing
              List<CheckRun> fresh = new ArrayList<>(oldRuns);
              fresh.add(run("build", CheckConclusion.SUCCESS, head));
              Decision withFresh = decide(redispatched, fresh);
              if (rebase) {
                assertThat(withFresh.outcome()).isEqualTo(Outcome.SHIP);
              } else {
                assertThat(withFresh.outcome()).isNotEqualTo(Outcome.SHIP);
                assertThat(withFresh.reasons())
                    .anyMatch(
                        r ->
                            r.rule().equals("evidence-freshness") && r.message().contains("stale"));
              }
            });
  }

  private static Decision decide(Scenario scenario, List<CheckRun> runs) {
    Evidence evidence =
        scenario
            .context()
            .evidence()
            .and(Evidence.of(List.of(), List.of(), List.of(), runs, List.of()));
    ReleaseContext context = scenario.context().withEvidence(evidence);
    return POLICY.decide(scenario.change(), context);
  }

  private static Set<RepoPath> onlyDeleted(Set<RepoPath> written, Set<RepoPath> deleted) {
    // a path both written and deleted (a rename onto a deleted path) is claimed written
    Set<RepoPath> only = new TreeSet<>(deleted);
    only.removeAll(written);
    return only;
  }

  private static Gen<CheckRun> staleBuildRuns() {
    return ModelGenerators.checkRuns()
        .map(
            run ->
                new CheckRun(
                    "build",
                    run.conclusion(),
                    run.commit(),
                    run.completedAt(),
                    run.link(),
                    run.tests()));
  }

  private static Gen<String> testNames() {
    return Generate.pick(
        List.of(
            "CartTest",
            "com.acme.cart.PriceTest",
            "com.acme.cart.PriceTest#rounds",
            "tests/test_api.py::test_total",
            "LoginIT"));
  }

  private static <T> Gen<List<T>> listsOf(Gen<T> values, int min, int max) {
    return in -> {
      int size = Generate.range(min, max).generate(in);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(values.generate(in));
      }
      return list;
    };
  }

  private static CheckRun onAnotherCommit(CheckRun run, Revision head) {
    Revision commit = run.commit().equals(head) ? flip(head) : run.commit();
    return new CheckRun(
        run.name(), run.conclusion(), commit, run.completedAt(), run.link(), run.tests());
  }

  private static CheckRun run(String name, CheckConclusion conclusion, Revision commit) {
    return new CheckRun(
        name,
        conclusion,
        commit,
        PolicyScenarios.NOW.minus(Duration.ofMinutes(5)),
        Optional.empty(),
        Optional.empty());
  }

  private static CheckRun testsRun(Revision commit, Set<String> tests) {
    return new CheckRun(
        "build",
        CheckConclusion.SUCCESS,
        commit,
        PolicyScenarios.NOW.minus(Duration.ofMinutes(5)),
        Optional.empty(),
        Optional.of(tests));
  }

  private static Revision flip(Revision revision) {
    String commit = revision.commit();
    char last = commit.charAt(commit.length() - 1);
    return Revision.of(commit.substring(0, commit.length() - 1) + (last == '0' ? '1' : '0'));
  }

  private static ContentDigest differentFrom(ContentDigest digest, ContentDigest old) {
    if (!digest.equals(old)) {
      return digest;
    }
    String value = digest.value();
    char last = value.charAt(value.length() - 1);
    return ContentDigest.of(value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0'));
  }
}
