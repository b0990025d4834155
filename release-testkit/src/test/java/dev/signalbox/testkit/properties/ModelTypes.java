package dev.signalbox.testkit.properties;

import com.google.common.reflect.ClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/** The public value types of release-core's model package, found on the class path. */
final class ModelTypes {
  static final String MODEL_PACKAGE = "dev.signalbox.core.model";

  private ModelTypes() {}

  /** Every public record, enum and sealed interface of the model, nested ones included. */
  static List<Class<?>> all() {
    TreeSet<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
    try {
      Deque<Class<?>> pending = new ArrayDeque<>();
      ClassPath.from(ModelTypes.class.getClassLoader())
          .getTopLevelClasses(MODEL_PACKAGE)
          .forEach(info -> pending.add(info.load()));
      while (!pending.isEmpty()) {
        Class<?> type = pending.pop();
        if (!Modifier.isPublic(type.getModifiers())) {
          continue;
        }
        if (type.isRecord() || type.isEnum() || (type.isInterface() && type.isSealed())) {
          types.add(type);
        }
        pending.addAll(List.of(type.getDeclaredClasses()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(types);
  }

  /** The model types that are read and written as whole documents: records and sealed types. */
  static List<Class<?>> documents() {
    return all().stream().filter(type -> !type.isEnum()).toList();
  }

  /** The model's records. */
  static List<Class<?>> records() {
    return all().stream().filter(Class::isRecord).toList();
  }
}
