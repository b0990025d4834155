package dev.signalbox.core.signing;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.model.Envelope;
import dev.signalbox.core.model.Principal;
import dev.signalbox.core.model.RiskAcceptance;
import dev.signalbox.core.model.SignedAcceptance;
import dev.signalbox.core.model.SignedOverride;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.model.VerdictOverride;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of statement Signalbox signs: its payload type, its Java type, who may sign it, and how it
 * names its signer and binds to a change. The payload is the statement's JSON document (UTF-8).
 *
 * <p>The three constants are the only instances. Immutable and thread-safe.
 *
 * @param <T> the statement's type
 */
public final class StatementType<T> {
  /** The payload type of a signed verdict. */
  public static final String VERDICT_PAYLOAD_TYPE = "application/vnd.signalbox.verdict+json";

  /** A risk acceptance: only a human's key may sign it, and it names its signatory. */
  public static final StatementType<RiskAcceptance> ACCEPTANCE =
      new StatementType<>(
          SignedAcceptance.PAYLOAD_TYPE,
          RiskAcceptance.class,
          true,
          RiskAcceptance::signedAt,
          (acceptance, signer) -> signatory(acceptance.signatory(), signer),
          (binding, acceptance) -> binding.check(acceptance));

  /** An override of a verdict: only a human's key may sign it, and it names its signatory. */
  public static final StatementType<VerdictOverride> OVERRIDE =
      new StatementType<>(
          SignedOverride.PAYLOAD_TYPE,
          VerdictOverride.class,
          true,
          VerdictOverride::signedAt,
          (override, signer) -> signatory(override.signatory(), signer),
          (binding, override) -> binding.check(override));

  /**
   * A verdict imported from outside the process: it counts only when signed by the key registered
   * to the very reviewer (the whole agent, model family included) the verdict names.
   */
  public static final StatementType<Verdict> VERDICT =
      new StatementType<>(
          VERDICT_PAYLOAD_TYPE,
          Verdict.class,
          false,
          Verdict::issuedAt,
          (verdict, signer) ->
              verdict.reviewer().equals(signer)
                  ? Optional.empty()
                  : Optional.of(
                      "names reviewer "
                          + verdict.reviewer()
                          + ", but the key is registered to "
                          + signer),
          (binding, verdict) -> binding.check(verdict));

  private final String payloadType;
  private final Class<T> type;
  private final boolean humanOnly;
  private final Function<T, Instant> claimedSigningTime;
  private final BiFunction<T, Principal, Optional<String>> signerMismatch;
  private final BiFunction<Binding, T, List<Refusal>> binding;

  private StatementType(
      String payloadType,
      Class<T> type,
      boolean humanOnly,
      Function<T, Instant> claimedSigningTime,
      BiFunction<T, Principal, Optional<String>> signerMismatch,
      BiFunction<Binding, T, List<Refusal>> binding) {
    this.payloadType = payloadType;
    this.type = type;
    this.humanOnly = humanOnly;
    this.claimedSigningTime = claimedSigningTime;
    this.signerMismatch = signerMismatch;
    this.binding = binding;
  }

  private static Optional<String> signatory(String claimed, Principal signer) {
    return claimed.equals(signer.id())
        ? Optional.empty()
        : Optional.of(
            "names signatory " + claimed + ", but the key is registered to " + signer.id());
  }

  /** The DSSE payload type. */
  public String payloadType() {
    return payloadType;
  }

  /** The statement's Java type. */
  public Class<T> type() {
    return type;
  }

  /** Whether only a human's key may sign it. */
  public boolean humanOnly() {
    return humanOnly;
  }

  /**
   * The statement's JSON document as a signed envelope.
   *
   * @throws SigningException if a signer fails
   * @throws dev.signalbox.core.InvalidValueException if an argument is null or there is no signer
   */
  public Envelope sign(T statement, Signer... signers) {
    Checks.present(StatementType.class, "statement", statement);
    return Dsse.sign(payloadType, payload(statement), signers);
  }

  /** The payload Signalbox signs for {@code statement}: its JSON document in UTF-8. */
  public byte[] payload(T statement) {
    return DocumentCodec.json().write(statement).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a payload as this statement.
   *
   * @throws InvalidDocumentException if it is not a valid document of this type (including bytes
   *     that are not UTF-8)
   */
  T parse(byte[] payload) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidDocumentException(
          type,
          List.of(new dev.signalbox.core.json.DocumentProblem("$", "the payload is not UTF-8")));
    }
    return DocumentCodec.json().read(text, type);
  }

  Instant claimedSigningTime(T statement) {
    return claimedSigningTime.apply(statement);
  }

  Optional<String> signerMismatch(T statement, Principal signer) {
    return signerMismatch.apply(statement, signer);
  }

  List<Refusal> bindingRefusals(Binding expected, T statement) {
    return binding.apply(expected, statement);
  }

  @Override
  public String toString() {
    return "StatementType[" + payloadType + "]";
  }
}
