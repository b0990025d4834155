package dev.signalbox.core.policy;

import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a policy works out from its definition once, when it is built, in the form every decision
 * reads: the risk surfaces each change needs as bit sets, the {@link Requirement} of each blast
 * radius level, each surface's maximum verdict age, and the role lists that messages name.
 *
 * <p>It decides nothing the definition does not say: {@link #surfaces} gives what {@link
 * ReleasePolicy#requiredSurfaces} documents. Immutable and thread-safe.
 */
@SuppressWarnings("EnumOrdinal") // bit sets and arrays by ordinal, built and read only here
final class Prepared {
  private static final RiskSurface[] SURFACES = RiskSurface.values();
  private static final BlastLevel[] LEVELS = BlastLevel.values();

  private final PolicyDefinition.Review review;
  private final int always;
  private final int[] bySensitiveKind;

  /** The sensitive kinds that add surfaces, in enum order: asked of a change's set one by one. */
  private final SensitiveKind[] addingKinds;

  private final Map<String, Integer> byComponent;
  private final int securityFixes;
  private final int docsOnly;

  /** By blast radius level: the requirement, then the one for a risky change. */
  private final Requirement[][] requirements;

  private final @Nullable Duration[] maxAge;

  /** The documentation paths as a scope (its patterns' shapes worked out once), or null if none. */
  private final @Nullable Scope docs;

  /** The kinds a plain revert cannot undo, in enum order. */
  final SensitiveKind[] irreversible;

  /** The roles that may override, as messages name them. */
  final String overrideRoles;

  /** The roles with acceptance limits, as messages name them. */
  final String acceptanceRoles;

  /** The roles that may accept an EMERGENCY change, as messages name them. */
  final String emergencyRoles;

  Prepared(PolicyDefinition definition) {
    this.review = definition.review();
    this.always = bits(review.always());
    this.bySensitiveKind = new int[SensitiveKind.values().length];
    review
        .bySensitiveKind()
        .forEach((kind, surfaces) -> bySensitiveKind[kind.ordinal()] = bits(surfaces));
    EnumSet<SensitiveKind> adding = EnumSet.noneOf(SensitiveKind.class);
    for (SensitiveKind kind : SensitiveKind.values()) {
      if (bySensitiveKind[kind.ordinal()] != 0) {
        adding.add(kind);
      }
    }
    this.addingKinds = adding.toArray(new SensitiveKind[0]);
    Map<String, Integer> components = new HashMap<>();
    review
        .byComponent()
        .forEach((component, surfaces) -> components.put(component, bits(surfaces)));
    this.byComponent = Map.copyOf(components);
    this.securityFixes = bits(review.securityFixes());
    this.docsOnly = bits(review.docsOnly());
    this.requirements = new Requirement[LEVELS.length][];
    for (BlastLevel level : LEVELS) {
      int quorum = review.quorum().getOrDefault(level, 1); // every level is given
      int families = review.distinctFamilies().getOrDefault(level, 1);
      requirements[level.ordinal()] =
          new Requirement[] {
            new Requirement(quorum, Math.min(quorum, families), review.sameOperator()),
            new Requirement(quorum + 1, Math.min(quorum + 1, families), review.sameOperator())
          };
    }
    this.maxAge = new Duration[SURFACES.length];
    for (RiskSurface surface : SURFACES) {
      maxAge[surface.ordinal()] = review.maxAge(surface).orElse(null);
    }
    this.docs =
        review.docs().isEmpty() ? null : new Scope(Set.of(), review.docs(), Set.of(), Set.of());
    EnumSet<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
    kinds.addAll(definition.rollback().irreversible());
    this.irreversible = kinds.toArray(new SensitiveKind[0]);
    this.overrideRoles = roles(review.overrideRoles());
    this.acceptanceRoles = roles(definition.roles().keySet());
    this.emergencyRoles = roles(definition.emergency().acceptanceRoles());
  }

  /** How a message names {@code roles}: in order, joined by "or". */
  static String roles(Set<String> roles) {
    return roles.isEmpty() ? "(none configured)" : String.join(" or ", new TreeSet<>(roles));
  }

  /**
   * The surfaces {@code change} needs reviewed, as bits by ordinal: the docs-only surfaces for a
   * documentation-only change; otherwise those every change needs and those of its sensitive kinds,
   * components and security fix.
   */
  int surfaces(ChangeRequest change) {
    if (docs != null && Rules.docsOnly(change, docs)) {
      return docsOnly;
    }
    int surfaces = always;
    Set<SensitiveKind> kinds = change.blastRadius().sensitiveKinds();
    if (!kinds.isEmpty()) { // asked kind by kind: walking the set would allocate an iterator
      for (SensitiveKind kind : addingKinds) {
        if (kinds.contains(kind)) {
          surfaces |= bySensitiveKind[kind.ordinal()];
        }
      }
    }
    if (!byComponent.isEmpty()) {
      for (String component : change.blastRadius().components()) {
        surfaces |= byComponent.getOrDefault(component, 0);
      }
    }
    if (change.securityFix()) {
      surfaces |= securityFixes;
    }
    return surfaces;
  }

  /**
   * What each surface {@code change} needs asks of the board: the quorum of its blast radius level,
   * one more where its calibrated risk is high.
   */
  Requirement requirement(ChangeRequest change) {
    boolean risky =
        review.riskyAbove() < 1
            && change.risk().isPresent()
            && change.risk().get().probability() >= review.riskyAbove();
    return requirements[change.blastRadius().level().ordinal()][risky ? 1 : 0];
  }

  /** Whether {@code surface} is among {@code surfaces}, bits as {@link #surfaces} gives them. */
  static boolean has(int surfaces, RiskSurface surface) {
    return (surfaces & (1 << surface.ordinal())) != 0;
  }

  /** How old a verdict on {@code surface} may be, or null when it may be any age. */
  @Nullable Duration maxAge(RiskSurface surface) {
    return maxAge[surface.ordinal()];
  }

  private static int bits(Set<RiskSurface> surfaces) {
    int bits = 0;
    for (RiskSurface surface : surfaces) {
      bits |= 1 << surface.ordinal();
    }
    return bits;
  }
}
