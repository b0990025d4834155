/**
 * Reviewers that ask a language model over HTTP with the JDK's {@link java.net.http.HttpClient}:
 * {@link dev.signalbox.reviewers.http.OpenAiCompatibleReviewer} (chat completions with a strict
 * JSON Schema response format) and {@link dev.signalbox.reviewers.http.AnthropicReviewer} (the
 * Messages API with a JSON Schema output format). Both are {@linkplain
 * dev.signalbox.reviewers.Experimental experimental}: the vendors' structured-output protocols are
 * young.
 */
@NullMarked
package dev.signalbox.reviewers.http;

import org.jspecify.annotations.NullMarked;
