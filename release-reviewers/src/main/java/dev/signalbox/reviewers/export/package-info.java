/**
 * Export of reviewers' findings for the tools people already read them in: {@link
 * dev.signalbox.reviewers.export.Sarif SARIF 2.1.0} for code-scanning UIs and {@link
 * dev.signalbox.reviewers.export.Rdjsonl reviewdog's rdjsonl} for pull-request comments.
 */
@NullMarked
package dev.signalbox.reviewers.export;

import org.jspecify.annotations.NullMarked;
