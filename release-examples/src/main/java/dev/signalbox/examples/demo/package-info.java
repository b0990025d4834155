/**
 * The end-to-end demo: a week of two engineers' agents shipping changes to a small service through
 * Signalbox — verification, the review board, a freeze and an emergency fix with a signed risk
 * acceptance, two release trains and the ledger — which checks its own story. Run {@link
 * dev.signalbox.examples.demo.Demo}.
 */
@NullMarked
package dev.signalbox.examples.demo;

import org.jspecify.annotations.NullMarked;
