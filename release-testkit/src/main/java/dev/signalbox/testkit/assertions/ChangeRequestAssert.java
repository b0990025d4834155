package dev.signalbox.testkit.assertions;

import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.SensitiveKind;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link ChangeRequest}. */
public final class ChangeRequestAssert extends AbstractAssert<ChangeRequestAssert, ChangeRequest> {
  ChangeRequestAssert(ChangeRequest actual) {
    super(actual, ChangeRequestAssert.class);
  }

  /** Verifies that the change touches {@code path} (at head, or as the old path of a move). */
  public ChangeRequestAssert touches(String path) {
    isNotNull();
    if (!actual.changes().touchedPaths().contains(RepoPath.of(path))) {
      failWithMessage(
          "Expected %s to touch <%s> but it touched %s",
          actual.ref(), path, actual.changes().touchedPaths());
    }
    return this;
  }

  /** Verifies that the change depends on {@code dependency}. */
  public ChangeRequestAssert dependsOn(ChangeRef dependency) {
    isNotNull();
    if (!actual.dependsOn().contains(dependency)) {
      failWithMessage(
          "Expected %s to depend on %s but it depended on %s",
          actual.ref(), dependency, actual.dependsOn());
    }
    return this;
  }

  /** Verifies that the change's blast radius contains {@code kind}. */
  public ChangeRequestAssert hasSensitiveKind(SensitiveKind kind) {
    isNotNull();
    if (!actual.blastRadius().has(kind)) {
      failWithMessage(
          "Expected %s's blast radius to contain %s but it contained %s",
          actual.ref(), kind, actual.blastRadius().sensitiveKinds());
    }
    return this;
  }

  /** Verifies that the change has a rollback plan. */
  public ChangeRequestAssert hasRollbackPlan() {
    isNotNull();
    if (actual.rollback().isEmpty()) {
      failWithMessage("Expected %s to have a rollback plan but it had none", actual.ref());
    }
    return this;
  }
}
