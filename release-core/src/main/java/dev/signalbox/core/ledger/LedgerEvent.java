package dev.signalbox.core.ledger;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.Sha256;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.FreezeWindow;
import dev.signalbox.core.model.PolicyDigest;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Train;
import dev.signalbox.core.model.TrainId;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.signing.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Something that happened to a change, a train, a policy or a freeze, as the ledger records it.
 * Each event is a value; in JSON it carries its {@code type} (the record's name in kebab case).
 */
public sealed interface LedgerEvent {
  /** The changes the event concerns, for queries by change. */
  Set<ChangeRef> changesConcerned();

  /** The train the event concerns, if any, for queries by train. */
  default Optional<TrainId> trainConcerned() {
    return Optional.empty();
  }

  /**
   * A change was proposed (or a new revision of it).
   *
   * @param change the change
   * @param head its head revision
   * @param contentDigest its content digest
   * @param producer the id of the agent that produced it
   * @param owner the id of the accountable human
   */
  record ChangeProposed(
      ChangeRef change, Revision head, ContentDigest contentDigest, String producer, String owner)
      implements LedgerEvent {
    /** Checks the fields. */
    public ChangeProposed {
      Checks.present(ChangeProposed.class, "change", change);
      Checks.present(ChangeProposed.class, "head", head);
      Checks.present(ChangeProposed.class, "contentDigest", contentDigest);
      Checks.token(ChangeProposed.class, "producer", producer);
      Checks.token(ChangeProposed.class, "owner", owner);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }
  }

  /**
   * A change was superseded by another and will not ship.
   *
   * @param change the change superseded
   * @param supersededBy the change that replaces it
   * @param reason why
   */
  record ChangeSuperseded(ChangeRef change, ChangeRef supersededBy, String reason)
      implements LedgerEvent {
    /** Checks the fields. */
    public ChangeSuperseded {
      Checks.present(ChangeSuperseded.class, "change", change);
      Checks.present(ChangeSuperseded.class, "supersededBy", supersededBy);
      Checks.text(ChangeSuperseded.class, "reason", reason);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change, supersededBy);
    }
  }

  /**
   * A reviewer's verdict was recorded.
   *
   * @param verdict the verdict
   * @param envelopeDigest the digest of the signed envelope it was imported in, if it was
   */
  record VerdictRecorded(Verdict verdict, Optional<String> envelopeDigest) implements LedgerEvent {
    /** Checks the fields. */
    public VerdictRecorded {
      Checks.present(VerdictRecorded.class, "verdict", verdict);
      Checks.optional(VerdictRecorded.class, "envelopeDigest", envelopeDigest)
          .ifPresent(d -> Hex.sha256(VerdictRecorded.class, "envelopeDigest", d));
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(verdict.change());
    }
  }

  /**
   * The policy decided on a change.
   *
   * @param decision the decision
   * @param inputsDigest the SHA-256 (hexadecimal) of the decision's inputs, so that it can be
   *     replayed and checked
   */
  record DecisionMade(Decision decision, String inputsDigest) implements LedgerEvent {
    /** Checks the fields. */
    public DecisionMade {
      Checks.present(DecisionMade.class, "decision", decision);
      inputsDigest = Hex.sha256(DecisionMade.class, "inputsDigest", inputsDigest);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(decision.change());
    }
  }

  /**
   * A policy was adopted; the ledger stores each policy text once, by digest.
   *
   * @param digest the policy's digest: the SHA-256 of {@code policy}'s UTF-8 bytes
   * @param policy the policy's canonical JSON (RFC 8785)
   */
  record PolicyAdopted(PolicyDigest digest, String policy) implements LedgerEvent {
    /** Checks that the digest is the text's. */
    public PolicyAdopted {
      Checks.present(PolicyAdopted.class, "digest", digest);
      Checks.text(PolicyAdopted.class, "policy", policy);
      String actual = Sha256.hex(policy.getBytes(StandardCharsets.UTF_8));
      if (!actual.equals(digest.value())) {
        throw new InvalidValueException(
            PolicyAdopted.class, "digest", "must be the SHA-256 of the policy, " + actual, digest);
      }
    }

    /** The adoption of {@code policy}, with its digest computed. */
    public static PolicyAdopted of(String policy) {
      Checks.present(PolicyAdopted.class, "policy", policy);
      return new PolicyAdopted(
          PolicyDigest.of(Sha256.hex(policy.getBytes(StandardCharsets.UTF_8))), policy);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of();
    }
  }

  /**
   * A human accepted a risk; the signer comes from the key registry.
   *
   * @param acceptance the acceptance, as verified
   * @param signer the id of the principal whose registered key signed it
   * @param keyId the id of that key
   * @param envelope the signed envelope, kept as evidence
   */
  record RiskAccepted(RiskAcceptance acceptance, String signer, String keyId, Envelope envelope)
      implements LedgerEvent {
    /** Checks the fields. */
    public RiskAccepted {
      Checks.present(RiskAccepted.class, "acceptance", acceptance);
      Checks.token(RiskAccepted.class, "signer", signer);
      Checks.token(RiskAccepted.class, "keyId", keyId);
      Checks.present(RiskAccepted.class, "envelope", envelope);
    }

    /** The record of a verified acceptance. */
    public static RiskAccepted of(Verified<RiskAcceptance> verified) {
      Checks.present(RiskAccepted.class, "verified", verified);
      return new RiskAccepted(
          verified.statement(), verified.signer().id(), verified.keyId(), verified.envelope());
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(acceptance.change());
    }
  }

  /**
   * A human overrode a verdict; the signer comes from the key registry.
   *
   * @param override the override, as verified
   * @param signer the id of the principal whose registered key signed it
   * @param keyId the id of that key
   * @param envelope the signed envelope, kept as evidence
   */
  record OverrideGiven(VerdictOverride override, String signer, String keyId, Envelope envelope)
      implements LedgerEvent {
    /** Checks the fields. */
    public OverrideGiven {
      Checks.present(OverrideGiven.class, "override", override);
      Checks.token(OverrideGiven.class, "signer", signer);
      Checks.token(OverrideGiven.class, "keyId", keyId);
      Checks.present(OverrideGiven.class, "envelope", envelope);
    }

    /** The record of a verified override. */
    public static OverrideGiven of(Verified<VerdictOverride> verified) {
      Checks.present(OverrideGiven.class, "verified", verified);
      return new OverrideGiven(
          verified.statement(), verified.signer().id(), verified.keyId(), verified.envelope());
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(override.change());
    }
  }

  /**
   * A freeze was declared (the window names who declared it and why).
   *
   * @param freeze the freeze window
   */
  record FreezeDeclared(FreezeWindow freeze) implements LedgerEvent {
    /** Checks the fields. */
    public FreezeDeclared {
      Checks.present(FreezeDeclared.class, "freeze", freeze);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of();
    }
  }

  /**
   * A freeze was lifted.
   *
   * @param freezeId the id of the freeze window
   * @param liftedBy the id of the human who lifted it
   * @param reason why
   */
  record FreezeLifted(String freezeId, String liftedBy, String reason) implements LedgerEvent {
    /** Checks the fields. */
    public FreezeLifted {
      Checks.token(FreezeLifted.class, "freezeId", freezeId);
      Checks.token(FreezeLifted.class, "liftedBy", liftedBy);
      Checks.text(FreezeLifted.class, "reason", reason);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of();
    }
  }

  /**
   * A train was planned.
   *
   * @param train the plan: its cars in merge groups and what was carried over
   */
  record TrainPlanned(Train train) implements LedgerEvent {
    /** Checks the fields. */
    public TrainPlanned {
      Checks.present(TrainPlanned.class, "train", train);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of();
    }

    @Override
    public Optional<TrainId> trainConcerned() {
      return Optional.of(train.id());
    }
  }

  /**
   * A train departed: its merges are on the target branch.
   *
   * @param train the train
   * @param head the revision the target branch points to after it
   */
  record TrainDeparted(TrainId train, Revision head) implements LedgerEvent {
    /** Checks the fields. */
    public TrainDeparted {
      Checks.present(TrainDeparted.class, "train", train);
      Checks.present(TrainDeparted.class, "head", head);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of();
    }

    @Override
    public Optional<TrainId> trainConcerned() {
      return Optional.of(train);
    }
  }

  /**
   * A change shipped on a train.
   *
   * @param change the change
   * @param revision the head revision shipped
   * @param contentDigest its content digest
   * @param train the train it shipped on
   */
  record ChangeShipped(
      ChangeRef change, Revision revision, ContentDigest contentDigest, TrainId train)
      implements LedgerEvent {
    /** Checks the fields. */
    public ChangeShipped {
      Checks.present(ChangeShipped.class, "change", change);
      Checks.present(ChangeShipped.class, "revision", revision);
      Checks.present(ChangeShipped.class, "contentDigest", contentDigest);
      Checks.present(ChangeShipped.class, "train", train);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }

    @Override
    public Optional<TrainId> trainConcerned() {
      return Optional.of(train);
    }
  }

  /**
   * A change was carried over from a train, with reasons.
   *
   * @param change the change
   * @param train the train it did not board
   * @param reasons why
   */
  record ChangeDeferred(ChangeRef change, TrainId train, List<Reason> reasons)
      implements LedgerEvent {
    /** Checks the fields; there must be a reason. */
    public ChangeDeferred {
      Checks.present(ChangeDeferred.class, "change", change);
      Checks.present(ChangeDeferred.class, "train", train);
      reasons = Checks.nonEmptyList(ChangeDeferred.class, "reasons", reasons);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }

    @Override
    public Optional<TrainId> trainConcerned() {
      return Optional.of(train);
    }
  }

  /**
   * A shipped change was rolled back.
   *
   * @param change the change
   * @param revision the revision rolled back
   * @param reason why
   */
  record ChangeRolledBack(ChangeRef change, Revision revision, String reason)
      implements LedgerEvent {
    /** Checks the fields. */
    public ChangeRolledBack {
      Checks.present(ChangeRolledBack.class, "change", change);
      Checks.present(ChangeRolledBack.class, "revision", revision);
      Checks.text(ChangeRolledBack.class, "reason", reason);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }
  }

  /**
   * What came of a change, observed later: the input of the calibration report.
   *
   * @param change the change
   * @param consequence what came of it
   * @param detail what happened, such as an incident id
   * @param observedAt when it was observed
   */
  record OutcomeRecorded(
      ChangeRef change, Consequence consequence, String detail, Instant observedAt)
      implements LedgerEvent {
    /** Checks the fields. */
    public OutcomeRecorded {
      Checks.present(OutcomeRecorded.class, "change", change);
      Checks.present(OutcomeRecorded.class, "consequence", consequence);
      Checks.text(OutcomeRecorded.class, "detail", detail);
      Checks.instant(OutcomeRecorded.class, "observedAt", observedAt);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }
  }

  /**
   * An emergency change shipped without the full review and owes a post-review by {@code dueBy}.
   *
   * @param change the change
   * @param dueBy when the post-review is due
   */
  record EmergencyPostReviewDue(ChangeRef change, Instant dueBy) implements LedgerEvent {
    /** Checks the fields. */
    public EmergencyPostReviewDue {
      Checks.present(EmergencyPostReviewDue.class, "change", change);
      Checks.instant(EmergencyPostReviewDue.class, "dueBy", dueBy);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }
  }

  /**
   * An emergency change's post-review was done.
   *
   * @param change the change
   * @param reviewer the id of who reviewed it
   * @param summary what the review found
   */
  record EmergencyPostReviewDone(ChangeRef change, String reviewer, String summary)
      implements LedgerEvent {
    /** Checks the fields. */
    public EmergencyPostReviewDone {
      Checks.present(EmergencyPostReviewDone.class, "change", change);
      Checks.token(EmergencyPostReviewDone.class, "reviewer", reviewer);
      Checks.text(EmergencyPostReviewDone.class, "summary", summary);
    }

    @Override
    public Set<ChangeRef> changesConcerned() {
      return Set.of(change);
    }
  }
}
