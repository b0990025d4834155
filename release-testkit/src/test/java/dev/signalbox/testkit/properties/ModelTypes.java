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
    if (types.size() < 50) {
      // every property over the model would pass vacuously if the scan found nothing
      throw new IllegalStateException("found only " + types + " in " + MODEL_PACKAGE);
    }
    return List.copyOf(types);
  }

  /**
   * The model types that are read and written as whole documents: records and sealed types, but not
   * the records of one String, which are written as plain strings.
   */
  static List<Class<?>> documents() {
    return all().stream().filter(type -> !type.isEnum() && !isStringRecord(type)).toList();
  }

  /** The model types written as JSON scalars: enums and records of one String. */
  static List<Class<?>> scalars() {
    return all().stream().filter(type -> type.isEnum() || isStringRecord(type)).toList();
  }

  /**
   * Whether {@code type} is written as a plain string: a record whose only component is a String,
   * such as RepoPath, unless a sealed interface permits it (then it is an object with a type).
   */
  static boolean isStringRecord(Class<?> type) {
    return type.isRecord()
        && type.getRecordComponents().length == 1
        && type.getRecordComponents()[0].getType() == String.class
        && java.util.Arrays.stream(type.getInterfaces()).noneMatch(Class::isSealed);
  }

  /** The model's records. */
  static List<Class<?>> records() {
    return all().stream().filter(Class::isRecord).toList();
  }
}
