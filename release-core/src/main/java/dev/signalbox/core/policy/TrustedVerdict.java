package dev.signalbox.core.policy;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.trust.TrustedValues;
import java.util.Objects;
import java.util.Optional;

/**
 * A verdict the policy may count: it came out of a review board run in this process, or was
 * imported in a DSSE envelope signed by the reviewer's registered key.
 *
 * <p>Only the board and the evidence verifier create these; there is no public constructor and no
 * JSON reader. Whether a trusted verdict counts (fresh, by an eligible reviewer, young enough) is
 * still the policy's decision. Immutable and thread-safe.
 */
public final class TrustedVerdict {
  static {
    TrustedValues.install(new Mint());
  }

  private final Verdict verdict;
  private final Optional<String> keyId;

  TrustedVerdict(Verdict verdict, Optional<String> keyId) {
    this.verdict = Checks.present(TrustedVerdict.class, "verdict", verdict);
    this.keyId = Checks.present(TrustedVerdict.class, "keyId", keyId);
  }

  /** The verdict. */
  public Verdict verdict() {
    return verdict;
  }

  /** The key that signed it, or empty when a board run in this process produced it. */
  public Optional<String> keyId() {
    return keyId;
  }

  /** Whether a board run in this process produced it. */
  public boolean fromBoard() {
    return keyId.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrustedVerdict that
        && verdict.equals(that.verdict)
        && keyId.equals(that.keyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, keyId);
  }

  @Override
  public String toString() {
    return "TrustedVerdict["
        + verdict
        + ", "
        + keyId.map(k -> "signed by " + k).orElse("board")
        + "]";
  }
}
