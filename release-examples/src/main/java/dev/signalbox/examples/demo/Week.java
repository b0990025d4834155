package dev.signalbox.examples.demo;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.calibration.CalibrationReport;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.ledger.Checkpoint;
import dev.signalbox.core.ledger.Consequence;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerQuery;
import dev.signalbox.core.ledger.VerificationReport;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import dev.signalbox.core.notes.ReleaseNotes;
import dev.signalbox.core.notes.Standup;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.signing.KeyRegistry;
import dev.signalbox.core.signing.RegisteredKey;
import dev.signalbox.core.signing.SignedEvidenceVerifier;
import dev.signalbox.core.signing.StatementType;
import dev.signalbox.core.spi.ChangeSnapshot;
import dev.signalbox.core.train.Departure;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import dev.signalbox.core.train.TrainSpec;
import dev.signalbox.core.verification.ChecksReport;
import dev.signalbox.core.verification.ClaimsReport;
import dev.signalbox.core.verification.MismatchKind;
import dev.signalbox.git.BlastRadiusRules;
import dev.signalbox.git.GitVersionControl;
import dev.signalbox.reviewers.export.Sarif;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's week, played day by day against a real repository, real reviewers (one of them a child
 * process), real signatures and a real ledger in a folder; each expected outcome is checked into
 * the {@link Story} as it happens.
 *
 * <p>Not thread-safe: one week, played once, from one thread.
 */
final class Week implements AutoCloseable {
  static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
  static final String MAIN = "refs/heads/main";
  static final String FREEZE = "inc-42-auth";
  static final String LEDGER_ORIGIN = "signalbox.dev/acme/payments";

  private static final DocumentCodec JSON = DocumentCodec.json();
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final int SNAPSHOT_BYTES = 1 << 20;

  private final Path directory;
  private final Path reports;
  private final PrintStream out;
  private final Story story = new Story();
  private final WeekClock clock = new WeekClock(MONDAY);
  private final ReleasePolicy policy;
  private final Ed25519Signer ritasKey = Ed25519Signer.generate();
  private final Ed25519Signer agentsKey = Ed25519Signer.generate();
  private final Ed25519Signer ledgerKey = Ed25519Signer.generate();
  private final SignedEvidenceVerifier verifier;
  private final ServiceRepository repository;
  private final GitVersionControl git;
  private final Reviewers reviewers;
  private final Ledger ledger;
  private final TrainPlanner planner;
  private final Map<ChangeRef, Proposal> proposals = new LinkedHashMap<>();
  private final Map<ChangeRef, Decision> decisions = new LinkedHashMap<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private final Set<ChangeRef> shipped = new LinkedHashSet<>();
  private final Map<String, Path> written = new LinkedHashMap<>();
  private final List<TrainPlan> plans = new ArrayList<>();
  private ReleaseCalendar calendar = ReleaseCalendar.empty();

  /**
   * A change as proposed and verified, with what the board said of it.
   *
   * @param change the change request
   * @param checks CI's runs on its head
   * @param claims its agent's claims held against it
   * @param board the board's result
   * @param envelopes signed evidence handed in for it (acceptances)
   */
  private record Proposal(
      ChangeRequest change,
      List<CheckRun> checks,
      ClaimsReport claims,
      BoardResult board,
      List<Envelope> envelopes) {
    Proposal withEnvelopes(List<Envelope> more) {
      List<Envelope> all = new ArrayList<>(envelopes);
      all.addAll(more);
      return new Proposal(change, checks, claims, board, List.copyOf(all));
    }
  }

  private Week(Path directory, Path reports, PrintStream out) {
    this.directory = directory;
    this.reports = reports;
    this.out = out;
    this.policy = ReleasePolicy.loader().load(resource("policy.yaml"));
    KeyRegistry keys =
        KeyRegistry.of(
            RegisteredKey.of(ritasKey.publicKey(), Cast.RITA, MONDAY.minus(Duration.ofDays(90))),
            RegisteredKey.of(
                agentsKey.publicKey(), Cast.GPT_BUILDER, MONDAY.minus(Duration.ofDays(90))));
    this.verifier = SignedEvidenceVerifier.create(keys);
    Path repo = directory.resolve("payments.git");
    this.repository = ServiceRepository.create(repo);
    this.git =
        GitVersionControl.builder(repo)
            .clock(clock)
            .committer("Signalbox", "trains@signalbox.dev")
            .open();
    this.reviewers = Reviewers.create(directory.resolve("reviews"), clock);
    this.ledger =
        Ledger.builder(Ledger.fileStore(directory.resolve("ledger")))
            .clock(clock)
            .checkpoints(ledgerKey, LEDGER_ORIGIN)
            .open();
    this.planner = TrainPlanner.create(policy, Optional.of(git));
  }

  /**
   * Plays the week in {@code directory} (the repository, the reviewers' snapshots and the ledger),
   * writing the reports to {@code reports} and telling the story on {@code out}.
   */
  static Story play(Path directory, Path reports, PrintStream out) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the folder " + directory, e);
    }
    Week week = new Week(directory, reports, out);
    try (week) {
      week.monday();
      week.tuesday();
      week.wednesday();
      week.thursday();
      week.friday();
    }
    week.verifyLedger();
    week.printFiles();
    return week.story;
  }

  // ---- the days ------------------------------------------------------------------------------

  private void monday() {
    section("the service");
    Revision base =
        repository.initial(
            "main",
            Service.files(),
            new ServiceRepository.Author("Rita Alvarez", "rita@acme.dev", "The payments service"),
            clock.instant());
    out.println(
        "  A bare repository with "
            + Service.files().size()
            + " files at "
            + directory.resolve("payments.git"));
    Table owners = Table.of("component", "files", "owners (CODEOWNERS)");
    Map<String, List<String>> byComponent = new LinkedHashMap<>();
    Service.files()
        .keySet()
        .forEach(p -> byComponent.computeIfAbsent(component(p), c -> new ArrayList<>()).add(p));
    var codeOwners = git.codeOwners(base);
    byComponent.forEach(
        (component, paths) ->
            owners.row(
                component,
                paths.size(),
                String.join(" ", codeOwners.ownersOf(paths.stream().map(RepoPath::of).toList()))));
    owners.print(out);
    ledger.append(LedgerEvent.PolicyAdopted.of(policy.canonicalJson()));
    out.println(
        "  Policy "
            + policy.definition().name()
            + " adopted in the ledger (digest "
            + policy.digest().value().substring(0, 12)
            + "); it asks every change for "
            + policy.definition().review().always()
            + " reviews and the checks "
            + policy.definition().requiredChecks());

    Instant aliceAt = MONDAY.plus(Duration.ofHours(1));
    section("Alice dispatches a wave to " + Cast.CLAUDE_BUILDER.id(), aliceAt);
    List<Proposal> alices = new ArrayList<>();
    for (Dispatch d : Waves.alice()) {
      alices.add(propose(d, base, aliceAt));
    }
    report(alices, aliceAt);

    Instant bobAt = MONDAY.plus(Duration.ofHours(2));
    section("Bob dispatches a wave to " + Cast.GPT_BUILDER.id(), bobAt);
    List<Proposal> bobs = new ArrayList<>();
    for (Dispatch d : Waves.bob()) {
      bobs.add(propose(d, base, bobAt));
    }
    report(bobs, bobAt);

    Proposal leak = proposal(Waves.WEBHOOK_RETRIES.ref());
    Decision leakDecision = decision(Waves.WEBHOOK_RETRIES.ref());
    boolean secretFound =
        leak.board().verdicts().stream()
            .map(TrustedVerdict::verdict)
            .anyMatch(
                v ->
                    v.outcome() == VerdictOutcome.REJECT
                        && v.findings().stream().anyMatch(f -> f.rule().startsWith("secret-")));
    story.expect(
        "the leaked credential is sent back",
        secretFound && leakDecision.outcome() == Outcome.SEND_BACK,
        "#104 " + leakDecision.outcome() + ", " + firstReason(leakDecision));

    Proposal drift = proposal(Waves.RATE_LIMIT.ref());
    Decision driftDecision = decision(Waves.RATE_LIMIT.ref());
    boolean driftCaught =
        !drift.claims().of(MismatchKind.UNCLAIMED_FILE_OUTSIDE_SCOPE).isEmpty()
            && driftDecision.outcome() == Outcome.SEND_BACK
            && driftDecision.reasons().stream().anyMatch(r -> r.rule().equals("scope-drift"));
    story.expect(
        "the drift outside the declared scope is caught",
        driftCaught,
        "#203 "
            + drift.claims().of(MismatchKind.UNCLAIMED_FILE_OUTSIDE_SCOPE).stream()
                .map(m -> m.subject())
                .collect(Collectors.joining(", "))
            + " -> "
            + driftDecision.outcome());

    Proposal migration = proposal(Waves.DUE_DATES.ref());
    Optional<Verdict> dba =
        migration.board().verdicts().stream()
            .map(TrustedVerdict::verdict)
            .filter(v -> v.reviewer().id().equals("dba-review"))
            .findFirst();
    story.expect(
        "the external reviewer (a child process) reviews the migration",
        dba.isPresent() && dba.get().outcome() == VerdictOutcome.APPROVE,
        dba.map(v -> "dba-review " + v.outcome() + " " + findings(v)).orElse("no verdict"));
  }

  private void tuesday() {
    Instant incident = MONDAY.plus(Duration.ofDays(1));
    clock.moveTo(incident);
    section("incident INC-42: Rita freezes auth", incident);
    FreezeWindow freeze = freeze(new Schedule.UntilLifted(incident, ZoneOffset.UTC));
    calendar = ReleaseCalendar.builder().freeze(freeze).build();
    ledger.append(new LedgerEvent.FreezeDeclared(freeze));
    ChangeRequest auth = proposal(Waves.SESSION_LIFETIME.ref()).change();
    List<Hold> holds = calendar.holds(auth.target(), incident);
    out.println("  Freeze " + FREEZE + " on component auth, level ALL, until lifted.");
    out.println(
        "  The calendar now holds #102 ("
            + auth.title()
            + "): "
            + holds.stream().map(Hold::reason).collect(Collectors.joining("; ")));

    Instant fixAt = incident.plus(Duration.ofMinutes(40));
    section("Bob dispatches the emergency fix", fixAt);
    Revision main = git.ref(MAIN).orElseThrow();
    Proposal fix = propose(Waves.TOKEN_FIX, main, fixAt);
    report(List.of(fix), fixAt);
    Decision unaccepted = decision(fix.change().ref());
    story.expect(
        "the emergency fix does not ship without a signed acceptance",
        unaccepted.outcome() != Outcome.SHIP,
        "#204 " + unaccepted.outcome() + ", " + firstReason(unaccepted));

    Instant signedAt = incident.plus(Duration.ofHours(1));
    clock.moveTo(signedAt);
    section("Rita signs a risk acceptance for the fix", signedAt);
    RiskAcceptance acceptance =
        new RiskAcceptance(
            fix.change().ref(),
            fix.change().contentDigest(),
            policy.digest(),
            "the fix also rejects tokens of sessions that were refreshed, not logged out",
            0.05,
            "logged-out sessions being accepted is worse than a forced login",
            "revert the fix and force every user to log in again",
            Cast.RITA.id(),
            signedAt,
            signedAt.plus(Duration.ofDays(3)));
    Envelope signed = StatementType.ACCEPTANCE.sign(acceptance, ritasKey);
    RiskAcceptance claimed =
        new RiskAcceptance(
            acceptance.change(),
            acceptance.contentDigest(),
            acceptance.policyDigest(),
            acceptance.risk(),
            acceptance.probability(),
            acceptance.rationale(),
            acceptance.contingency(),
            Cast.GPT_BUILDER.id(),
            signedAt,
            acceptance.expiresAt());
    Envelope byTheAgent = StatementType.ACCEPTANCE.sign(claimed, agentsKey);
    out.println(
        "  Ed25519 DSSE envelope by key "
            + ritasKey.keyId().substring(0, 12)
            + " (registered to rita, roles "
            + new TreeSet<>(Cast.RITA.roles())
            + "): p = 0.05, expires "
            + WHEN.format(acceptance.expiresAt()));
    out.println("  The agent also hands in an acceptance signed with its own key.");
    Proposal withAcceptance = fix.withEnvelopes(List.of(signed, byTheAgent));
    proposals.put(fix.change().ref(), withAcceptance);
    Evidence evidence = evidence(withAcceptance, signedAt);
    Decision accepted = decide(withAcceptance, signedAt);
    out.println(
        "  Verified: "
            + evidence.acceptances().size()
            + " acceptance signed by "
            + evidence.acceptances().stream()
                .map(a -> a.signer().id())
                .collect(Collectors.joining(", ")));
    evidence.refused().forEach(r -> out.println("  Refused: " + String.join("; ", r.reasons())));
    out.println("  #204 is now " + accepted.outcome() + "; " + firstReason(accepted));
    boolean ritaVerified =
        evidence.acceptances().size() == 1
            && evidence.acceptances().get(0).signer().id().equals(Cast.RITA.id());
    story.expect(
        "only the human-signed acceptance verifies",
        ritaVerified && evidence.refused().size() == 1,
        evidence.acceptances().size()
            + " verified (rita), "
            + evidence.refused().size()
            + " refused (the agent's)");
    story.expect(
        "the emergency fix may ship during the freeze with the acceptance",
        accepted.outcome() == Outcome.SHIP,
        "#204 " + accepted.outcome());
    evidence
        .acceptances()
        .forEach(
            a ->
                ledger.append(
                    new LedgerEvent.RiskAccepted(
                        a.acceptance(), a.signer().id(), a.keyId(), signed)));

    Instant departure = incident.plus(Duration.ofHours(7));
    Departure first = train("2026-11-24-payments", departure);
    TrainPlan plan = lastPlan();
    Set<ChangeRef> firstCars = refs(plan);
    story.expect(
        "the emergency fix ships during the freeze",
        firstCars.contains(Waves.TOKEN_FIX.ref()) && first.departed(),
        "#204 on train " + plan.train().id().value());
    story.expect(
        "the auth change is held by the freeze",
        carriedFor(plan, Waves.SESSION_LIFETIME.ref(), "freeze"),
        "#102 " + carryoverText(plan, Waves.SESSION_LIFETIME.ref()));
    story.expect(
        "the sent-back changes stay off the train",
        !firstCars.contains(Waves.WEBHOOK_RETRIES.ref())
            && !firstCars.contains(Waves.RATE_LIMIT.ref()),
        "#104 and #203 carried over");
    int migrationGroup = groupOf(plan, Waves.DUE_DATES.ref());
    int dependentGroup = groupOf(plan, Waves.INVOICE_API.ref());
    boolean dependencyFirst =
        (migrationGroup >= 0 && dependentGroup > migrationGroup)
            || (dependentGroup < 0 && carriedFor(plan, Waves.INVOICE_API.ref(), "dependencies"));
    story.expect(
        "the dependent change boards after its dependency (or waits, saying why)",
        dependencyFirst,
        dependentGroup >= 0
            ? "#202 in merge group " + (dependentGroup + 1) + ", #103 in " + (migrationGroup + 1)
            : "#202 " + carryoverText(plan, Waves.INVOICE_API.ref()));
    // a revert undoes code; the migration is undone by its down script, which git cannot check
    boolean reverts =
        plan.train().cars().stream()
            .allMatch(
                c ->
                    c.revertCheck().status()
                        == (c.change().equals(Waves.DUE_DATES.ref())
                            ? RevertStatus.NOT_APPLICABLE
                            : RevertStatus.CLEAN));
    story.expect(
        "every car's revert applies on the train's final tree",
        reverts && !plan.train().cars().isEmpty(),
        plan.train().cars().size() + " cars CLEAN but #103, undone by its down script");
    boolean landed =
        git.ref(MAIN).equals(Optional.of(first.head()))
            && plan.train().cars().stream()
                .allMatch(c -> git.mergeBase(first.head(), c.head()).equals(Optional.of(c.head())));
    story.expect(
        "main moved to the train's merge commits by compare-and-swap",
        landed,
        "main at " + first.head().abbreviated() + ", " + plan.train().cars().size() + " cars");
  }

  /** Rita's freeze of the auth component for INC-42, on {@code schedule}. */
  private static FreezeWindow freeze(Schedule schedule) {
    return new FreezeWindow(
        FREEZE,
        Scope.ofComponents("auth"),
        schedule,
        FreezeLevel.ALL,
        Cast.RITA.id(),
        "logged-out sessions are still accepted",
        Optional.of("INC-42"));
  }

  private void wednesday() {
    Instant at = MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(2));
    clock.moveTo(at);
    section("the emergency fix is reviewed after the fact", at);
    ledger.append(
        new LedgerEvent.EmergencyPostReviewDone(
            Waves.TOKEN_FIX.ref(),
            Cast.ALICE.id(),
            "the fix is right; a cache of revocations follows as a normal change"));
    out.println("  Alice reviews #204 and records it in the ledger.");
  }

  private void thursday() {
    Instant lifted = MONDAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
    clock.moveTo(lifted);
    section("INC-42 is resolved: Rita lifts the freeze", lifted);
    Instant start = MONDAY.plus(Duration.ofDays(1));
    calendar =
        ReleaseCalendar.builder()
            .freeze(freeze(new Schedule.OneOff(start, lifted, ZoneOffset.UTC)))
            .build();
    ledger.append(new LedgerEvent.FreezeLifted(FREEZE, Cast.RITA.id(), "INC-42 resolved by #204"));
    out.println(
        "  The freeze lasted from "
            + WHEN.format(start)
            + " to "
            + WHEN.format(lifted)
            + "; the calendar keeps it for the record.");

    Instant reviewAt = lifted.plus(Duration.ofHours(4));
    section("the carried-over changes are reviewed again", reviewAt);
    out.println(
        "  Security verdicts older than "
            + policy.definition().review().maxAgeBySurface().values()
            + " count for nothing, so the board convenes again for what waits.");
    List<Proposal> again = new ArrayList<>();
    for (Carryover carried : lastPlan().train().carriedOver()) {
      Proposal before = proposal(carried.change());
      again.add(review(before.change(), before.checks(), before.claims(), reviewAt));
    }
    report(again, reviewAt);

    Instant departure = lifted.plus(Duration.ofHours(6));
    Departure second = train("2026-11-26-payments", departure);
    story.expect(
        "once the freeze is lifted, the auth change ships",
        refs(lastPlan()).contains(Waves.SESSION_LIFETIME.ref()) && second.departed(),
        "#102 on train " + lastPlan().train().id().value());
  }

  private void friday() {
    Instant at = MONDAY.plus(Duration.ofDays(4));
    clock.moveTo(at);
    section("outcomes are recorded", at);
    Table table = Table.of("change", "outcome", "detail");
    for (ChangeRef change : shipped) {
      boolean rounding = change.equals(Waves.ROUNDING.ref());
      Consequence consequence = rounding ? Consequence.FIX_NEEDED : Consequence.NONE;
      String detail =
          rounding
              ? "totals differed from the ledger system's by a cent; a fix follows"
              : "nothing went wrong";
      ledger.append(new LedgerEvent.OutcomeRecorded(change, consequence, detail, at));
      table.row("#" + change.change().value(), consequence, detail);
    }
    table.print(out);
    checkpoints.add(ledger.checkpoint());

    section("calibration and findings", at);
    CalibrationReport calibration;
    try (Stream<LedgerEntry> entries = ledger.read(LedgerQuery.all())) {
      calibration = CalibrationReport.of(entries);
    }
    out.println(
        "  Accepted risks with an outcome: "
            + calibration.acceptances()
            + ", Brier score "
            + calibration.brierScore().map(b -> String.format(Locale.ROOT, "%.4f", b)).orElse("-")
            + "; \"not yet\" calls: "
            + calibration.notYet().calls()
            + " ("
            + calibration.notYet().adverse()
            + " adverse)");
    write("calibration.json", JSON.write(calibration));
    write("calibration.svg", calibration.svg());
    String sarif = Sarif.write(verdicts);
    write("findings.sarif.json", sarif);
    long results = verdicts.stream().mapToLong(v -> v.findings().size()).sum();
    out.println("  SARIF 2.1.0: " + results + " findings from " + verdicts.size() + " verdicts");
    story.expect(
        "the calibration report and the SARIF file are written",
        calibration.acceptances() == 1 && sarif.contains("secret-slack-token"),
        calibration.acceptances() + " acceptance scored; SARIF names the leaked token");

    comms(at.plus(Duration.ofMinutes(30)));
  }

  /** The standup and the release notes of the week's trains, rendered from the ledger. */
  private void comms(Instant at) {
    clock.moveTo(at);
    List<LedgerEntry> entries;
    try (Stream<LedgerEntry> all = ledger.read(LedgerQuery.all())) {
      entries = all.toList();
    }
    List<ChangeRequest> changes = proposals.values().stream().map(Proposal::change).toList();
    Instant weekEnd = MONDAY.plus(Duration.ofDays(7));
    for (TrainPlan plan : plans) {
      TrainId id = plan.train().id();
      ReleaseNotes notes = ReleaseNotes.of(id, entries, changes, calendar, MONDAY, weekEnd);
      section("release notes of train " + id.value(), at);
      print(notes.markdown());
      write("release-notes-" + id.value() + ".md", notes.markdown());
      write("release-notes-" + id.value() + ".json", notes.json());
    }
    ReleaseNotes first =
        ReleaseNotes.of(plans.get(0).train().id(), entries, changes, calendar, MONDAY, weekEnd);
    boolean ritasRisk =
        first.shipped().stream()
            .filter(c -> c.change().equals(Waves.TOKEN_FIX.ref()))
            .anyMatch(
                c -> c.acceptedRisks().stream().anyMatch(r -> r.signer().equals(Cast.RITA.id())));
    boolean heldNoted =
        first.deferred().stream().anyMatch(d -> d.change().equals(Waves.SESSION_LIFETIME.ref()));
    story.expect(
        "the release notes show the accepted risk and what was held",
        ritasRisk && heldNoted,
        "train " + first.train().value() + ": #204 accepted by rita, #102 deferred");

    Instant afternoon = at.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(30));
    List<ChangeRequest> waiting = new ArrayList<>();
    Evidence evidence = Evidence.none();
    for (Proposal proposal : proposals.values()) {
      if (!shipped.contains(proposal.change().ref())) {
        waiting.add(proposal.change());
        evidence = evidence.and(evidence(proposal, afternoon));
      }
    }
    TrainPlan next =
        planner.plan(
            TrainSpec.of(
                TrainId.of("2026-11-27-payments"),
                Scope.everything(),
                afternoon,
                MAIN,
                git.ref(MAIN).orElseThrow()),
            waiting,
            ReleaseContext.at(afternoon)
                .withCalendar(calendar)
                .withEvidence(evidence)
                .withSatisfied(shipped));
    Standup standup = Standup.of(MONDAY, at, entries, changes, calendar, Optional.of(next));
    section("Friday's standup", at);
    print(standup.markdown());
    write("standup.md", standup.markdown());
    write("standup.json", standup.json());
    Set<ChangeRef> blocked =
        standup.blocked().stream().map(Standup.Blocked::change).collect(Collectors.toSet());
    story.expect(
        "the standup names who is blocked and on what",
        blocked.containsAll(Set.of(Waves.WEBHOOK_RETRIES.ref(), Waves.RATE_LIMIT.ref()))
            && standup.shipped().size() == shipped.size(),
        standup.shipped().size()
            + " shipped since Monday; blocked: "
            + blocked.stream()
                .map(b -> "#" + b.change().value())
                .sorted()
                .collect(Collectors.joining(", ")));
  }

  private void print(String markdown) {
    markdown.lines().forEach(line -> out.println("  " + line));
  }

  // ---- one change ----------------------------------------------------------------------------

  /**
   * The agent's commit of {@code dispatch} onto {@code base} at {@code at}, made a change request,
   * checked by CI, verified against its claims, reviewed and decided.
   */
  private Proposal propose(Dispatch dispatch, Revision base, Instant at) {
    clock.moveTo(at);
    Revision head =
        repository.commit(
            base,
            "agent/" + dispatch.producer().id() + "/" + dispatch.id(),
            dispatch.edits(),
            new ServiceRepository.Author(
                dispatch.producer().id(),
                dispatch.producer().id() + "@agents.acme.dev",
                dispatch.title()),
            at);
    ChangeRequest.Builder builder =
        ChangeRequest.builder(ChangeId.of(dispatch.id()))
            .repository(Service.REPOSITORY)
            .title(dispatch.title())
            .producer(dispatch.producer())
            .owner(dispatch.owner())
            .revisions(base, head)
            .contentDigest(git.contentDigest(base, head))
            .changes(git.changes(base, head))
            .blastRadius(git.blastRadius(base, head, BlastRadiusRules.defaults()))
            .declaredScope(dispatch.scope())
            .changeClass(dispatch.changeClass())
            .criticality(dispatch.criticality())
            .rollback(dispatch.rollback())
            .dependsOn(dispatch.dependsOn())
            .claims(
                new Claims(
                    dispatch.claimedFiles().stream().map(RepoPath::of).collect(Collectors.toSet()),
                    Set.of(),
                    dispatch.tests(),
                    dispatch.tests(),
                    List.of("./mvnw -q verify")))
            .proposedAt(at);
    dispatch.wave().ifPresent(builder::wave);
    ChangeRequest change = builder.build();
    ledger.append(
        new LedgerEvent.ChangeProposed(
            change.ref(),
            head,
            change.contentDigest(),
            change.producer().id(),
            change.owner().id()));
    List<CheckRun> checks = ci(change, dispatch.tests(), at.plus(Duration.ofMinutes(12)));
    ClaimsReport claims = ClaimsReport.verify(change, checks);
    return review(change, checks, claims, at);
  }

  /** Convenes the board for {@code change} at {@code at} and decides it. */
  private Proposal review(
      ChangeRequest change, List<CheckRun> checks, ClaimsReport claims, Instant at) {
    clock.moveTo(at);
    ChangeSnapshot snapshot = git.snapshot(change.base(), change.head(), SNAPSHOT_BYTES);
    BoardResult board =
        reviewers
            .board()
            .convene(change, snapshot, reviewers.everyone(policy.requiredSurfaces(change)));
    List<LedgerEvent> recorded = new ArrayList<>();
    for (TrustedVerdict trusted : board.verdicts()) {
      verdicts.add(trusted.verdict());
      recorded.add(new LedgerEvent.VerdictRecorded(trusted.verdict(), Optional.empty()));
    }
    ledger.appendAll(recorded);
    Proposal proposal = new Proposal(change, checks, claims, board, List.of());
    proposals.put(change.ref(), proposal);
    decide(proposal, at);
    return proposal;
  }

  /**
   * What the service's CI reports for {@code change}'s head: build and test passed, running the
   * tests the agent wrote. (The demo has no CI of its own; a {@code ChecksSource} would ask yours.)
   */
  private static List<CheckRun> ci(ChangeRequest change, Set<String> tests, Instant at) {
    return List.of(
        new CheckRun(
            "build",
            CheckConclusion.SUCCESS,
            change.head(),
            at,
            Optional.empty(),
            Optional.empty()),
        new CheckRun(
            "test",
            CheckConclusion.SUCCESS,
            change.head(),
            at,
            Optional.empty(),
            Optional.of(tests)));
  }

  private Evidence evidence(Proposal proposal, Instant at) {
    return verifier.verify(
        proposal.change(),
        policy.digest(),
        proposal.board(),
        proposal.envelopes(),
        proposal.checks(),
        at);
  }

  private Decision decide(Proposal proposal, Instant at) {
    ReleaseContext context =
        ReleaseContext.at(at)
            .withCalendar(calendar)
            .withEvidence(evidence(proposal, at))
            .withSatisfied(shipped);
    Decision decision = policy.decide(proposal.change(), context);
    decisions.put(proposal.change().ref(), decision);
    ledger.append(new LedgerEvent.DecisionMade(decision, inputsDigest(proposal, at)));
    return decision;
  }

  /**
   * The digest of what a decision was made from: the change request, the verdicts and check runs,
   * the acceptances handed in, the calendar and the instant.
   */
  private String inputsDigest(Proposal proposal, Instant at) {
    StringBuilder inputs = new StringBuilder(JSON.write(proposal.change()));
    proposal.board().verdicts().forEach(v -> inputs.append('\n').append(JSON.write(v.verdict())));
    proposal.checks().forEach(c -> inputs.append('\n').append(JSON.write(c)));
    proposal.envelopes().forEach(e -> inputs.append('\n').append(JSON.write(e)));
    inputs.append('\n').append(JSON.write(calendar.definition())).append('\n').append(at);
    return sha256(inputs.toString());
  }

  // ---- trains --------------------------------------------------------------------------------

  /** Plans train {@code id} from every change not shipped yet, departs it and prints both. */
  private Departure train(String id, Instant departure) {
    clock.moveTo(departure);
    section("train " + id + " is planned and departs", departure);
    List<ChangeRequest> candidates = new ArrayList<>();
    Evidence evidence = Evidence.none();
    for (Proposal proposal : proposals.values()) {
      if (!shipped.contains(proposal.change().ref())) {
        candidates.add(proposal.change());
        evidence = evidence.and(evidence(proposal, departure));
      }
    }
    Revision main = git.ref(MAIN).orElseThrow();
    TrainSpec spec =
        TrainSpec.of(TrainId.of(id), Scope.everything(), departure, MAIN, main)
            .withWaves(waves(candidates));
    TrainPlan plan =
        planner.plan(
            spec,
            candidates,
            ReleaseContext.at(departure)
                .withCalendar(calendar)
                .withEvidence(evidence)
                .withSatisfied(shipped));
    plans.add(plan);
    Table cars = Table.of("group", "change", "title", "revert on final tree");
    List<MergeGroup> groups = plan.train().groups();
    for (int g = 0; g < groups.size(); g++) {
      for (Car car : groups.get(g).cars()) {
        cars.row(
            g + 1,
            "#" + car.change().change().value(),
            title(car.change()),
            car.revertCheck().status());
      }
    }
    cars.print(out);
    if (!plan.train().carriedOver().isEmpty()) {
      out.println("  Carried over:");
      Table carried = Table.of("change", "title", "why");
      for (Carryover c : plan.train().carriedOver()) {
        carried.row("#" + c.change().change().value(), title(c.change()), reasons(c.reasons()));
      }
      carried.print(out);
    }
    Departure departed = planner.depart(plan, git, ledger, calendar, clock);
    out.println(
        "  Departed: "
            + departed.state()
            + ", "
            + departed.merged()
            + " merge groups landed, main "
            + main.abbreviated()
            + " -> "
            + departed.head().abbreviated());
    if (departed.departed()) {
      shipped.addAll(refs(plan));
    }
    checkpoints.add(ledger.checkpoint());
    return departed;
  }

  private TrainPlan lastPlan() {
    return plans.get(plans.size() - 1);
  }

  /** The proposal of {@code change}, which the week made. */
  private Proposal proposal(ChangeRef change) {
    Proposal proposal = proposals.get(change);
    if (proposal == null) {
      throw new IllegalStateException("the week proposed no change " + change);
    }
    return proposal;
  }

  /** The latest decision on {@code change}, which the week made. */
  private Decision decision(ChangeRef change) {
    Decision decision = decisions.get(change);
    if (decision == null) {
      throw new IllegalStateException("the week decided no change " + change);
    }
    return decision;
  }

  /** The waves the candidates were dispatched in, each by its first change's owner and time. */
  private static List<Wave> waves(List<ChangeRequest> candidates) {
    Map<WaveId, List<ChangeRequest>> byWave = new LinkedHashMap<>();
    for (ChangeRequest change : candidates) {
      change.wave().ifPresent(w -> byWave.computeIfAbsent(w, x -> new ArrayList<>()).add(change));
    }
    List<Wave> waves = new ArrayList<>();
    byWave.forEach(
        (id, changes) ->
            waves.add(
                new Wave(
                    id,
                    changes.get(0).owner().id(),
                    changes.get(0).proposedAt(),
                    changes.stream().map(ChangeRequest::ref).collect(Collectors.toSet()),
                    false)));
    return waves;
  }

  // ---- the ledger ----------------------------------------------------------------------------

  /** Reopens the ledger from its file and verifies it: chain, tree and every checkpoint. */
  private void verifyLedger() {
    section("the ledger is verified", clock.instant());
    try (Ledger reopened =
        Ledger.builder(Ledger.fileStore(directory.resolve("ledger")))
            .clock(clock)
            .checkpoints(ledgerKey, LEDGER_ORIGIN)
            .open()) {
      VerificationReport report = reopened.verify(checkpoints);
      out.println(
          "  "
              + report.entries()
              + " entries, hash chain and Merkle tree rebuilt from "
              + directory.resolve("ledger")
              + ", "
              + report.checkpoints()
              + " signed checkpoints consistent: "
              + (report.ok() ? "ok" : String.join("; ", report.problems())));
      story.expect(
          "the ledger verifies",
          report.ok() && report.checkpoints() == checkpoints.size(),
          report.entries() + " entries, " + report.checkpoints() + " checkpoints");
    }
  }

  // ---- printing ------------------------------------------------------------------------------

  private void report(List<Proposal> wave, Instant at) {
    out.println("  Verification (claims against the diff, CI checks on the head):");
    Table verification = Table.of("change", "title", "files", "checks", "claims");
    for (Proposal p : wave) {
      ChecksReport checks =
          ChecksReport.of(p.change(), policy.definition().requiredChecks(), p.checks());
      verification.row(
          "#" + p.change().id().value(),
          p.change().title(),
          p.change().changes().files().size(),
          checks.requiredPassed() ? "passed" : "not passed",
          p.claims().mismatches().isEmpty()
              ? "hold"
              : p.claims().mismatches().stream()
                  .map(m -> m.kind().code() + " " + m.subject())
                  .collect(Collectors.joining("; ")));
    }
    verification.print(out);
    out.println("  Review board:");
    Table board = Table.of("change", "surface", "reviewer", "verdict", "findings");
    for (Proposal p : wave) {
      for (TrustedVerdict trusted : p.board().verdicts()) {
        Verdict v = trusted.verdict();
        board.row(
            "#" + p.change().id().value(),
            v.surface(),
            v.reviewer().id(),
            v.outcome(),
            findings(v));
      }
    }
    board.print(out);
    out.println("  Decisions at " + WHEN.format(at) + ":");
    Table table = Table.of("change", "blast radius", "decision", "why");
    for (Proposal p : wave) {
      Decision d = decision(p.change().ref());
      table.row(
          "#" + p.change().id().value(),
          p.change().blastRadius().level() + " " + p.change().blastRadius().components(),
          d.outcome(),
          d.outcome() == Outcome.SHIP ? "" : firstReason(d));
    }
    table.print(out);
  }

  private void printFiles() {
    section("written", clock.instant());
    written.forEach((name, path) -> out.println("  " + path));
    out.println(
        "  (the repository, the ledger and the reviewers' snapshots are in " + directory + ")");
  }

  private void section(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  private void section(String title, Instant at) {
    out.println();
    out.println("== " + WHEN.format(at) + "  " + title + " ==");
  }

  private void write(String name, String text) {
    try {
      Files.createDirectories(reports);
      Path file = reports.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      written.put(name, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " to " + reports, e);
    }
  }

  private String title(ChangeRef change) {
    Proposal p = proposals.get(change);
    return p == null ? change.toString() : p.change().title();
  }

  private static String findings(Verdict v) {
    if (v.abstention().isPresent()) {
      return v.abstention().get().cause() + ": " + v.abstention().get().detail();
    }
    return v.findings().stream().map(Week::finding).collect(Collectors.joining("; "));
  }

  private static String finding(Finding f) {
    return f.advice()
        + " "
        + f.rule()
        + f.path().map(p -> " " + p.value()).orElse("")
        + f.lines().map(l -> ":" + l.start()).orElse("");
  }

  private static String firstReason(Decision d) {
    return d.reasons().isEmpty() ? "" : reasons(d.reasons().subList(0, 1));
  }

  private static String reasons(List<Reason> reasons) {
    return reasons.stream()
        .map(r -> r.rule() + ": " + r.message())
        .collect(Collectors.joining("; "));
  }

  private static String component(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? "(root)" : path.substring(0, slash);
  }

  private static Set<ChangeRef> refs(TrainPlan plan) {
    return plan.train().cars().stream().map(Car::change).collect(Collectors.toSet());
  }

  private static int groupOf(TrainPlan plan, ChangeRef change) {
    List<MergeGroup> groups = plan.train().groups();
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).cars().stream().anyMatch(c -> c.change().equals(change))) {
        return g;
      }
    }
    return -1;
  }

  private static boolean carriedFor(TrainPlan plan, ChangeRef change, String rule) {
    return plan.carryover(change)
        .map(c -> c.reasons().stream().anyMatch(r -> r.rule().equals(rule)))
        .orElse(false);
  }

  private static String carryoverText(TrainPlan plan, ChangeRef change) {
    return plan.carryover(change)
        .map(c -> "carried over: " + reasons(c.reasons()))
        .orElse("boarded");
  }

  /** The text of the demo's resource {@code name}, read as UTF-8. */
  static String resource(String name) {
    try (var in = Week.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the examples lack the resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + name, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void close() {
    try (repository;
        git;
        ledger) {
      // closes all three, the last opened first
    }
  }
}
