package dev.signalbox.core.policy;

import dev.signalbox.core.model.ChangeRequest;

/**
 * One check a policy makes of a change: the built-in rules and custom ones, registered by name on a
 * {@link PolicyLoader} and named in a policy file.
 *
 * <p>A rule is a pure function of its arguments: no I/O, no clock but {@code context.now()}, the
 * same result for equal arguments. It must be thread-safe. A rule that throws holds the change: the
 * policy turns the exception into a NOT_YET naming the rule, never into a SHIP.
 */
public interface Rule {

  /** The rule's id, which its reasons name; a token such as {@code required-checks}. */
  String id();

  /** What the rule says of {@code change} in {@code context}. */
  RuleResult evaluate(ChangeRequest change, ReleaseContext context);
}
