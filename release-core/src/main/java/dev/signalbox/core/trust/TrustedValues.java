package dev.signalbox.core.trust;

import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import dev.signalbox.core.policy.BoardResult;
import dev.signalbox.core.policy.TrustedVerdict;
import dev.signalbox.core.policy.VerifiedAcceptance;
import dev.signalbox.core.policy.VerifiedOverride;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates the values the policy trusts: verdicts from a board run or a verified signature, and
 * acceptances and overrides whose signatures were verified against the key registry.
 *
 * <p>Whoever calls these vouches for what they pass: that a verdict came out of a board run in this
 * process or carried a valid signature by {@code keyId}, and that {@code signer} is the human the
 * key registry names for {@code keyId}, with the roles it gives. Thread-safe.
 */
public final class TrustedValues {
  private static volatile @Nullable Minter minter;

  private TrustedValues() {}

  /** What the policy package gives this class so that it can create the policy's trusted types. */
  public interface Minter {
    /** A trusted verdict; {@code keyId} is empty for one that a board run in this process made. */
    TrustedVerdict verdict(Verdict verdict, Optional<String> keyId);

    /** A verified acceptance, signed by {@code signer} with {@code keyId}. */
    VerifiedAcceptance acceptance(RiskAcceptance acceptance, Human signer, String keyId);

    /** A verified override, signed by {@code signer} with {@code keyId}. */
    VerifiedOverride override(VerdictOverride override, Human signer, String keyId);

    /** The result of a board run. */
    BoardResult board(
        ChangeRef change,
        ContentDigest contentDigest,
        List<TrustedVerdict> verdicts,
        List<String> notes);
  }

  /**
   * Installs the policy package's minter; called once, by that package's class initialisation.
   *
   * @throws IllegalStateException if a minter is installed already
   */
  public static synchronized void install(Minter minter) {
    if (TrustedValues.minter != null) {
      throw new IllegalStateException("a minter is installed already");
    }
    TrustedValues.minter = minter;
  }

  /** A verdict that a review board run in this process produced (or normalised). */
  public static TrustedVerdict fromBoard(Verdict verdict) {
    return minter().verdict(verdict, Optional.empty());
  }

  /** A verdict imported in a DSSE envelope whose signature by {@code keyId} was verified. */
  public static TrustedVerdict signed(Verdict verdict, String keyId) {
    return minter().verdict(verdict, Optional.of(keyId));
  }

  /** An acceptance whose envelope {@code signer}'s registered key {@code keyId} signed. */
  public static VerifiedAcceptance acceptance(
      RiskAcceptance acceptance, Human signer, String keyId) {
    return minter().acceptance(acceptance, signer, keyId);
  }

  /** An override whose envelope {@code signer}'s registered key {@code keyId} signed. */
  public static VerifiedOverride override(VerdictOverride override, Human signer, String keyId) {
    return minter().override(override, signer, keyId);
  }

  /** The result of a board run in this process. */
  public static BoardResult board(
      ChangeRef change,
      ContentDigest contentDigest,
      List<TrustedVerdict> verdicts,
      List<String> notes) {
    return minter().board(change, contentDigest, verdicts, notes);
  }

  private static Minter minter() {
    Minter installed = minter;
    if (installed == null) {
      try {
        // initialising the policy's trusted type installs its minter
        Class.forName(TrustedVerdict.class.getName(), true, TrustedVerdict.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      installed = minter;
      if (installed == null) {
        throw new IllegalStateException("the policy package installed no minter");
      }
    }
    return installed;
  }
}
