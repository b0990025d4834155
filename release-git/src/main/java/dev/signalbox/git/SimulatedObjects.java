package dev.signalbox.git;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The trees and blobs that merge simulations made, kept in memory (never written) so that later
 * calls can name a simulated tree; the least recently used are dropped beyond a byte budget.
 * Thread-safe.
 */
final class SimulatedObjects {
  /** An object's type (a JGit {@code OBJ_} constant) and raw content, never changed. */
  static final class Stored {
    private final int type;
    private final byte[] data;

    Stored(int type, byte[] data) {
      this.type = type;
      this.data = data;
    }

    int type() {
      return type;
    }

    byte[] data() {
      return data;
    }
  }

  private final long budget;
  private long held;

  private final LinkedHashMap<ObjectId, Stored> objects = new LinkedHashMap<>(256, 0.75f, true);

  SimulatedObjects(long budgetBytes) {
    this.budget = budgetBytes;
  }

  synchronized @Nullable Stored get(ObjectId id) {
    return objects.get(id);
  }

  synchronized void keep(Map<ObjectId, Stored> made) {
    for (Map.Entry<ObjectId, Stored> entry : made.entrySet()) {
      Stored old = objects.put(entry.getKey().copy(), entry.getValue());
      held += entry.getValue().data().length - (old == null ? 0 : old.data().length);
    }
    var eldest = objects.entrySet().iterator();
    while (held > budget && eldest.hasNext()) {
      held -= eldest.next().getValue().data().length;
      eldest.remove();
    }
  }
}
