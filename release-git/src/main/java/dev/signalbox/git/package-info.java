/**
 * Signalbox's git adapter: {@link dev.signalbox.git.GitVersionControl} implements release-core's
 * {@link dev.signalbox.core.spi.VersionControl} on JGit — change sets, diffs and content digests,
 * in-memory train merge simulation, revert checks, merge commits, compare-and-swap ref updates and
 * tags — and {@link dev.signalbox.git.CodeOwners} with {@link dev.signalbox.git.BlastRadiusRules}
 * turn a change set into a {@link dev.signalbox.core.model.BlastRadius}.
 */
@NullMarked
package dev.signalbox.git;

import org.jspecify.annotations.NullMarked;
