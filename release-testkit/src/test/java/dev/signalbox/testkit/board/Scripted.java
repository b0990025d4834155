package dev.signalbox.testkit.board;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOutcome;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.testkit.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer that follows a script in virtual time: for its n-th call on a surface, it waits the
 * n-th step's delay by {@link VirtualTime#sleep} and then does the step's act (the last step
 * repeats). It records when each call started and how many were interrupted.
 */
final class Scripted implements Reviewer {
  /** An agent that never sits on a board, for verdicts that impersonate it. */
  static final Agent SECURITY_LEAD = new Agent("sec-lead", "gpt-5", "gpt", "op-review");

  /** What a step does once its delay has passed. */
  enum Act {
    APPROVE,
    REJECT,
    DECLINE,
    HANG,
    CRASH,
    PERMANENT,
    TRANSIENT,
    RATE_LIMITED,
    NO_VERDICT,
    INVALID,
    OTHER_SURFACE,
    OTHER_CHANGE,
    STALE,
    IMPERSONATE
  }

  /** How long a rate-limited step tells the board to wait. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(90);

  static final ContentDigest OTHER_DIGEST = ContentDigest.of("e".repeat(64));

  /**
   * One call's behaviour.
   *
   * @param delay how long it takes, in virtual time
   * @param act what it then does
   */
  record Step(Duration delay, Act act) {
    @Override
    public String toString() {
      return act + " after " + delay;
    }
  }

  private final VirtualTime time;
  private final Agent identity;
  private final Set<RiskSurface> surfaces;
  private final List<Step> script;
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<RiskSurface, AtomicInteger> callsBySurface = new ConcurrentHashMap<>();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final List<Instant> started = Collections.synchronizedList(new ArrayList<>());
  private final List<ReviewRequest> requests = Collections.synchronizedList(new ArrayList<>());

  Scripted(VirtualTime time, Agent identity, Set<RiskSurface> surfaces, List<Step> script) {
    this.time = time;
    this.identity = identity;
    this.surfaces = Set.copyOf(surfaces);
    this.script = List.copyOf(script);
  }

  static Scripted of(VirtualTime time, Agent identity, Set<RiskSurface> surfaces, Step... script) {
    return new Scripted(time, identity, surfaces, List.of(script));
  }

  static Step step(long seconds, Act act) {
    return new Step(Duration.ofSeconds(seconds), act);
  }

  List<Step> script() {
    return script;
  }

  int calls() {
    return calls.get();
  }

  int interrupted() {
    return interrupted.get();
  }

  List<Instant> started() {
    synchronized (started) {
      return List.copyOf(started);
    }
  }

  List<ReviewRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public Agent identity() {
    return identity;
  }

  @Override
  public Set<RiskSurface> surfaces() {
    return surfaces;
  }

  @Override
  @SuppressWarnings("NullAway") // NO_VERDICT returns null on purpose, as a broken adapter might
  public Verdict review(ReviewRequest request) throws Exception {
    calls.incrementAndGet();
    // the n-th attempt on a surface follows the n-th step, whatever runs on other surfaces
    int call =
        callsBySurface
            .computeIfAbsent(request.surface(), s -> new AtomicInteger())
            .getAndIncrement();
    started.add(time.now());
    requests.add(request);
    Step step = script.get(Math.min(call, script.size() - 1));
    try {
      time.sleep(step.act() == Act.HANG ? Duration.ofDays(365) : step.delay());
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      throw e;
    }
    return switch (step.act()) {
      case APPROVE -> verdict(request, identity, VerdictOutcome.APPROVE);
      case REJECT -> verdict(request, identity, VerdictOutcome.REJECT);
      case DECLINE ->
          Verdict.abstain(
              request.change().ref(),
              identity,
              request.surface(),
              request.contentDigest(),
              time.now(),
              AbstainCause.DECLINED,
              "nothing here I can judge");
      case HANG -> throw new AssertionError("slept a year");
      case CRASH -> throw new IllegalStateException("the agent crashed: out of memory");
      case PERMANENT -> throw ReviewFailure.permanent("401: the API key was refused", null);
      case TRANSIENT -> throw ReviewFailure.transientFailure("503 from the model's API", null);
      case RATE_LIMITED -> throw ReviewFailure.retryAfter("429: slow down", RETRY_AFTER);
      case NO_VERDICT -> nothing();
      case INVALID ->
          throw new InvalidValueException(
              Verdict.class, "outcome", "must be APPROVE, REJECT or ABSTAIN", "LGTM");
      case OTHER_SURFACE ->
          new Verdict(
              request.change().ref(),
              identity,
              request.surface() == RiskSurface.DOCS ? RiskSurface.SECURITY : RiskSurface.DOCS,
              VerdictOutcome.APPROVE,
              Optional.empty(),
              List.of(),
              request.contentDigest(),
              time.now());
      case OTHER_CHANGE ->
          new Verdict(
              ChangeRef.of("acme/other", "1"),
              identity,
              request.surface(),
              VerdictOutcome.APPROVE,
              Optional.empty(),
              List.of(),
              request.contentDigest(),
              time.now());
      case STALE ->
          new Verdict(
              request.change().ref(),
              identity,
              request.surface(),
              VerdictOutcome.APPROVE,
              Optional.empty(),
              List.of(),
              OTHER_DIGEST,
              time.now());
      case IMPERSONATE -> verdict(request, SECURITY_LEAD, VerdictOutcome.APPROVE);
    };
  }

  private static @Nullable Verdict nothing() {
    return null;
  }

  private Verdict verdict(ReviewRequest request, Agent who, VerdictOutcome outcome) {
    return new Verdict(
        request.change().ref(),
        who,
        request.surface(),
        outcome,
        Optional.empty(),
        List.of(),
        request.contentDigest(),
        time.now());
  }

  @Override
  public String toString() {
    return identity.id() + " " + script;
  }
}
