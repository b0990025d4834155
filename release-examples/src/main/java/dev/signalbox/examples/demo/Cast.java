package dev.signalbox.examples.demo;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Human;

/**
 * The people and agents of the demo's week: two engineers each operating a coding agent, and the
 * release manager who declares freezes and signs risk acceptances.
 */
final class Cast {
  private Cast() {}

  /** An engineer of the storefront team; operates the Claude agent. */
  static final Human ALICE = Human.of("alice", "Alice Martin", "engineer");

  /** An engineer of the billing team; operates the GPT agent. */
  static final Human BOB = Human.of("bob", "Bob Okafor", "engineer");

  /** The release manager, who is also the incident commander this week. */
  static final Human RITA =
      Human.of("rita", "Rita Alvarez", "release-manager", "incident-commander");

  /** Alice's coding agent. */
  static final Agent CLAUDE_BUILDER =
      new Agent("claude-builder", "claude-sonnet-4-5", "claude", ALICE.id());

  /** Bob's coding agent. */
  static final Agent GPT_BUILDER = new Agent("gpt-builder", "gpt-5", "gpt", BOB.id());

  /** The operator of the reviewers: the platform team, neither engineer. */
  static final String PLATFORM = "platform";
}
