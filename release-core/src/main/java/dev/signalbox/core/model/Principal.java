package dev.signalbox.core.model;

/**
 * Someone who acts on a change: a {@link Human}, who may be accountable and may sign, or an {@link
 * Agent}, which may produce and review changes but never sign a risk acceptance.
 */
public sealed interface Principal permits Human, Agent {
  /** The principal's stable identifier, unique among principals. */
  String id();
}
