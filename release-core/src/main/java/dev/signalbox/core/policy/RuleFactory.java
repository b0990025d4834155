package dev.signalbox.core.policy;

import java.util.Map;

/** Makes a custom rule from the settings a policy file gives it. */
@FunctionalInterface
public interface RuleFactory {

  /**
   * The rule for {@code settings}.
   *
   * @throws RuntimeException (any) if the settings are wrong; the loader reports it as a problem of
   *     the policy file, at the rule's path
   */
  Rule create(Map<String, String> settings);
}
