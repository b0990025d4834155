/**
 * Signalbox's domain model: immutable, validated values for changes, principals, verdicts, risk
 * acceptances, windows, trains and decisions.
 *
 * <p>Every type here is a value: built once, checked when built (an invalid field throws {@link
 * dev.signalbox.core.InvalidValueException} naming the field and the value), safe to share between
 * threads, and free of JSON annotations — {@link dev.signalbox.core.json} reads and writes them. No
 * method accepts or returns {@code null} unless it says so; absence is an {@link
 * java.util.Optional}.
 */
@NullMarked
package dev.signalbox.core.model;

import org.jspecify.annotations.NullMarked;
