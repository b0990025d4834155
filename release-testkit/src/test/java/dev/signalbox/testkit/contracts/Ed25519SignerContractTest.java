package dev.signalbox.testkit.contracts;

import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.signing.Signer;

/** The in-process Ed25519 signer keeps the signer contract. */
class Ed25519SignerContractTest extends SignerContract {
  @Override
  protected Signer signer() {
    return Ed25519Signer.generate();
  }
}
