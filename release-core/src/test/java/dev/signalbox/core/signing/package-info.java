/** Tests of signing and verification. */
@NullMarked
package dev.signalbox.core.signing;

import org.jspecify.annotations.NullMarked;
