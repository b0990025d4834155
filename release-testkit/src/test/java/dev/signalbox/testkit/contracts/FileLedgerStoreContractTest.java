package dev.signalbox.testkit.contracts;

import dev.signalbox.core.ledger.FileLedgerStore;
import dev.signalbox.core.ledger.LedgerStore;
import java.nio.file.Path;

/** The embedded file store keeps the ledger store contract. */
class FileLedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore open(Path directory) {
    return FileLedgerStore.open(directory);
  }
}
