package dev.signalbox.core.policy;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.internal.CanonicalJson;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RiskSurface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A release policy: the rules that decide, for one change in one context, whether it ships now
 * ({@code SHIP}), not yet ({@code NOT_YET}, with what is missing and the earliest retry), or goes
 * back for a new revision ({@code SEND_BACK}) — and what the review board must convene for it.
 *
 * <p>{@link #decide} is a pure function of the change and the context: no I/O, no clock, the same
 * decision for equal inputs whatever the order of their collections. It fails closed: evidence that
 * did not verify, is stale, or came from someone who may not give it counts for nothing (and is
 * reported); missing evidence never gives SHIP; a custom rule that throws holds the change. Every
 * decision records the policy's {@linkplain #digest() digest}, and every non-SHIP decision names at
 * least one rule with its reason and the actions that would make it pass.
 *
 * <p>The built-in rules, each configured by the {@link PolicyDefinition} and switched off by id:
 *
 * <ul>
 *   <li>{@code rollback-plan} — no rollback plan sends the change back; a change touching an
 *       irreversible kind (a schema migration by default) needs a plan other than a plain revert;
 *   <li>{@code scope-drift} — changed paths outside the declared scope send it back, named;
 *   <li>{@code dependencies} — a dependency not in the context's {@code satisfied} set (shipped, or
 *       boarding an earlier merge group) holds it;
 *   <li>{@code review-quorum} — per {@linkplain #requiredSurfaces surface}, enough counted APPROVE
 *       verdicts from enough model families; any counted REJECT sends the change back unless a
 *       valid override names it;
 *   <li>{@code fix-now} — a FIX_NOW finding in a counted verdict holds it unless a valid override
 *       names the finding (or its whole verdict), or a valid risk acceptance names the finding's
 *       rule and its signer has a role whose limits cover it;
 *   <li>{@code emergency} — an EMERGENCY change needs a valid risk acceptance from an acceptance
 *       role, and its decision records the post-review deadline;
 *   <li>{@code freeze} — a freeze that holds the change (NON_CRITICAL: all but P0 and security
 *       fixes; ALL: everything) holds it until the calendar opens, except an EMERGENCY change with
 *       a valid acceptance, and, where configured, a change whose calibrated risk is below the
 *       selective-unfreeze threshold under a NON_CRITICAL freeze (its note's evidence says {@code
 *       exemption: selective-unfreeze}, which the decision and its ledger entry keep);
 *   <li>{@code merge-window} — outside its scope's merge window a change waits for the next opening
 *       (for an accepted EMERGENCY change, which no freeze holds, the merge windows' opening,
 *       whatever freezes are in force then);
 *   <li>{@code error-budget} — an exhausted error budget whose scope applies holds all but P0
 *       changes and security fixes;
 *   <li>{@code blast-radius-cap} — a blast radius above its class's cap needs a risk acceptance
 *       from a role whose limits reach it;
 *   <li>{@code risk-acceptance} — where configured ({@code review.acceptanceAbove}), a change whose
 *       calibrated risk is at least the threshold needs a valid risk acceptance whose probability
 *       is at least its score ({@link AcceptanceDraft} pre-fills one);
 *   <li>{@code required-checks} — each check the policy names must have passed (SUCCESS or NEUTRAL)
 *       on the change's current head commit; runs on other commits are stale and count for nothing;
 *       a check not run there (or SKIPPED) holds the change, one that ended FAILURE, TIMED_OUT or
 *       CANCELLED sends it back;
 *   <li>{@code agent-claims} — every mismatch between the producing agent's claims and the change
 *       and its checks ({@link dev.signalbox.core.verification.ClaimsReport}) costs what the policy
 *       sets per kind: by default a claimed file, deletion or test that is absent sends the change
 *       back, an unclaimed file inside the declared scope or a claimed test no check ran holds it,
 *       and an unclaimed file outside the scope (scope drift) is noted;
 *   <li>{@code acceptance-limits}, {@code evidence-freshness}, {@code separation-of-duties}, {@code
 *       approval-age} — report what was set aside: acceptances beyond the signer's roles' limits;
 *       stale, misdirected, refused or abstaining evidence; verdicts by the producer (or an agent
 *       of its operator); verdicts older than the maximum age.
 * </ul>
 *
 * <p>A verdict counts when a board run in this process or a registered key vouches for it (only
 * such values exist), it names this change and its current content digest, it is not dated after
 * the decision, it is not older than the surface's maximum age, and its reviewer is neither the
 * producer nor (unless configured) an agent of the producer's operator. An acceptance or override
 * counts when it names this change, its content digest and this policy's digest, is in force at the
 * decision's instant, and its signer has a role — from the key registry — whose limits cover it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReleasePolicy {
  private static final DocumentCodec JSON = DocumentCodec.json();

  private final PolicyDefinition definition;
  private final PolicyDigest digest;
  private final List<Rules.BuiltIn> builtIns;
  private final List<Rule> custom;
  private final Prepared prepared;

  ReleasePolicy(PolicyDefinition definition, List<Rule> custom) {
    this.definition = definition;
    this.digest = PolicyDigest.of(CanonicalJson.sha256Hex(JSON.toTree(definition)));
    ImmutableList.Builder<Rules.BuiltIn> rules = ImmutableList.builder();
    for (String id : Rules.IDS) {
      if (!definition.disabled().contains(id)) {
        rules.add(Rules.of(id));
      }
    }
    this.builtIns = rules.build();
    this.custom = List.copyOf(custom);
    this.prepared = new Prepared(definition);
  }

  /** The built-in default policy, as {@link DefaultPolicy} describes it rule by rule. */
  public static ReleasePolicy defaults() {
    return DefaultPolicy.POLICY;
  }

  /** A loader of policies from files, with custom rules registered by name. */
  public static PolicyLoader loader() {
    return new PolicyLoader();
  }

  /** The definition this policy was built from. */
  public PolicyDefinition definition() {
    return definition;
  }

  /**
   * The policy's digest: SHA-256 of its definition's canonical JSON (RFC 8785), which decisions,
   * acceptances and ledger entries record.
   */
  public PolicyDigest digest() {
    return digest;
  }

  /**
   * The policy's definition as canonical JSON (RFC 8785): the text whose SHA-256 is the {@linkplain
   * #digest() digest}, as a ledger's {@code PolicyAdopted} entry records it.
   */
  public String canonicalJson() {
    return CanonicalJson.canonicalize(JSON.toTree(definition));
  }

  /**
   * The ids of the rules this policy runs, in the order it runs them: the built-in rules not
   * switched off, then the custom rules.
   */
  public List<String> ruleIds() {
    List<String> ids = new ArrayList<>(builtIns.size() + custom.size());
    builtIns.forEach(rule -> ids.add(rule.id()));
    custom.forEach(rule -> ids.add(safeId(rule)));
    return List.copyOf(ids);
  }

  /**
   * The risk surfaces the review board must convene for {@code change}, each with its quorum and
   * distinct model families: a documentation-only change needs the docs surfaces; any other needs
   * the surfaces every change needs, plus those of its sensitive kinds, components and security
   * fix, with the quorum of its blast radius level, one more where its calibrated risk is high, and
   * whether an agent of the producer's operator may review it.
   */
  public Map<RiskSurface, Requirement> requiredSurfaces(ChangeRequest change) {
    Checks.present(ReleasePolicy.class, "change", change);
    int surfaces = prepared.surfaces(change);
    Requirement requirement = prepared.requirement(change);
    Map<RiskSurface, Requirement> required = new EnumMap<>(RiskSurface.class);
    for (RiskSurface surface : Assessment.SURFACES) {
      if (Prepared.has(surfaces, surface)) {
        required.put(surface, requirement);
      }
    }
    return Collections.unmodifiableMap(required);
  }

  /**
   * Decides whether {@code change} ships in {@code context}.
   *
   * @throws dev.signalbox.core.InvalidValueException if either argument is null
   */
  public Decision decide(ChangeRequest change, ReleaseContext context) {
    Checks.present(ReleasePolicy.class, "change", change);
    Checks.present(ReleasePolicy.class, "context", context);
    Assessment assessment = new Assessment(change, context, definition, prepared, digest);
    int builtInCount = builtIns.size();
    RuleResult[] results = new RuleResult[builtInCount + custom.size()];
    for (int i = 0; i < builtInCount; i++) { // indexed: this runs on every decision
      results[i] = builtIns.get(i).evaluate(assessment);
    }
    for (int i = 0; i < custom.size(); i++) {
      results[builtInCount + i] = evaluate(custom.get(i), change, context);
    }
    return decision(assessment.ref, change, results);
  }

  /** A custom rule's result; one that throws or returns nothing holds the change. */
  private static RuleResult evaluate(Rule rule, ChangeRequest change, ReleaseContext context) {
    String id = safeId(rule);
    try {
      @Nullable RuleResult result = rule.evaluate(change, context);
      if (result == null) {
        return RuleResult.notYet(Reason.of(id, "rule " + id + " returned no result"));
      }
      return result;
    } catch (RuntimeException e) {
      return RuleResult.notYet(
          Reason.of(
              id,
              "rule " + id + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()),
          new RequiredAction(id, "fix rule " + id + ", or remove it from the policy"));
    }
  }

  private static String safeId(Rule rule) {
    try {
      String id = rule.id();
      return Checks.token(Rule.class, "id", id);
    } catch (RuntimeException e) {
      return rule.getClass().getName();
    }
  }

  private Decision decision(ChangeRef ref, ChangeRequest change, RuleResult[] results) {
    // first what the rules say, then lists of exactly that size: the decision keeps them as built;
    // each result is read as its own record class, which the JIT calls directly
    boolean sendBack = false;
    int held = 0; // the results that hold the change or send it back
    @Nullable Instant retry = null;
    boolean timed = false;
    int reasonCount = 0;
    int requiredCount = 0;
    for (RuleResult result : results) {
      if (result instanceof RuleResult.Pass pass) {
        reasonCount += pass.reasons().size();
        continue;
      }
      held++;
      if (result instanceof RuleResult.SendBack back) {
        sendBack = true;
        reasonCount += back.reasons().size();
        requiredCount += back.required().size();
      } else {
        RuleResult.NotYet wait = (RuleResult.NotYet) result;
        reasonCount += wait.reasons().size();
        requiredCount += wait.required().size();
        if (wait.retryAt().isPresent()) {
          timed = true;
          Instant at = wait.retryAt().get();
          retry = retry == null || at.isAfter(retry) ? at : retry;
        }
      }
    }
    // the reasons of the rules that hold or send back, in rule order, then the notes of the rest
    ImmutableList.Builder<Reason> reasons = ImmutableList.builderWithExpectedSize(reasonCount);
    ImmutableList.Builder<RequiredAction> required =
        ImmutableList.builderWithExpectedSize(requiredCount);
    if (held > 0) {
      for (RuleResult result : results) {
        if (result instanceof RuleResult.SendBack back) {
          addAll(reasons, back.reasons());
          addAll(required, back.required());
        } else if (result instanceof RuleResult.NotYet wait) {
          addAll(reasons, wait.reasons());
          addAll(required, wait.required());
        }
      }
    }
    if (reasonCount > 0) {
      for (RuleResult result : results) {
        if (result instanceof RuleResult.Pass pass) {
          addAll(reasons, pass.reasons());
        }
      }
    }
    if (sendBack) {
      return Decision.sendBack(ref, change.head(), reasons.build(), required.build(), digest);
    }
    if (held > 0) {
      return Decision.notYet(
          ref,
          change.head(),
          reasons.build(),
          required.build(),
          timed ? Optional.ofNullable(retry) : Optional.empty(),
          digest);
    }
    return Decision.ship(ref, change.head(), reasons.build(), digest);
  }

  /** Adds {@code items} one by one: {@code addAll} would copy them to an array first. */
  private static <T> void addAll(ImmutableList.Builder<T> builder, List<T> items) {
    for (int i = 0; i < items.size(); i++) {
      builder.add(items.get(i));
    }
  }

  @Override
  public String toString() {
    return "ReleasePolicy[" + definition.name() + ", " + digest + "]";
  }
}
