package dev.signalbox.core.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FeatureContribution;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.trust.TrustedValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The request for change renders as the golden files under {@code src/test/resources} say, with
 * tricky content escaped, and its JSON reads back.
 */
class RequestForChangeTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String RIGHT_TO_LEFT_OVERRIDE = String.valueOf((char) 0x202E);
  private static final Revision BASE = Revision.of("a".repeat(40));
  private static final Revision HEAD = Revision.of("b".repeat(40));
  private static final Revision OLD_HEAD = Revision.of("d".repeat(40));
  private static final ContentDigest DIGEST = ContentDigest.of("c".repeat(64));
  private static final ReleasePolicy POLICY =
      ReleasePolicy.loader()
          .load(
              defaultPolicyText()
                  .replace("requiredChecks: []", "requiredChecks: [build, \"lint | style\"]"));

  @Test
  void aTrickyChangeRendersAsTheGoldenMarkdown() throws IOException {
    Goldens.assertGolden("tricky-rfc.md", tricky().markdown());
  }

  @Test
  void aTrickyChangeWritesTheGoldenJson() throws IOException {
    Goldens.assertGolden("tricky-rfc.json", tricky().json());
  }

  @Test
  void aBareChangeRendersAsTheGoldenMarkdown() throws IOException {
    ChangeRequest change =
        ChangeRequest.builder(ChangeId.of("7"))
            .repository("acme/shop")
            .title("Tidy the README")
            .producer(new Agent("builder-1", "claude-sonnet", "claude", "op-alice"))
            .owner(Human.of("alice", "Alice", "engineer"))
            .revisions(BASE, HEAD)
            .contentDigest(DIGEST)
            .changes(ChangeSet.of(FileChange.modified("docs/README.md", 1, 1)))
            .blastRadius(BlastRadius.of(BlastLevel.LOW))
            .declaredScope(Scope.everything())
            .proposedAt(NOW)
            .build();
    ReleaseContext context = ReleaseContext.at(NOW);
    Decision decision = ReleasePolicy.defaults().decide(change, context);
    RequestForChange rfc =
        RequestForChange.of(
            change, ReleasePolicy.defaults(), context, decision, RevertCheck.notChecked());
    Goldens.assertGolden("bare-rfc.md", rfc.markdown());
  }

  @Test
  void theJsonReadsBack() {
    RequestForChange rfc = tricky();
    assertThat(DocumentCodec.json().read(rfc.json(), RequestForChange.class)).isEqualTo(rfc);
  }

  @Test
  void nothingAnAgentWritesMakesMarkdownStructure() {
    String markdown = tricky().markdown();
    assertThat(markdown)
        .doesNotContain(" <img")
        .doesNotContain("urgent](")
        .doesNotContain("[urgent](")
        .doesNotContain("*cart*")
        .contains("\\*cart\\*")
        .contains("\\<img src=x onerror=alert(1)\\>")
        .contains("src/cart/\\*star\\*\\_under\\[1\\].java")
        .contains("src/cart/a\\|b.java")
        .doesNotContain(RIGHT_TO_LEFT_OVERRIDE)
        .doesNotContain("\t")
        .contains("Reads backwards: \\u202Etxt.exe\\u0009and a tab.");
    // every heading is one of the document's own
    assertThat(markdown.lines().filter(line -> line.startsWith("#")))
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "# RFC: .*|## (What and why|Blast radius|Risk|Rollback plan|Approvals|Checks"
                            + "|Claims vs reality|Decision)"));
    // every table row has as many cells as its header
    assertThat(markdown.lines().filter(line -> line.startsWith("| Check ")).findFirst())
        .hasValueSatisfying(header -> assertThat(cells(header)).isEqualTo(4));
    assertThat(markdown.lines().filter(line -> line.startsWith("| lint ")))
        .allSatisfy(row -> assertThat(cells(row)).isEqualTo(4));
  }

  @Test
  void aDecisionOnAnotherRevisionIsRefused() {
    RequestForChange rfc = tricky();
    Decision other = Decision.ship(rfc.change().ref(), OLD_HEAD, List.of(), POLICY.digest());
    assertThatThrownBy(
            () ->
                new RequestForChange(
                    rfc.change(),
                    rfc.acceptances(),
                    rfc.revertCheck(),
                    rfc.approvals(),
                    rfc.checks(),
                    rfc.claims(),
                    other))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("decision must be about the change's head revision");
  }

  /** Cells of a table row: pipes not escaped by a backslash, less one. */
  private static int cells(String row) {
    int pipes = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
        pipes++;
      }
    }
    return pipes - 1;
  }

  private static RequestForChange tricky() {
    Agent producer = new Agent("builder_1", "claude-sonnet", "claude", "op-alice");
    Claims claims =
        new Claims(
            new LinkedHashSet<>(
                List.of(
                    RepoPath.of("src/cart/*star*_under[1].java"),
                    RepoPath.of("src/cart/Ghost.java"))),
            Set.of(),
            Set.of("com.acme.cart.CartTest"),
            Set.of("CartTest"),
            List.of("mvn -q test", "echo `date` | tee log"));
    ChangeRequest change =
        ChangeRequest.builder(ChangeId.of("42"))
            .repository("acme/shop")
            .title(
                "Fix *cart* totals_v2 [urgent](javascript:alert(1)) <img src=x onerror=alert(1)> | # 1.")
            .summary(
                "Totals were off by one cent.\n# Not a heading\n- not a list\n1. not a list either\n"
                    + "    not code\n> not a quote\n===\nSee <b>bold</b> & `code` & $x$.\n"
                    + "Reads backwards: "
                    + RIGHT_TO_LEFT_OVERRIDE
                    + "txt.exe\tand a tab.")
            .producer(producer)
            .owner(Human.of("alice", "Alice <alice@example.com>", "engineer"))
            .revisions(BASE, HEAD)
            .contentDigest(DIGEST)
            .changes(
                ChangeSet.of(
                    FileChange.modified("src/cart/*star*_under[1].java", 5, 2),
                    FileChange.added("src/test/java/com/acme/cart/CartTest.java", 40),
                    FileChange.renamed("src/cart/Old.java", "src/cart/a|b.java", 0, 0),
                    FileChange.added("db/V42__cart_totals.sql", 12)))
            .blastRadius(
                new BlastRadius(
                    BlastLevel.MEDIUM,
                    Set.of("cart"),
                    Set.of("@acme/cart-team"),
                    Set.of(SensitiveKind.SCHEMA_MIGRATION)))
            .declaredScope(Scope.ofPaths("src/**", "db/**"))
            .rollback(RollbackPlan.of(RollbackKind.MIGRATION_DOWN, "run **V42** down", "redeploy"))
            .risk(
                new ChangeRisk(
                    0.043,
                    71,
                    -3.0,
                    -3.1,
                    List.of(new FeatureContribution("lines", 0.2, 0.1)),
                    "signalbox-risk",
                    "1.0"))
            .spec(URI.create("https://example.com/specs/cart_(v2)#totals"))
            .claims(claims)
            .proposedAt(NOW.minus(Duration.ofHours(3)))
            .build();
    Human rita = Human.of("rita", "Rita", "release-manager");
    RiskAcceptance acceptance =
        new RiskAcceptance(
            change.ref(),
            DIGEST,
            POLICY.digest(),
            "totals *rounded* wrong for | some currencies",
            0.05,
            "only JPY is affected_",
            "roll back with V42 down",
            "rita",
            NOW.minus(Duration.ofHours(1)),
            NOW.plus(Duration.ofDays(2)));
    Verdict approve =
        new Verdict(
            change.ref(),
            new Agent("critic_1", "gpt-5", "gpt", "op-review"),
            RiskSurface.CODE_QUALITY,
            VerdictOutcome.APPROVE,
            Optional.empty(),
            List.of(),
            DIGEST,
            NOW.minus(Duration.ofMinutes(30)));
    List<CheckRun> runs =
        List.of(
            new CheckRun(
                "build",
                CheckConclusion.SUCCESS,
                HEAD,
                NOW.minus(Duration.ofMinutes(20)),
                Optional.of(URI.create("https://ci.example/runs/1?a=(b)")),
                Optional.of(Set.of("com.acme.cart.CartTest#totals"))),
            new CheckRun(
                "lint | style",
                CheckConclusion.FAILURE,
                OLD_HEAD,
                NOW.minus(Duration.ofHours(2)),
                Optional.empty(),
                Optional.empty()));
    ReleaseContext context =
        ReleaseContext.at(NOW)
            .withEvidence(
                Evidence.of(
                    List.of(TrustedValues.fromBoard(approve)),
                    List.of(TrustedValues.acceptance(acceptance, rita, "key-rita")),
                    List.of(),
                    runs,
                    List.of()));
    Decision decision = POLICY.decide(change, context);
    return RequestForChange.of(change, POLICY, context, decision, RevertCheck.clean());
  }

  private static String defaultPolicyText() {
    try (InputStream in =
        Objects.requireNonNull(ReleasePolicy.class.getResourceAsStream("default-policy.yaml"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
