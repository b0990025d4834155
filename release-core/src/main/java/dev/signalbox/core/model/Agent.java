package dev.signalbox.core.model;

import dev.signalbox.core.internal.Checks;

/**
 * An AI agent: the producer of a change or a reviewer of one, operated by a human.
 *
 * <p>The model family groups models that share training and so share blind spots; the policy may
 * ask for reviewers from several distinct families.
 *
 * @param id the agent's stable identifier, such as {@code builder-7}
 * @param model the model it runs, such as {@code claude-sonnet-4.5}
 * @param modelFamily the family of that model, such as {@code claude}
 * @param operatorId the id of the human who operates the agent
 */
public record Agent(String id, String model, String modelFamily, String operatorId)
    implements Principal {
  /** Checks that every field is a token. */
  public Agent {
    Checks.token(Agent.class, "id", id);
    Checks.token(Agent.class, "model", model);
    Checks.token(Agent.class, "modelFamily", modelFamily);
    Checks.token(Agent.class, "operatorId", operatorId);
  }
}
