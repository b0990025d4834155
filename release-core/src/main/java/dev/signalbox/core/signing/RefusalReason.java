package dev.signalbox.core.signing;

/** Why a signed statement does not count. */
public enum RefusalReason {
  /** The envelope carries no signature. */
  NO_SIGNATURE,
  /** A signature does not verify against its key: forged, or made over other bytes. */
  BAD_SIGNATURE,
  /** No key is registered under a signature's key id. */
  UNKNOWN_KEY,
  /** The signing key was revoked. */
  REVOKED_KEY,
  /** The signing key was not valid at the time of verification or at the claimed signing time. */
  KEY_NOT_VALID,
  /** An agent's key signed a statement only a human may sign (an acceptance, an override). */
  AGENT_KEY,
  /** The statement names a signatory (or reviewer) other than the key's principal. */
  SIGNER_MISMATCH,
  /** The envelope's payload type is not the one expected. */
  WRONG_PAYLOAD_TYPE,
  /** The payload does not parse as the expected statement. */
  MALFORMED_PAYLOAD,
  /** The statement expired. */
  EXPIRED,
  /** The statement says it was signed (or issued) after the time of verification. */
  NOT_IN_FORCE_YET,
  /** The statement is about another change. */
  OTHER_CHANGE,
  /** The statement is about another content digest: another revision of the change. */
  OTHER_CONTENT_DIGEST,
  /** The statement was made under another policy. */
  OTHER_POLICY_DIGEST
}
