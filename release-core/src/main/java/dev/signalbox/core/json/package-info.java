/**
 * Reading and writing Signalbox values as JSON (for machines) and YAML (for files people write).
 *
 * <p>Every document carries a format version; unknown fields are refused; a bad document fails with
 * one {@link dev.signalbox.core.json.InvalidDocumentException} that lists every problem with its
 * JSON path. Values are never half-built.
 */
@NullMarked
package dev.signalbox.core.json;

import org.jspecify.annotations.NullMarked;
