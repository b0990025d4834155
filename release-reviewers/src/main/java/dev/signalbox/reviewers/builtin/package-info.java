/**
 * Built-in static reviewers: fast, deterministic checks of a change's diff that need no model —
 * secrets in added lines, dependency hygiene, tests missing for changed code, size thresholds and a
 * prompt-injection guard. Each rejects a change when one of its findings advises {@code FIX_NOW}
 * and approves it otherwise, with every finding carrying its path and, where it has one, its line
 * at head.
 */
@NullMarked
package dev.signalbox.reviewers.builtin;

import org.jspecify.annotations.NullMarked;
