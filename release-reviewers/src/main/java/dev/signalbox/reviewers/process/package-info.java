/**
 * A reviewer run as a child process: any command (a CLI coding agent, a script) that reads a review
 * request as JSON on stdin and writes one verdict as JSON on stdout, in a read-only snapshot of the
 * change. The protocol is described by the JSON Schemas {@code review-request.schema.json} and
 * {@code review-response.schema.json} shipped in this package.
 */
@NullMarked
package dev.signalbox.reviewers.process;

import org.jspecify.annotations.NullMarked;
