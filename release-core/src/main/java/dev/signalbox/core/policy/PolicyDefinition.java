package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.SensitiveKind;
import dev.signalbox.core.verification.MismatchCost;
import dev.signalbox.core.verification.MismatchKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A policy as people write it, in YAML or JSON: the settings of the built-in rules, the roles that
 * may sign, and the custom rules to add. {@link PolicyLoader} reads and checks one; {@link
 * ReleasePolicy#defaults()} documents the defaults rule by rule.
 *
 * @param name the policy's name, shown in reports
 * @param disabled the ids of built-in rules switched off
 * @param rollback the {@code rollback-plan} rule's settings
 * @param review the settings of the review rules and of {@link ReleasePolicy#requiredSurfaces}
 * @param emergency the settings of EMERGENCY changes and freezes
 * @param blastRadiusCaps the highest blast radius each change class may have without a risk
 *     acceptance; a class not named has no cap
 * @param roles what each signing role may accept; a role not named may accept nothing
 * @param custom custom rules, by the name they were registered under, with their settings
 * @param requiredChecks the {@code required-checks} rule's checks: each must have passed on the
 *     change's current head commit; none by default
 * @param claimCosts the {@code agent-claims} rule's cost of each kind of mismatch between the
 *     producing agent's claims and the change; a kind not named costs its {@linkplain
 *     MismatchKind#defaultCost() default}
 */
public record PolicyDefinition(
    String name,
    Set<String> disabled,
    Rollback rollback,
    Review review,
    Emergency emergency,
    Map<ChangeClass, BlastLevel> blastRadiusCaps,
    Map<String, RoleLimits> roles,
    List<CustomRule> custom,
    Set<String> requiredChecks,
    Map<MismatchKind, MismatchCost> claimCosts) {

  /** Checks and copies the fields. */
  public PolicyDefinition {
    Checks.token(PolicyDefinition.class, "name", name);
    disabled = Checks.tokens(PolicyDefinition.class, "disabled", disabled);
    Checks.present(PolicyDefinition.class, "rollback", rollback);
    Checks.present(PolicyDefinition.class, "review", review);
    Checks.present(PolicyDefinition.class, "emergency", emergency);
    blastRadiusCaps = Checks.map(PolicyDefinition.class, "blastRadiusCaps", blastRadiusCaps);
    roles = Checks.map(PolicyDefinition.class, "roles", roles);
    roles.keySet().forEach(role -> Checks.token(PolicyDefinition.class, "roles", role));
    custom = Checks.list(PolicyDefinition.class, "custom", custom);
    requiredChecks = Checks.texts(PolicyDefinition.class, "requiredChecks", requiredChecks);
    claimCosts = Checks.map(PolicyDefinition.class, "claimCosts", claimCosts);
  }

  /**
   * A definition that requires no checks and leaves every claim mismatch at its default cost.
   *
   * @throws InvalidValueException naming the first invalid field
   */
  public PolicyDefinition(
      String name,
      Set<String> disabled,
      Rollback rollback,
      Review review,
      Emergency emergency,
      Map<ChangeClass, BlastLevel> blastRadiusCaps,
      Map<String, RoleLimits> roles,
      List<CustomRule> custom) {
    this(
        name,
        disabled,
        rollback,
        review,
        emergency,
        blastRadiusCaps,
        roles,
        custom,
        Set.of(),
        Map.of());
  }

  /** What a mismatch of {@code kind} costs under this definition. */
  public MismatchCost claimCost(MismatchKind kind) {
    Checks.present(PolicyDefinition.class, "kind", kind);
    return claimCosts.getOrDefault(kind, kind.defaultCost());
  }

  /**
   * The {@code rollback-plan} rule's settings.
   *
   * @param irreversible the sensitive kinds that a plain revert cannot undo, such as schema
   *     migrations
   * @param forIrreversible the plan kinds that will do for those
   */
  public record Rollback(Set<SensitiveKind> irreversible, Set<RollbackKind> forIrreversible) {
    /** Checks and copies the sets; a revert never does for an irreversible change. */
    public Rollback {
      irreversible = Checks.set(Rollback.class, "irreversible", irreversible);
      forIrreversible = Checks.set(Rollback.class, "forIrreversible", forIrreversible);
      if (forIrreversible.contains(RollbackKind.REVERT)) {
        throw new InvalidValueException(
            Rollback.class,
            "forIrreversible",
            "must not contain REVERT: a revert does not undo what these kinds change",
            forIrreversible);
      }
    }
  }

  /**
   * The settings of the review rules and of the surfaces the board convenes.
   *
   * @param always the surfaces every change needs
   * @param bySensitiveKind more surfaces for changes touching each sensitive kind
   * @param byComponent more surfaces for changes touching each component
   * @param securityFixes the surfaces a security fix needs besides
   * @param docs path patterns of documentation: a change touching only these needs {@code docsOnly}
   *     instead
   * @param docsOnly the surfaces a documentation-only change needs
   * @param quorum the approvals needed per surface, by blast radius level; every level named
   * @param distinctFamilies the distinct model families among them, by blast radius level; every
   *     level named, each at most its quorum
   * @param riskyAbove a change whose calibrated probability of revert is at least this needs one
   *     more approval per surface; 1 turns this off
   * @param maxAge how old a verdict may be and still count, if limited
   * @param maxAgeBySurface a tighter or looser limit per surface
   * @param sameOperator whether an agent of the same operator as the producer counts as a reviewer;
   *     if false it counts no more than the producer does
   * @param overrideRoles the roles whose signed override can set aside a REJECT or a FIX_NOW
   *     finding
   * @param acceptanceAbove if present, the {@code risk-acceptance} rule's threshold: a change whose
   *     calibrated probability of revert is at least this ships only with a valid risk acceptance
   *     whose probability is at least that score
   */
  public record Review(
      Set<RiskSurface> always,
      Map<SensitiveKind, Set<RiskSurface>> bySensitiveKind,
      Map<String, Set<RiskSurface>> byComponent,
      Set<RiskSurface> securityFixes,
      Set<PathGlob> docs,
      Set<RiskSurface> docsOnly,
      Map<BlastLevel, Integer> quorum,
      Map<BlastLevel, Integer> distinctFamilies,
      double riskyAbove,
      Optional<Duration> maxAge,
      Map<RiskSurface, Duration> maxAgeBySurface,
      boolean sameOperator,
      Set<String> overrideRoles,
      Optional<Double> acceptanceAbove) {
    /** Checks and copies the fields. */
    public Review {
      always = Checks.set(Review.class, "always", always);
      bySensitiveKind = Checks.map(Review.class, "bySensitiveKind", bySensitiveKind);
      byComponent = Checks.map(Review.class, "byComponent", byComponent);
      securityFixes = Checks.set(Review.class, "securityFixes", securityFixes);
      docs = Checks.set(Review.class, "docs", docs);
      docsOnly = Checks.set(Review.class, "docsOnly", docsOnly);
      quorum = Checks.map(Review.class, "quorum", quorum);
      distinctFamilies = Checks.map(Review.class, "distinctFamilies", distinctFamilies);
      for (BlastLevel level : BlastLevel.values()) {
        Integer needed = quorum.get(level);
        Integer families = distinctFamilies.get(level);
        if (needed == null || needed < 1) {
          throw new InvalidValueException(
              Review.class, "quorum." + level, "must be given, at least 1", needed);
        }
        if (families == null || families < 1 || families > needed) {
          throw new InvalidValueException(
              Review.class,
              "distinctFamilies." + level,
              "must be given, from 1 to the quorum (" + needed + ")",
              families);
        }
      }
      riskyAbove = Checks.within(Review.class, "riskyAbove", riskyAbove, 0, 1);
      Checks.optional(Review.class, "maxAge", maxAge).ifPresent(age -> positive("maxAge", age));
      maxAgeBySurface = Checks.map(Review.class, "maxAgeBySurface", maxAgeBySurface);
      maxAgeBySurface.forEach((surface, age) -> positive("maxAgeBySurface." + surface, age));
      overrideRoles = Checks.tokens(Review.class, "overrideRoles", overrideRoles);
      Checks.optional(Review.class, "acceptanceAbove", acceptanceAbove)
          .ifPresent(p -> Checks.within(Review.class, "acceptanceAbove", p, 0, 1));
    }

    private static void positive(String field, Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new InvalidValueException(Review.class, field, "must be positive", age);
      }
    }

    /** How old a verdict on {@code surface} may be, if limited. */
    Optional<Duration> maxAge(RiskSurface surface) {
      Duration specific = maxAgeBySurface.get(surface);
      return specific != null ? Optional.of(specific) : maxAge;
    }
  }

  /**
   * The settings of EMERGENCY changes and freezes.
   *
   * @param acceptanceRoles the roles whose signed risk acceptance lets an EMERGENCY change ship,
   *     through freezes too
   * @param postReview how soon after shipping an EMERGENCY change must be reviewed after the fact
   * @param selectiveUnfreezeBelow if present, a change whose calibrated probability of revert is
   *     below this passes a NON_CRITICAL freeze
   */
  public record Emergency(
      Set<String> acceptanceRoles, Duration postReview, Optional<Double> selectiveUnfreezeBelow) {
    /** Checks and copies the fields. */
    public Emergency {
      acceptanceRoles = Checks.tokens(Emergency.class, "acceptanceRoles", acceptanceRoles);
      Checks.present(Emergency.class, "postReview", postReview);
      if (postReview.isNegative() || postReview.isZero()) {
        throw new InvalidValueException(
            Emergency.class, "postReview", "must be positive", postReview);
      }
      Checks.optional(Emergency.class, "selectiveUnfreezeBelow", selectiveUnfreezeBelow)
          .ifPresent(p -> Checks.within(Emergency.class, "selectiveUnfreezeBelow", p, 0, 1));
    }
  }

  /**
   * What a human with one role may accept by signing.
   *
   * @param maxProbability the highest probability of harm the role may accept
   * @param maxBlastRadius the widest blast radius the role may accept
   */
  public record RoleLimits(double maxProbability, BlastLevel maxBlastRadius) {
    /** Checks the fields. */
    public RoleLimits {
      maxProbability = Checks.within(RoleLimits.class, "maxProbability", maxProbability, 0, 1);
      Checks.present(RoleLimits.class, "maxBlastRadius", maxBlastRadius);
    }

    /**
     * Whether a human with this role may accept {@code probability} of harm for a change of blast
     * radius {@code level}: both within the limits, bounds included. The one place the limits are
     * compared ({@code acceptance-limits} and every rule asking who may accept).
     */
    public boolean covers(double probability, BlastLevel level) {
      return probability <= maxProbability && level.compareTo(maxBlastRadius) <= 0;
    }
  }

  /**
   * A custom rule in a policy file: the name it was registered under, and its settings.
   *
   * @param name the name registered on the {@link PolicyLoader}
   * @param settings the settings its factory receives
   */
  public record CustomRule(String name, Map<String, String> settings) {
    /** Checks and copies the fields. */
    public CustomRule {
      Checks.token(CustomRule.class, "name", name);
      settings = Checks.map(CustomRule.class, "settings", settings);
    }
  }
}
