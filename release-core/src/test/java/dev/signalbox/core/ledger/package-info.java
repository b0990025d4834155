/** Tests of the ledger and its file store. */
@NullMarked
package dev.signalbox.core.ledger;

import org.jspecify.annotations.NullMarked;
