/**
 * Implementation detail shared by the reviewer adapters: reading unified diffs and verdict answers.
 * Not exported.
 */
@NullMarked
package dev.signalbox.reviewers.internal;

import org.jspecify.annotations.NullMarked;
