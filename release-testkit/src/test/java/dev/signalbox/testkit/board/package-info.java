/** Tests of the review board, run in virtual time over scripted reviewers. */
@NullMarked
package dev.signalbox.testkit.board;

import org.jspecify.annotations.NullMarked;
