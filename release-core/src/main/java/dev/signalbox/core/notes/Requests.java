package dev.signalbox.core.notes;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.TrainId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The change requests a report is given, by change. */
final class Requests {
  private Requests() {}

  /**
   * {@code changes} by change.
   *
   * @throws InvalidValueException naming {@code changes} if it is null, holds a null or holds two
   *     requests for one change
   */
  static Map<ChangeRef, ChangeRequest> index(Class<?> owner, Collection<ChangeRequest> changes) {
    Checks.present(owner, "changes", changes);
    Map<ChangeRef, ChangeRequest> byRef = new HashMap<>();
    for (ChangeRequest change : changes) {
      if (change == null) {
        throw new InvalidValueException(owner, "changes", "must not hold null", null);
      }
      if (byRef.put(change.ref(), change) != null) {
        throw new InvalidValueException(
            owner, "changes", "must hold one request per change; two name", change.ref());
      }
    }
    return byRef;
  }

  /** The request of {@code change}, which train {@code train} carries or carried over. */
  static ChangeRequest require(
      Class<?> owner, Map<ChangeRef, ChangeRequest> requests, ChangeRef change, TrainId train) {
    ChangeRequest request = requests.get(change);
    if (request == null) {
      throw new InvalidValueException(
          owner,
          "changes",
          "must hold the request of "
              + change
              + ", which train "
              + train
              + " boarded or carried over",
          null);
    }
    return request;
  }
}
