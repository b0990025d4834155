package dev.signalbox.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in default policy, read once from {@code default-policy.yaml} beside this class, which
 * documents every setting where it stands.
 */
final class DefaultPolicy {
  static final String RESOURCE = "default-policy.yaml";
  static final String TEXT = read();
  static final ReleasePolicy POLICY = new PolicyLoader().load(TEXT);

  private DefaultPolicy() {}

  private static String read() {
    try (InputStream in = DefaultPolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from release-core's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
