package dev.signalbox.core.policy;

import dev.signalbox.core.calendar.Hold;
import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.internal.InstantText;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Target;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one decision knows about a change's evidence, worked out once and shared by the built-in
 * rules: which verdicts count, which acceptances and overrides are valid, and why the others do
 * not. Not thread-safe; one per decision.
 */
final class Assessment {
  /** The risk surfaces in enum order, for loops that must not allocate an iterator. */
  static final RiskSurface[] SURFACES = RiskSurface.values();

  final ChangeRequest change;

  /** The change's reference, which evidence must name; built once rather than per item. */
  final ChangeRef ref;

  final ReleaseContext context;
  final PolicyDefinition definition;
  final PolicyDigest policyDigest;

  /** What the policy worked out from its definition once, for every decision. */
  final Prepared prepared;

  /** The surfaces the change needs reviewed, as {@link Prepared#surfaces} gives them. */
  final int surfaces;

  /** What each of those surfaces asks of the board. */
  final Requirement requirement;

  /** Verdicts that count, in the evidence's order. */
  final List<Verdict> counted;

  /** Why evidence was set aside, for the evidence rules' notes: by rule id. */
  final List<Reason> setAside = new ArrayList<>();

  private @Nullable List<VerifiedAcceptance> validAcceptances;
  private @Nullable List<VerifiedOverride> validOverrides;
  private @Nullable Target target;
  private @Nullable List<Hold> holds;
  private boolean nextOpenAsked;
  private @Nullable Instant nextOpen;
  private @Nullable Boolean emergencyAccepted;

  Assessment(
      ChangeRequest change,
      ReleaseContext context,
      PolicyDefinition definition,
      Prepared prepared,
      PolicyDigest policyDigest) {
    this.change = change;
    this.ref = change.ref();
    this.context = context;
    this.definition = definition;
    this.prepared = prepared;
    this.policyDigest = policyDigest;
    this.surfaces = prepared.surfaces(change);
    this.requirement = prepared.requirement(change);
    this.counted = new ArrayList<>(context.evidence().verdicts().size());
    sortVerdicts();
    // in this order, so that what is set aside is reported in an order no rule's needs decide
    validAcceptances();
    validOverrides();
  }

  Target target() {
    Target known = target;
    if (known == null) {
      known = change.target();
      target = known;
    }
    return known;
  }

  /** What the calendar holds the change by now, asked once per decision. */
  List<Hold> holds() {
    List<Hold> known = holds;
    if (known == null) {
      known = context.calendar().holds(target(), now());
      holds = known;
    }
    return known;
  }

  /** When the calendar next lets the change through, asked once per decision. */
  Optional<Instant> nextOpen() {
    if (!nextOpenAsked) {
      nextOpen = context.calendar().nextOpen(target(), now()).orElse(null);
      nextOpenAsked = true;
    }
    return Optional.ofNullable(nextOpen);
  }

  /**
   * When the change's merge windows next let it through with freezes set aside, for a change no
   * freeze holds (an accepted EMERGENCY change): the first instant from now at which no merge
   * window holds it, or empty beyond the calendar's search horizon.
   */
  Optional<Instant> nextMergeOpening() {
    Instant horizon = now().plus(ReleaseCalendar.SEARCH_HORIZON);
    Instant candidate = now();
    List<Hold> held = holds();
    while (true) {
      @Nullable Instant latest =
          null; // every scope closed now is open again by then at the soonest
      for (Hold hold : held) {
        if (hold instanceof Hold.MergeWindowClosed closed) {
          if (closed.until().isEmpty()) {
            return Optional.empty();
          }
          Instant opens = closed.until().get();
          latest = latest == null || opens.isAfter(latest) ? opens : latest;
        }
      }
      if (latest == null) {
        return Optional.of(candidate);
      }
      if (!latest.isBefore(horizon)) {
        return Optional.empty();
      }
      // each step moves strictly later: a closed scope opens after the instant it is closed at
      candidate = latest;
      held = context.calendar().holds(target(), candidate);
    }
  }

  /**
   * Whether the change is an EMERGENCY change with a valid acceptance from one of the emergency
   * acceptance roles, within that role's limits; asked once per decision.
   */
  boolean emergencyAccepted() {
    Boolean known = emergencyAccepted;
    if (known == null) {
      known =
          change.changeClass() == ChangeClass.EMERGENCY
              && acceptanceBy(definition.emergency().acceptanceRoles()) != null;
      emergencyAccepted = known;
    }
    return known;
  }

  Instant now() {
    return context.now();
  }

  private void sortVerdicts() {
    Agent producer = change.producer();
    List<TrustedVerdict> verdicts = context.evidence().verdicts();
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict verdict = verdicts.get(i).verdict();
      if (!verdict.change().equals(ref)) {
        setAside(
            Rules.FRESHNESS,
            "verdict by " + who(verdict) + " is for another change, " + verdict.change());
      } else if (!verdict.contentDigest().equals(change.contentDigest())) {
        setAside(
            Rules.FRESHNESS,
            "verdict by "
                + who(verdict)
                + " is stale: it read content "
                + verdict.contentDigest()
                + ", not "
                + change.contentDigest());
      } else if (verdict.issuedAt().isAfter(now())) {
        setAside(
            Rules.FRESHNESS,
            "verdict by "
                + who(verdict)
                + " is dated after the decision, at "
                + InstantText.of(verdict.issuedAt()));
      } else if (verdict.reviewer().id().equals(producer.id())) {
        setAside(
            Rules.SEPARATION,
            "verdict by "
                + who(verdict)
                + " does not count: "
                + verdict.reviewer().id()
                + " produced the change");
      } else if (!definition.review().sameOperator()
          && verdict.reviewer().operatorId().equals(producer.operatorId())) {
        setAside(
            Rules.SEPARATION,
            "verdict by "
                + who(verdict)
                + " does not count: its operator "
                + producer.operatorId()
                + " also operates the producer "
                + producer.id());
      } else if (tooOld(verdict)) {
        setAside(
            Rules.APPROVAL_AGE,
            "verdict by "
                + who(verdict)
                + " expired: issued at "
                + InstantText.of(verdict.issuedAt())
                + ", older than "
                + prepared.maxAge(verdict.surface()));
      } else if (verdict.abstention().isPresent()) {
        setAside(
            Rules.FRESHNESS,
            "verdict by "
                + who(verdict)
                + " abstained ("
                + verdict.abstention().get().cause()
                + "): "
                + verdict.abstention().get().detail());
      } else {
        counted.add(verdict);
      }
    }
    List<RefusedEvidence> refused = context.evidence().refused();
    for (int i = 0; i < refused.size(); i++) {
      setAside(
          Rules.FRESHNESS,
          refused.get(i).item() + " was refused: " + String.join("; ", refused.get(i).reasons()));
    }
  }

  /** How the notes name a verdict; built only for a verdict set aside. */
  private static String who(Verdict verdict) {
    return verdict.reviewer().id() + " on " + verdict.surface();
  }

  /**
   * Whether {@code verdict} was issued longer ago than its surface allows: {@code
   * Duration.between(issuedAt, now) > maxAge}, in seconds and nanoseconds, with no {@code Duration}
   * to allocate (both instants lie within RFC 3339's years, so nothing overflows).
   */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // seconds and nanoseconds both, on purpose
  private boolean tooOld(Verdict verdict) {
    @Nullable Duration maxAge = prepared.maxAge(verdict.surface());
    if (maxAge == null) {
      return false;
    }
    long seconds = now().getEpochSecond() - verdict.issuedAt().getEpochSecond();
    int nanos = now().getNano() - verdict.issuedAt().getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    return seconds != maxAge.getSeconds()
        ? seconds > maxAge.getSeconds()
        : nanos > maxAge.getNano();
  }

  private void setAside(String rule, String message) {
    setAside.add(Reason.of(rule, message));
  }

  /** Whether {@code surface} is one the change needs reviewed. */
  boolean requires(RiskSurface surface) {
    return Prepared.has(surfaces, surface);
  }

  /**
   * The acceptances that name this change, its content and this policy and are in force now; the
   * others are set aside. Whether a signer's roles may accept one is asked where it is used ({@link
   * #mayAccept}), and the acceptance-limits rule reports those no role covers.
   */
  List<VerifiedAcceptance> validAcceptances() {
    List<VerifiedAcceptance> valid = validAcceptances;
    if (valid == null) {
      List<VerifiedAcceptance> given = context.evidence().acceptances();
      valid = given.isEmpty() ? List.of() : new ArrayList<>(given.size());
      for (int i = 0; i < given.size(); i++) { // indexed: no iterator on every decision
        VerifiedAcceptance verified = given.get(i);
        RiskAcceptance acceptance = verified.acceptance();
        String problem =
            binding(
                acceptance.change().equals(ref),
                acceptance.contentDigest().equals(change.contentDigest()),
                acceptance.policyDigest().equals(policyDigest),
                !acceptance.signedAt().isAfter(now()) && acceptance.expiresAt().isAfter(now()));
        if (problem != null) {
          setAside(
              Rules.FRESHNESS,
              "risk acceptance signed by " + verified.signer().id() + " " + problem);
        } else {
          valid.add(verified);
        }
      }
      validAcceptances = valid;
    }
    return valid;
  }

  /** The overrides that name this change, its content and this policy and are in force now. */
  List<VerifiedOverride> validOverrides() {
    List<VerifiedOverride> valid = validOverrides;
    if (valid == null) {
      List<VerifiedOverride> given = context.evidence().overrides();
      valid = given.isEmpty() ? List.of() : new ArrayList<>(given.size());
      for (int i = 0; i < given.size(); i++) {
        VerifiedOverride verified = given.get(i);
        VerdictOverride override = verified.override();
        String problem =
            binding(
                override.change().equals(ref),
                override.contentDigest().equals(change.contentDigest()),
                override.policyDigest().equals(policyDigest),
                override.inForceAt(now()));
        if (problem == null && !hasAny(verified.signer(), definition.review().overrideRoles())) {
          problem =
              "does not count: "
                  + verified.signer().id()
                  + " has none of the roles that may override, "
                  + definition.review().overrideRoles();
        }
        if (problem != null) {
          setAside(Rules.FRESHNESS, "override signed by " + verified.signer().id() + " " + problem);
        } else {
          valid.add(verified);
        }
      }
      validOverrides = valid;
    }
    return valid;
  }

  private static @Nullable String binding(
      boolean sameChange, boolean sameContent, boolean samePolicy, boolean inForce) {
    if (!sameChange) {
      return "is for another change";
    }
    if (!sameContent) {
      return "is stale: it names other content";
    }
    if (!samePolicy) {
      return "names another policy";
    }
    if (!inForce) {
      return "is not in force now (expired, or signed later)";
    }
    return null;
  }

  static boolean hasAny(Human signer, Set<String> roles) {
    for (String role : signer.roles()) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code signer} has a role, among {@code roles} when that is not empty, whose limits
   * cover accepting {@code probability} for this change's blast radius.
   */
  boolean mayAccept(Human signer, double probability, Set<String> roles) {
    for (String role : signer.roles()) {
      PolicyDefinition.RoleLimits limits = definition.roles().get(role);
      if (limits != null
          && (roles.isEmpty() || roles.contains(role))
          && limits.covers(probability, change.blastRadius().level())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first valid acceptance whose signer may accept it with one of {@code roles} (any role when
   * empty), or null.
   */
  @Nullable VerifiedAcceptance acceptanceBy(Set<String> roles) {
    List<VerifiedAcceptance> valid = validAcceptances();
    for (int i = 0; i < valid.size(); i++) {
      VerifiedAcceptance verified = valid.get(i);
      if (mayAccept(verified.signer(), verified.acceptance().probability(), roles)) {
        return verified;
      }
    }
    return null;
  }

  /**
   * The first valid acceptance that names {@code finding}'s rule and whose signer has a role whose
   * limits cover it, or null.
   */
  @Nullable VerifiedAcceptance acceptanceOf(Finding finding) {
    List<VerifiedAcceptance> valid = validAcceptances();
    for (int i = 0; i < valid.size(); i++) {
      VerifiedAcceptance verified = valid.get(i);
      if (verified.acceptance().accepts(finding)
          && mayAccept(verified.signer(), verified.acceptance().probability(), Set.of())) {
        return verified;
      }
    }
    return null;
  }
}
