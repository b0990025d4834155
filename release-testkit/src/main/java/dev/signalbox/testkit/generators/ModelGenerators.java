package dev.signalbox.testkit.generators;

import static dev.signalbox.testkit.generators.Primitives.bytes;
import static dev.signalbox.testkit.generators.Primitives.distinctListsOf;
import static dev.signalbox.testkit.generators.Primitives.durations;
import static dev.signalbox.testkit.generators.Primitives.finiteDoubles;
import static dev.signalbox.testkit.generators.Primitives.hex;
import static dev.signalbox.testkit.generators.Primitives.instants;
import static dev.signalbox.testkit.generators.Primitives.instantsWithRoomAfter;
import static dev.signalbox.testkit.generators.Primitives.listsOf;
import static dev.signalbox.testkit.generators.Primitives.localDateTimes;
import static dev.signalbox.testkit.generators.Primitives.localDates;
import static dev.signalbox.testkit.generators.Primitives.pathSegments;
import static dev.signalbox.testkit.generators.Primitives.setsOf;
import static dev.signalbox.testkit.generators.Primitives.sizes;
import static dev.signalbox.testkit.generators.Primitives.text;
import static dev.signalbox.testkit.generators.Primitives.textOrEmpty;
import static dev.signalbox.testkit.generators.Primitives.tokenMaps;
import static dev.signalbox.testkit.generators.Primitives.tokens;
import static dev.signalbox.testkit.generators.Primitives.zones;

import com.google.common.collect.ImmutableMap;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Abstention;
import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.Car;
import dev.signalbox.core.model.Carryover;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeKind;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.CheckConclusion;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.DateRange;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.EnvelopeSignature;
import dev.signalbox.core.model.ErrorBudget;
import dev.signalbox.core.model.FeatureContribution;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.FreezeLevel;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.HolidayCalendar;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.LineRange;
import dev.signalbox.core.model.MergeGroup;
import dev.signalbox.core.model.MergeWindow;
import dev.signalbox.core.model.Outcome;
import dev.signalbox.core.model.OverrideSubject;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Principal;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Schedule;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.TrainState;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.model.Wave;
import dev.signalbox.core.model.WaveId;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for every Signalbox model type. Each generator yields only valid values,
 * varied to find edge cases: unicode in names and paths, time zones from everywhere, instants at
 * DST changes and at the ends of the RFC 3339 range, empty collections and now and then large ones.
 * {@link #forType(Class)} finds the generator of a type by its class.
 *
 * <p>All generators are stateless and may be shared between threads.
 */
public final class ModelGenerators {
  private static final Map<Class<?>, Gen<?>> BY_TYPE = registry();

  private ModelGenerators() {}

  /**
   * The generator of {@code type}: any model record, enum or sealed interface.
   *
   * @throws IllegalArgumentException if the type has no generator here
   */
  @SuppressWarnings("unchecked") // the registry maps each class to a generator of that class
  public static <T> Gen<T> forType(Class<T> type) {
    Gen<?> gen = BY_TYPE.get(type);
    if (gen == null) {
      throw new IllegalArgumentException("no generator for " + type.getName());
    }
    return (Gen<T>) gen;
  }

  /** Every type {@link #forType(Class)} knows. */
  public static Set<Class<?>> types() {
    return BY_TYPE.keySet();
  }

  // ---------------------------------------------------------------- identifiers

  /** Change ids. */
  public static Gen<ChangeId> changeIds() {
    return tokens().map(ChangeId::new);
  }

  /** Wave ids. */
  public static Gen<WaveId> waveIds() {
    return tokens().map(WaveId::new);
  }

  /** Train ids. */
  public static Gen<TrainId> trainIds() {
    return tokens().map(TrainId::new);
  }

  /** Repository names, from a small pool so that references collide now and then. */
  public static Gen<String> repositories() {
    return Generate.frequency(
        Pair.of(3, Generate.pick(List.of("acme/api", "acme/web", "acme/infra", "billing"))),
        Pair.of(1, tokens()));
  }

  /** SHA-1 and SHA-256 commit ids. */
  public static Gen<Revision> revisions() {
    return Generate.frequency(Pair.of(4, hex(40)), Pair.of(1, hex(64))).map(Revision::new);
  }

  /** Content digests of both lengths. */
  public static Gen<ContentDigest> contentDigests() {
    return Generate.frequency(Pair.of(1, hex(40)), Pair.of(4, hex(64))).map(ContentDigest::new);
  }

  /** Policy digests. */
  public static Gen<PolicyDigest> policyDigests() {
    return hex(64).map(PolicyDigest::new);
  }

  /** References to changes across a few repositories. */
  public static Gen<ChangeRef> changeRefs() {
    return repositories().zip(changeIds(), ChangeRef::new);
  }

  // ---------------------------------------------------------------- principals

  /** People with zero to three roles, sometimes {@code release-manager}. */
  public static Gen<Human> humans() {
    Gen<String> roles =
        Generate.frequency(
            Pair.of(2, Generate.pick(List.of("release-manager", "security", "sre", "owner"))),
            Pair.of(1, tokens()));
    return tokens().zip(text(), setsOf(roles, Generate.range(0, 3)), Human::new);
  }

  /** Agents from several model families. */
  public static Gen<Agent> agents() {
    Gen<String> families =
        Generate.frequency(
            Pair.of(3, Generate.pick(List.of("claude", "gpt", "gemini", "llama"))),
            Pair.of(1, tokens()));
    return tokens().zip(tokens(), families, tokens(), Agent::new);
  }

  /** People and agents. */
  public static Gen<Principal> principals() {
    return Generate.oneOf(humans().map(h -> (Principal) h), agents().map(a -> (Principal) a));
  }

  // ---------------------------------------------------------------- paths and scopes

  /** Repository paths of one to six segments, with unicode, spaces and dots. */
  public static Gen<RepoPath> repoPaths() {
    return listsOf(pathSegments(), Generate.range(1, 6))
        .map(
            segments -> {
              String path = String.join("/", segments);
              // "C:" first would read as a drive letter, which RepoPath refuses
              return new RepoPath(path.length() > 1 && path.charAt(1) == ':' ? "_" + path : path);
            });
  }

  /** Path patterns with {@code *}, {@code ?} and {@code **}. */
  public static Gen<PathGlob> pathGlobs() {
    Gen<String> segments =
        Generate.frequency(
            // a literal segment may hold * and ? as wildcards, but ** only stands alone
            Pair.of(4, pathSegments().map(s -> s.replaceAll("\\*+", "*"))),
            Pair.of(1, Generate.pick(List.of("*", "**", "*.java", "?", "db", "src"))));
    return listsOf(segments, Generate.range(1, 5))
        .map(
            parts -> {
              String pattern = String.join("/", parts);
              return new PathGlob(
                  pattern.length() > 1 && pattern.charAt(1) == ':' ? "_" + pattern : pattern);
            });
  }

  /** Scopes, sometimes {@link Scope#everything()}. */
  public static Gen<Scope> scopes() {
    Gen<Scope> restricted =
        in ->
            new Scope(
                setsOf(tokens(), Generate.range(0, 3)).generate(in),
                setsOf(pathGlobs(), Generate.range(0, 3)).generate(in),
                setsOf(tokens(), Generate.range(0, 2)).generate(in),
                setsOf(pathGlobs(), Generate.range(0, 2)).generate(in));
    return Generate.frequency(
        Pair.of(1, Generate.constant(Scope.everything())), Pair.of(4, restricted));
  }

  /** Calendar targets. */
  public static Gen<Target> targets() {
    return in ->
        new Target(
            setsOf(tokens(), Generate.range(0, 3)).generate(in),
            setsOf(repoPaths(), sizes(4, 30)).generate(in),
            tokens().toOptionals(50).generate(in),
            Generate.enumValues(ChangeClass.class).generate(in),
            Generate.enumValues(Criticality.class).generate(in),
            Generate.booleans().generate(in));
  }

  // ---------------------------------------------------------------- the change

  /** File changes of every kind, some binary, with line counts from none to many. */
  public static Gen<FileChange> fileChanges() {
    Gen<Integer> lines =
        Generate.frequency(
            Pair.of(6, Generate.range(0, 200)), Pair.of(1, Generate.range(200, 100_000)));
    return in -> {
      ChangeKind kind = Generate.enumValues(ChangeKind.class).generate(in);
      RepoPath path = repoPaths().generate(in);
      boolean moved = kind == ChangeKind.RENAMED || kind == ChangeKind.COPIED;
      Optional<RepoPath> oldPath =
          moved
              ? Optional.of(repoPaths().assuming(old -> !old.equals(path)).generate(in))
              : Optional.empty();
      boolean binary =
          Generate.frequency(
                  Pair.of(1, Generate.constant(true)), Pair.of(5, Generate.constant(false)))
              .generate(in);
      int added = binary || kind == ChangeKind.DELETED ? 0 : lines.generate(in);
      int removed = binary || kind == ChangeKind.ADDED ? 0 : lines.generate(in);
      return new FileChange(path, oldPath, kind, added, removed, binary);
    };
  }

  /** Change sets: often a few files, sometimes none, now and then a hundred. */
  public static Gen<ChangeSet> changeSets() {
    return distinctListsOf(fileChanges(), sizes(6, 100), FileChange::path).map(ChangeSet::new);
  }

  /** Blast radii of every level with owners in GitHub's three forms. */
  public static Gen<BlastRadius> blastRadii() {
    Gen<String> owners =
        Generate.oneOf(
            tokens().map(t -> "@" + t),
            tokens().zip(tokens(), (org, team) -> "@" + org + "/" + team),
            tokens().map(t -> t + "@example.com"));
    return in ->
        new BlastRadius(
            Generate.enumValues(BlastLevel.class).generate(in),
            setsOf(tokens(), Generate.range(0, 4)).generate(in),
            setsOf(owners, Generate.range(0, 3)).generate(in),
            setsOf(Generate.enumValues(SensitiveKind.class), Generate.range(0, 3)).generate(in));
  }

  /** Rollback plans of every kind; reverts sometimes without steps. */
  public static Gen<RollbackPlan> rollbackPlans() {
    return in -> {
      RollbackKind kind = Generate.enumValues(RollbackKind.class).generate(in);
      int min = kind == RollbackKind.REVERT ? 0 : 1;
      return new RollbackPlan(kind, listsOf(text(), Generate.range(min, 4)).generate(in));
    };
  }

  /** An agent's claims; never a file both written and deleted. */
  public static Gen<Claims> claims() {
    return in -> {
      Set<RepoPath> written = setsOf(repoPaths(), sizes(4, 40)).generate(in);
      Set<RepoPath> deleted =
          new LinkedHashSet<>(setsOf(repoPaths(), Generate.range(0, 3)).generate(in));
      deleted.removeAll(written);
      return new Claims(
          written,
          deleted,
          setsOf(text(), Generate.range(0, 3)).generate(in),
          setsOf(text(), Generate.range(0, 3)).generate(in),
          listsOf(text(), Generate.range(0, 4)).generate(in));
    };
  }

  /** Feature contributions to a risk score, positive and negative. */
  public static Gen<FeatureContribution> featureContributions() {
    return tokens().zip(finiteDoubles(), finiteDoubles(), FeatureContribution::new);
  }

  /** Calibrated risks, including probabilities of exactly 0 and 1. */
  public static Gen<ChangeRisk> changeRisks() {
    Gen<Double> probabilities =
        Generate.frequency(
            Pair.of(1, Generate.pick(List.of(0.0, 1.0, 0.01))),
            Pair.of(5, Generate.range(0, 1_000_000).map(i -> i / 1_000_000.0)));
    // contributions of a real model's size, so that the logit they add up to stays finite
    Gen<Double> logits = Generate.range(-2_000_000, 2_000_000).map(i -> i / 1_000.0);
    Gen<FeatureContribution> contributions =
        tokens().zip(finiteDoubles(), logits, FeatureContribution::new);
    return in -> {
      double probability = probabilities.generate(in);
      double percentile = Generate.range(0, 10_000).map(i -> i / 100.0).generate(in);
      double intercept = logits.generate(in);
      List<FeatureContribution> explanation =
          distinctListsOf(contributions, Generate.range(0, 8), FeatureContribution::feature)
              .generate(in);
      double logit = intercept;
      for (FeatureContribution contribution : explanation) {
        logit += contribution.contribution();
      }
      return new ChangeRisk(
          probability,
          percentile,
          logit,
          intercept,
          explanation,
          tokens().generate(in),
          tokens().generate(in));
    };
  }

  /** Change requests of every class and criticality, with and without every optional part. */
  public static Gen<ChangeRequest> changeRequests() {
    return in -> {
      ChangeId id = changeIds().generate(in);
      String repository = repositories().generate(in);
      Revision base = revisions().generate(in);
      Revision head = revisions().generate(in);
      if (head.equals(base)) {
        head = new Revision(flipLastDigit(base.commit()));
      }
      ChangeRef self = new ChangeRef(repository, id);
      Set<ChangeRef> dependsOn =
          new LinkedHashSet<>(setsOf(changeRefs(), Generate.range(0, 3)).generate(in));
      dependsOn.remove(self);
      ChangeRequest.Builder builder =
          ChangeRequest.builder(id)
              .repository(repository)
              .title(tokens().generate(in) + " " + tokens().generate(in))
              .summary(textOrEmpty().generate(in))
              .producer(agents().generate(in))
              .owner(humans().generate(in))
              .revisions(base, head)
              .contentDigest(contentDigests().generate(in))
              .changes(changeSets().generate(in))
              .blastRadius(blastRadii().generate(in))
              .declaredScope(scopes().generate(in))
              .changeClass(Generate.enumValues(ChangeClass.class).generate(in))
              .criticality(Generate.enumValues(Criticality.class).generate(in))
              .securityFix(Generate.booleans().generate(in))
              .dependsOn(dependsOn)
              .claims(claims().generate(in))
              .proposedAt(instants().generate(in));
      rollbackPlans().toOptionals(15).generate(in).ifPresent(builder::rollback);
      waveIds().toOptionals(50).generate(in).ifPresent(builder::wave);
      changeRisks().toOptionals(50).generate(in).ifPresent(builder::risk);
      uris().toOptionals(50).generate(in).ifPresent(builder::spec);
      tokenMaps(Generate.range(0, 3)).generate(in).forEach(builder::label);
      return builder.build();
    };
  }

  // ---------------------------------------------------------------- review and evidence

  /** Line ranges from line 1 on. */
  public static Gen<LineRange> lineRanges() {
    return Generate.range(1, 10_000)
        .zip(Generate.range(0, 200), (start, length) -> new LineRange(start, start + length));
  }

  /** Findings, with and without a path and lines. */
  public static Gen<Finding> findings() {
    return in -> {
      Optional<RepoPath> path = repoPaths().toOptionals(20).generate(in);
      Optional<LineRange> lines =
          path.isPresent() ? lineRanges().toOptionals(30).generate(in) : Optional.empty();
      return new Finding(
          path,
          lines,
          Generate.enumValues(Severity.class).generate(in),
          Generate.enumValues(Advice.class).generate(in),
          tokens().generate(in),
          text().generate(in),
          text().toOptionals(60).generate(in),
          Generate.range(0, 1000).map(i -> i / 1000.0).generate(in));
    };
  }

  /** Abstentions of every cause. */
  public static Gen<Abstention> abstentions() {
    return Generate.enumValues(AbstainCause.class).zip(text(), Abstention::new);
  }

  /** Verdicts of every outcome; abstentions carry their cause. */
  public static Gen<Verdict> verdicts() {
    return in -> {
      VerdictOutcome outcome = Generate.enumValues(VerdictOutcome.class).generate(in);
      return new Verdict(
          changeRefs().generate(in),
          agents().generate(in),
          Generate.enumValues(RiskSurface.class).generate(in),
          outcome,
          outcome == VerdictOutcome.ABSTAIN
              ? Optional.of(abstentions().generate(in))
              : Optional.empty(),
          outcome == VerdictOutcome.ABSTAIN
              ? List.of()
              : listsOf(findings(), sizes(3, 25)).generate(in),
          contentDigests().generate(in),
          instants().generate(in));
    };
  }

  /** Check runs of every conclusion, with the tests they ran known or not. */
  public static Gen<CheckRun> checkRuns() {
    return in ->
        new CheckRun(
            text().generate(in),
            Generate.enumValues(CheckConclusion.class).generate(in),
            revisions().generate(in),
            instants().generate(in),
            uris().toOptionals(40).generate(in),
            setsOf(text(), sizes(3, 30)).toOptionals(50).generate(in));
  }

  /** Risk acceptance statements that expire after they are signed. */
  public static Gen<RiskAcceptance> riskAcceptances() {
    return in -> {
      Instant signedAt = instantsWithRoomAfter().generate(in);
      return new RiskAcceptance(
          changeRefs().generate(in),
          contentDigests().generate(in),
          policyDigests().generate(in),
          text().generate(in),
          Generate.range(0, 1000).map(i -> i / 1000.0).generate(in),
          text().generate(in),
          text().generate(in),
          tokens().generate(in),
          signedAt,
          signedAt.plus(durations().generate(in)));
    };
  }

  /** What overrides accept: whole verdicts and single findings. */
  public static Gen<OverrideSubject> overrideSubjects() {
    return in -> {
      Optional<String> rule = tokens().toOptionals(40).generate(in);
      Optional<RepoPath> path =
          rule.isPresent() ? repoPaths().toOptionals(50).generate(in) : Optional.empty();
      return new OverrideSubject(
          tokens().generate(in), Generate.enumValues(RiskSurface.class).generate(in), rule, path);
    };
  }

  /** Override statements that expire after they are signed. */
  public static Gen<VerdictOverride> verdictOverrides() {
    return in -> {
      Instant signedAt = instantsWithRoomAfter().generate(in);
      return new VerdictOverride(
          changeRefs().generate(in),
          contentDigests().generate(in),
          policyDigests().generate(in),
          overrideSubjects().generate(in),
          text().generate(in),
          tokens().generate(in),
          signedAt,
          signedAt.plus(durations().generate(in)));
    };
  }

  /** DSSE signatures: 64 random bytes under a SHA-256 key id, or an empty key id. */
  public static Gen<EnvelopeSignature> envelopeSignatures() {
    Gen<String> keyIds = Generate.frequency(Pair.of(4, hex(64)), Pair.of(1, Generate.constant("")));
    Gen<String> signatures =
        bytes(64)
            .map(b -> b.length == 0 ? new byte[] {1} : b)
            .map(java.util.Base64.getEncoder()::encodeToString);
    return keyIds.zip(signatures, EnvelopeSignature::new);
  }

  /** DSSE envelopes with random payloads of the given type and zero to three signatures. */
  public static Gen<Envelope> envelopes(String payloadType) {
    return in ->
        Envelope.of(
            payloadType,
            bytes(300).generate(in),
            listsOf(envelopeSignatures(), Generate.range(0, 3)).generate(in));
  }

  /** DSSE envelopes of several payload types. */
  public static Gen<Envelope> envelopes() {
    return Generate.pick(
            List.of(
                SignedAcceptance.PAYLOAD_TYPE,
                SignedOverride.PAYLOAD_TYPE,
                "application/vnd.in-toto+json"))
        .flatMap(ModelGenerators::envelopes);
  }

  /** Signed acceptances: envelopes of the acceptance payload type (their signatures are random). */
  public static Gen<SignedAcceptance> signedAcceptances() {
    return envelopes(SignedAcceptance.PAYLOAD_TYPE).map(SignedAcceptance::new);
  }

  /** Signed overrides: envelopes of the override payload type (their signatures are random). */
  public static Gen<SignedOverride> signedOverrides() {
    return envelopes(SignedOverride.PAYLOAD_TYPE).map(SignedOverride::new);
  }

  // ---------------------------------------------------------------- calendar

  /** One-off schedules. */
  public static Gen<Schedule.OneOff> oneOffSchedules() {
    return in -> {
      Instant start = instantsWithRoomAfter().generate(in);
      return new Schedule.OneOff(start, start.plus(durations().generate(in)), zones().generate(in));
    };
  }

  /** Schedules in force until lifted. */
  public static Gen<Schedule.UntilLifted> untilLiftedSchedules() {
    return instants().zip(zones(), Schedule.UntilLifted::new);
  }

  /**
   * GitLab-style cron freezes: random five-field expressions mixing {@code *}, values, ranges,
   * steps and lists, with month and weekday names in any case and now and then wider blanks.
   */
  public static Gen<Schedule.Cron> cronSchedules() {
    Gen<String> crons = cronExpressions();
    return crons.zip(crons, zones(), Schedule.Cron::new);
  }

  private static Gen<String> cronExpressions() {
    List<Gen<String>> fields =
        List.of(
            cronFields(0, 59, List.of()),
            cronFields(0, 23, List.of()),
            cronFields(1, 31, List.of()),
            cronFields(
                1,
                12,
                List.of(
                    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec")),
            cronFields(0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat")));
    Gen<String> blanks =
        Generate.frequency(
            Pair.of(12, Generate.constant(" ")), Pair.of(1, Generate.pick(List.of("  ", "\t"))));
    return in -> {
      StringBuilder expression = new StringBuilder(fields.get(0).generate(in));
      for (int i = 1; i < fields.size(); i++) {
        expression.append(blanks.generate(in)).append(fields.get(i).generate(in));
      }
      return expression.toString();
    };
  }

  /** One cron field over {@code [min, max]}; {@code names} spell the values from {@code min}. */
  private static Gen<String> cronFields(int min, int max, List<String> names) {
    Gen<Integer> values = Generate.range(min, max);
    Gen<Integer> steps = Generate.range(1, max + 1);
    Gen<Integer> spellings = Generate.range(0, 5);
    Gen<String> items =
        in -> {
          int a = values.generate(in);
          int b = values.generate(in);
          String low = cronValue(Math.min(a, b), min, names, spellings.generate(in));
          String high = cronValue(Math.max(a, b), min, names, spellings.generate(in));
          return switch (Generate.range(0, 2).generate(in)) {
            case 0 -> low;
            case 1 -> low + "-" + high;
            default -> low + "-" + high + "/" + steps.generate(in);
          };
        };
    return Generate.frequency(
        Pair.of(4, Generate.constant("*")),
        Pair.of(1, steps.map(step -> "*/" + step)),
        Pair.of(4, items),
        Pair.of(2, listsOf(items, Generate.range(2, 4)).map(list -> String.join(",", list))));
  }

  /** {@code value} as a number, zero-padded, or (if it has one) a name in one of three cases. */
  private static String cronValue(int value, int min, List<String> names, int spelling) {
    if (spelling == 1) {
      return digits(value, 2);
    }
    if (spelling < 2 || value - min >= names.size()) {
      return Integer.toString(value);
    }
    return spell(names.get(value - min), spelling - 2);
  }

  /** An ASCII {@code name} as given, in upper case or capitalised, by {@code style} 0, 1 or 2. */
  private static String spell(String name, int style) {
    StringBuilder spelled = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      spelled.append(style == 1 || (style == 2 && i == 0) ? Character.toUpperCase(c) : c);
    }
    return spelled.toString();
  }

  /** {@code value} in decimal, zero-padded to {@code width} digits. */
  private static String digits(int value, int width) {
    StringBuilder digits = new StringBuilder(Integer.toString(value));
    while (digits.length() < width) {
      digits.insert(0, '0');
    }
    return digits.toString();
  }

  /**
   * RFC 5545 recurrences with exceptions: random rules of the subset {@link Schedule.Recurrence}
   * accepts, their parts in any order and now and then in lower case.
   */
  public static Gen<Schedule.Recurrence> recurrenceSchedules() {
    Gen<String> rules = recurrenceRules();
    return in ->
        new Schedule.Recurrence(
            localDateTimes().generate(in),
            zones().generate(in),
            rules.generate(in),
            durations().generate(in),
            setsOf(localDateTimes(), Generate.range(0, 3)).generate(in));
  }

  private static Gen<String> recurrenceRules() {
    Gen<String> frequencies = Generate.pick(List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY"));
    Gen<String> weekdays = Generate.pick(List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU"));
    Gen<Boolean> coins = Generate.booleans();
    Gen<Integer> sizes = Generate.range(1, 4);
    Gen<String> signs = Generate.pick(List.of("", "", "+", "-"));
    // an ordinal weekday (1MO, -1FR) is the n-th of the month (up to 5) or of the year (up to 53)
    Gen<String> monthOrdinals =
        Generate.frequency(
            Pair.of(1, Generate.constant("")),
            Pair.of(1, Generate.range(1, 5).zip(signs, (n, sign) -> sign + n)));
    Gen<String> yearOrdinals =
        Generate.frequency(
            Pair.of(2, monthOrdinals),
            Pair.of(1, Generate.range(1, 53).zip(signs, (n, sign) -> sign + n)));
    Gen<String> monthDays = Generate.range(1, 31).zip(signs, (n, sign) -> sign + n);
    Gen<String> untils =
        localDateTimes()
            .zip(
                Generate.range(0, 2),
                (at, form) -> {
                  String date =
                      digits(at.getYear(), 4)
                          + digits(at.getMonthValue(), 2)
                          + digits(at.getDayOfMonth(), 2);
                  String time =
                      "T"
                          + digits(at.getHour(), 2)
                          + digits(at.getMinute(), 2)
                          + digits(at.getSecond(), 2);
                  return form == 0 ? date : date + time + (form == 2 ? "Z" : "");
                });
    return in -> {
      String frequency = frequencies.generate(in);

      List<String> parts = new ArrayList<>();
      parts.add("FREQ=" + frequency);
      if (coins.generate(in)) {
        parts.add("INTERVAL=" + Generate.range(1, 12).generate(in));
      }
      switch (Generate.range(0, 2).generate(in)) {
        case 1 -> parts.add("COUNT=" + Generate.range(1, 500).generate(in));
        case 2 -> parts.add("UNTIL=" + untils.generate(in));
        default -> {}
      }
      if (coins.generate(in)) {
        Gen<String> days =
            switch (frequency) {
              case "MONTHLY" -> monthOrdinals.zip(weekdays, (ordinal, day) -> ordinal + day);
              case "YEARLY" -> yearOrdinals.zip(weekdays, (ordinal, day) -> ordinal + day);
              default -> weekdays;
            };
        parts.add("BYDAY=" + String.join(",", listsOf(days, sizes).generate(in)));
      }
      if (!frequency.equals("WEEKLY") && coins.generate(in)) {
        parts.add("BYMONTHDAY=" + String.join(",", listsOf(monthDays, sizes).generate(in)));
      }
      if (coins.generate(in)) {
        parts.add("BYMONTH=" + numbers(1, 12, sizes).generate(in));
      }
      if (coins.generate(in)) {
        parts.add("BYHOUR=" + numbers(0, 23, sizes).generate(in));
      }
      if (coins.generate(in)) {
        parts.add("BYMINUTE=" + numbers(0, 59, sizes).generate(in));
      }
      if (coins.generate(in)) {
        parts.add("WKST=" + weekdays.generate(in));
      }
      // RFC 5545 accepts the parts in any order and in any case
      for (int i = parts.size() - 1; i > 0; i--) {
        int j = Generate.range(0, i).generate(in);
        String part = parts.get(i);
        parts.set(i, parts.get(j));
        parts.set(j, part);
      }
      if (Generate.range(0, 5).generate(in) == 0) {
        parts.replaceAll(ModelGenerators::lowerCase);
      }
      return String.join(";", parts);
    };
  }

  /** An ASCII {@code text} in lower case. */
  private static String lowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      lower.append(Character.toLowerCase(text.charAt(i)));
    }
    return lower.toString();
  }

  /** Comma lists of numbers from {@code min} to {@code max}. */
  private static Gen<String> numbers(int min, int max, Gen<Integer> sizes) {
    return listsOf(Generate.range(min, max).map(n -> Integer.toString(n)), sizes)
        .map(list -> String.join(",", list));
  }

  /**
   * Mergify-style compact schedules: one to three entries of a day or a range of days, a time range
   * within the day and a zone, the day names in any case.
   */
  public static Gen<Schedule.Compact> compactSchedules() {
    return listsOf(compactEntries(), Generate.range(1, 3))
        .zip(Generate.pick(List.of(", ", ",")), (entries, comma) -> String.join(comma, entries))
        .map(Schedule.Compact::new);
  }

  private static Gen<String> compactEntries() {
    List<String> days = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    Gen<Integer> dayIndexes = Generate.range(0, 6);
    Gen<Integer> spellings =
        Generate.frequency(Pair.of(3, Generate.constant(2)), Pair.of(1, Generate.range(0, 1)));
    Gen<Boolean> onTheHour = Generate.booleans();
    // the compact text names a zone by its id, so only ids ZoneId.of reads back will do
    Gen<String> zoneIds =
        zones().map(zone -> zone.toString()).assuming(ModelGenerators::readsBackAsZone);
    return in -> {
      int a = dayIndexes.generate(in);
      int b = dayIndexes.generate(in);
      int spelling = spellings.generate(in);
      String first = spell(days.get(Math.min(a, b)), spelling);
      String last = spell(days.get(Math.max(a, b)), spelling);
      String dayText = a == b && Generate.booleans().generate(in) ? first : first + "-" + last;
      int start;
      int end;
      if (onTheHour.generate(in)) {
        int hour = Generate.range(0, 23).generate(in);
        start = hour * 60;
        end = Generate.range(hour + 1, 24).generate(in) * 60;
      } else {
        start = Generate.range(0, 24 * 60 - 1).generate(in);
        end = Generate.range(start + 1, 24 * 60).generate(in);
      }
      return dayText + " " + clock(start) + "-" + clock(end) + "[" + zoneIds.generate(in) + "]";
    };
  }

  /** {@code HH:MM} of {@code minutes} since midnight, up to {@code 24:00}. */
  private static String clock(int minutes) {
    return digits(minutes / 60, 2) + ":" + digits(minutes % 60, 2);
  }

  private static boolean readsBackAsZone(String id) {
    try {
      return ZoneId.of(id).getId().equals(id);
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Freezes on a holiday calendar. */
  public static Gen<Schedule.Holidays> holidaySchedules() {
    return tokens().zip(zones(), Schedule.Holidays::new);
  }

  /** Schedules of every kind but {@link Schedule.ExceptHolidays}, which wraps one of these. */
  private static Gen<Schedule> plainSchedules() {
    return Generate.oneOf(
        oneOffSchedules().map(s -> (Schedule) s),
        untilLiftedSchedules().map(s -> (Schedule) s),
        cronSchedules().map(s -> (Schedule) s),
        recurrenceSchedules().map(s -> (Schedule) s),
        compactSchedules().map(s -> (Schedule) s),
        holidaySchedules().map(s -> (Schedule) s));
  }

  /** Schedules that skip a holiday calendar's days, each around a schedule of another kind. */
  public static Gen<Schedule.ExceptHolidays> exceptHolidaysSchedules() {
    return plainSchedules().zip(tokens(), zones(), Schedule.ExceptHolidays::new);
  }

  /** Schedules of every kind. */
  public static Gen<Schedule> schedules() {
    return Generate.frequency(
        Pair.of(6, plainSchedules()), Pair.of(1, exceptHolidaysSchedules().map(s -> (Schedule) s)));
  }

  /** Ranges of days, from one day to several weeks. */
  public static Gen<DateRange> dateRanges() {
    return localDates()
        .zip(Generate.range(0, 40), (first, days) -> new DateRange(first, first.plusDays(days)));
  }

  /** Holiday calendars. */
  public static Gen<HolidayCalendar> holidayCalendars() {
    return tokens()
        .zip(
            setsOf(localDates(), sizes(5, 40)),
            listsOf(dateRanges(), Generate.range(0, 3)),
            HolidayCalendar::new);
  }

  /** Freeze windows of both levels, some for an incident. */
  public static Gen<FreezeWindow> freezeWindows() {
    return in ->
        new FreezeWindow(
            tokens().generate(in),
            scopes().generate(in),
            schedules().generate(in),
            Generate.enumValues(FreezeLevel.class).generate(in),
            tokens().generate(in),
            text().generate(in),
            tokens().toOptionals(60).generate(in));
  }

  /** Merge windows. */
  public static Gen<MergeWindow> mergeWindows() {
    return in ->
        new MergeWindow(
            tokens().generate(in),
            scopes().generate(in),
            schedules().generate(in),
            tokens().generate(in),
            text().generate(in),
            tokens().toOptionals(80).generate(in));
  }

  /** Error budgets, some exhausted or overspent. */
  public static Gen<ErrorBudget> errorBudgets() {
    return in ->
        new ErrorBudget(
            tokens().generate(in),
            scopes().generate(in),
            Generate.range(-2000, 1000).map(i -> i / 1000.0).generate(in),
            instants().generate(in));
  }

  // ---------------------------------------------------------------- waves, trains, decisions

  /** Waves of one to six changes. */
  public static Gen<Wave> waves() {
    return in ->
        new Wave(
            waveIds().generate(in),
            tokens().generate(in),
            instants().generate(in),
            setsOf(changeRefs(), Generate.range(1, 6)).generate(in),
            Generate.booleans().generate(in));
  }

  /** Reasons with and without evidence. */
  public static Gen<Reason> reasons() {
    return tokens().zip(text(), tokenMaps(Generate.range(0, 3)), Reason::new);
  }

  /** Required actions. */
  public static Gen<RequiredAction> requiredActions() {
    return tokens().zip(text(), RequiredAction::new);
  }

  /** Decisions of every outcome, each explaining itself as its outcome requires. */
  public static Gen<Decision> decisions() {
    return in -> {
      Outcome outcome = Generate.enumValues(Outcome.class).generate(in);
      boolean ship = outcome == Outcome.SHIP;
      return new Decision(
          changeRefs().generate(in),
          revisions().generate(in),
          outcome,
          listsOf(reasons(), Generate.range(ship ? 0 : 1, 4)).generate(in),
          ship ? List.of() : listsOf(requiredActions(), Generate.range(0, 3)).generate(in),
          outcome == Outcome.NOT_YET ? instants().toOptionals(40).generate(in) : Optional.empty(),
          policyDigests().generate(in));
    };
  }

  /** Revert checks of every status. */
  public static Gen<RevertCheck> revertChecks() {
    return in -> {
      RevertStatus status = Generate.enumValues(RevertStatus.class).generate(in);
      List<RepoPath> conflicts =
          status == RevertStatus.CONFLICTS
              ? listsOf(repoPaths(), Generate.range(1, 4)).generate(in)
              : List.of();
      return new RevertCheck(status, conflicts);
    };
  }

  /** Cars. */
  public static Gen<Car> cars() {
    return changeRefs().zip(revisions(), contentDigests(), revertChecks(), Car::new);
  }

  /** Merge groups of distinct changes. */
  public static Gen<MergeGroup> mergeGroups() {
    // never empty: the first car of a non-empty list is always kept
    return distinctListsOf(cars(), Generate.range(1, 5), Car::change).map(MergeGroup::new);
  }

  /** Carryovers with their reasons. */
  public static Gen<Carryover> carryovers() {
    return changeRefs().zip(listsOf(reasons(), Generate.range(1, 3)), Carryover::new);
  }

  /** Trains in every state; no change appears twice. */
  public static Gen<Train> trains() {
    return in -> {
      List<Car> cars = distinctListsOf(cars(), sizes(6, 40), Car::change).generate(in);
      List<Carryover> carryovers = new ArrayList<>();
      Set<ChangeRef> boarded = new LinkedHashSet<>();
      cars.forEach(car -> boarded.add(car.change()));
      for (Carryover carryover : listsOf(carryovers(), Generate.range(0, 4)).generate(in)) {
        if (boarded.add(carryover.change())) {
          carryovers.add(carryover);
        }
      }
      List<MergeGroup> groups = new ArrayList<>();
      int i = 0;
      while (i < cars.size()) {
        int size = Generate.range(1, 4).generate(in);
        groups.add(new MergeGroup(cars.subList(i, Math.min(cars.size(), i + size))));
        i += size;
      }
      return new Train(
          trainIds().generate(in),
          scopes().generate(in),
          instants().generate(in),
          Generate.enumValues(TrainState.class).generate(in),
          groups,
          carryovers);
    };
  }

  // ---------------------------------------------------------------- other values

  /** Absolute URIs of a few schemes. */
  public static Gen<URI> uris() {
    return Generate.pick(
            List.of(
                "https://example.com/specs/",
                "https://git.example.org/acme/api/pull/",
                "urn:spec:"))
        .zip(Generate.range(1, 100_000), (prefix, n) -> URI.create(prefix + n));
  }

  private static String flipLastDigit(String hex) {
    char last = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static Map<Class<?>, Gen<?>> registry() {
    ImmutableMap.Builder<Class<?>, Gen<?>> types = ImmutableMap.builder();
    for (Class<? extends Enum<?>> type :
        List.<Class<? extends Enum<?>>>of(
            AbstainCause.class,
            Advice.class,
            BlastLevel.class,
            ChangeClass.class,
            ChangeKind.class,
            CheckConclusion.class,
            Criticality.class,
            FreezeLevel.class,
            Outcome.class,
            RevertStatus.class,
            RiskSurface.class,
            RollbackKind.class,
            SensitiveKind.class,
            Severity.class,
            TrainState.class,
            VerdictOutcome.class)) {
      types.put(type, Generate.pick(List.of(type.getEnumConstants())));
    }
    return types
        .put(Abstention.class, abstentions())
        .put(Agent.class, agents())
        .put(BlastRadius.class, blastRadii())
        .put(Car.class, cars())
        .put(Carryover.class, carryovers())
        .put(ChangeId.class, changeIds())
        .put(ChangeRef.class, changeRefs())
        .put(ChangeRequest.class, changeRequests())
        .put(ChangeRisk.class, changeRisks())
        .put(ChangeSet.class, changeSets())
        .put(CheckRun.class, checkRuns())
        .put(Claims.class, claims())
        .put(ContentDigest.class, contentDigests())
        .put(DateRange.class, dateRanges())
        .put(Decision.class, decisions())
        .put(Envelope.class, envelopes())
        .put(EnvelopeSignature.class, envelopeSignatures())
        .put(ErrorBudget.class, errorBudgets())
        .put(FeatureContribution.class, featureContributions())
        .put(FileChange.class, fileChanges())
        .put(Finding.class, findings())
        .put(FreezeWindow.class, freezeWindows())
        .put(HolidayCalendar.class, holidayCalendars())
        .put(Human.class, humans())
        .put(LineRange.class, lineRanges())
        .put(MergeGroup.class, mergeGroups())
        .put(MergeWindow.class, mergeWindows())
        .put(OverrideSubject.class, overrideSubjects())
        .put(PathGlob.class, pathGlobs())
        .put(PolicyDigest.class, policyDigests())
        .put(Principal.class, principals())
        .put(Reason.class, reasons())
        .put(RepoPath.class, repoPaths())
        .put(RequiredAction.class, requiredActions())
        .put(RevertCheck.class, revertChecks())
        .put(Revision.class, revisions())
        .put(RiskAcceptance.class, riskAcceptances())
        .put(RollbackPlan.class, rollbackPlans())
        .put(Schedule.class, schedules())
        .put(Schedule.Compact.class, compactSchedules())
        .put(Schedule.Cron.class, cronSchedules())
        .put(Schedule.Holidays.class, holidaySchedules())
        .put(Schedule.ExceptHolidays.class, exceptHolidaysSchedules())
        .put(Schedule.OneOff.class, oneOffSchedules())
        .put(Schedule.Recurrence.class, recurrenceSchedules())
        .put(Schedule.UntilLifted.class, untilLiftedSchedules())
        .put(Scope.class, scopes())
        .put(SignedAcceptance.class, signedAcceptances())
        .put(SignedOverride.class, signedOverrides())
        .put(Target.class, targets())
        .put(Train.class, trains())
        .put(TrainId.class, trainIds())
        .put(Verdict.class, verdicts())
        .put(VerdictOverride.class, verdictOverrides())
        .put(Wave.class, waves())
        .put(WaveId.class, waveIds())
        .buildOrThrow();
  }
}
