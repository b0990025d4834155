package dev.signalbox.git;

import dev.signalbox.core.ledger.LedgerStore;
import dev.signalbox.core.spi.VersionControl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * A departure's writes, seen by a {@link Hook} before and after each happens: the real version
 * control and the real ledger store wrapped, so that the departure tests can crash or halt a
 * departure at any write. The writes are named by kind: {@code objects} (a merge commit written),
 * {@code ref} (a compare-and-swap of a branch), and for a batch of ledger entries, by what its
 * first entry is: {@code intent} (train-planned), {@code shipped}, {@code deferred}, {@code
 * departed}, or {@code entries}.
 */
final class DepartureWrites {
  private DepartureWrites() {}

  /** What sees the writes; a hook may throw to stop the write (before) or the departure (after). */
  interface Hook {
    /** Called before the write of kind {@code kind} happens. */
    default void before(String kind) {}

    /** Called after the write of kind {@code kind} returned. */
    default void after(String kind) {}
  }

  /** {@code vcs}, showing {@code hook} each merge commit written and each compare-and-swap. */
  static VersionControl wrap(VersionControl vcs, Hook hook) {
    return (VersionControl)
        Proxy.newProxyInstance(
            VersionControl.class.getClassLoader(),
            new Class<?>[] {VersionControl.class},
            (proxy, method, args) -> {
              String kind =
                  switch (method.getName()) {
                    case "writeMerge" -> "objects";
                    case "compareAndSetRef" -> "ref";
                    default -> null;
                  };
              if (kind != null) {
                hook.before(kind);
              }
              Object result;
              try {
                result = method.invoke(vcs, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (kind != null) {
                hook.after(kind);
              }
              return result;
            });
  }

  /** {@code store}, showing {@code hook} each batch of entries appended, named by its first. */
  static LedgerStore wrap(LedgerStore store, Hook hook) {
    return new LedgerStore() {
      @Override
      public long append(List<byte[]> records) {
        String kind = kind(records);
        hook.before(kind);
        long end = store.append(records);
        hook.after(kind);
        return end;
      }

      @Override
      public Stream<byte[]> read(long from) {
        return store.read(from);
      }

      @Override
      public long size() {
        return store.size();
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  private static String kind(List<byte[]> records) {
    String first = records.isEmpty() ? "" : new String(records.get(0), StandardCharsets.UTF_8);
    if (first.contains("\"train-planned\"")) {
      return "intent";
    } else if (first.contains("\"change-shipped\"")) {
      return "shipped";
    } else if (first.contains("\"change-deferred\"")) {
      return "deferred";
    } else if (first.contains("\"train-departed\"")) {
      return "departed";
    }
    return "entries";
  }
}
