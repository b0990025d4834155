/** The contract kits run against Signalbox's own implementations. */
@NullMarked
package dev.signalbox.testkit.contracts;

import org.jspecify.annotations.NullMarked;
