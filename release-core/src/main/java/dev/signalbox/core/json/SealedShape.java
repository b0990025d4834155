package dev.signalbox.core.json;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the codec knows of a sealed interface: the records it permits, directly or through nested
 * sealed interfaces, by type id.
 *
 * <p>Built once per interface and cached in a {@link ClassValue}; immutable and thread-safe.
 */
final class SealedShape {
  private static final ClassValue<SealedShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected SealedShape computeValue(Class<?> type) {
          return new SealedShape(type);
        }
      };

  private final ImmutableSortedMap<String, Class<?>> variants;

  private SealedShape(Class<?> type) {
    if (!type.isInterface() || !type.isSealed()) {
      throw new IllegalStateException(type.getName() + " is not a sealed interface");
    }
    Map<String, Class<?>> found = new TreeMap<>();
    collect(type, type, found);
    this.variants = ImmutableSortedMap.copyOf(found);
  }

  private static void collect(Class<?> root, Class<?> sealed, Map<String, Class<?>> found) {
    Class<?>[] permitted = sealed.getPermittedSubclasses();
    if (permitted == null) {
      throw new IllegalStateException(sealed.getName() + " is not sealed");
    }
    for (Class<?> subtype : permitted) {
      if (subtype.isRecord()) {
        for (var component : subtype.getRecordComponents()) {
          if (component.getName().equals("type")) {
            throw new IllegalStateException(
                "cannot map "
                    + subtype.getName()
                    + ": it is permitted by sealed "
                    + root.getName()
                    + ", so its type id goes in the field \"type\", and it cannot also have a"
                    + " component named type");
          }
        }
        String id = idOf(subtype);
        Class<?> previous = found.putIfAbsent(id, subtype);
        if (previous != null && previous != subtype) {
          throw new IllegalStateException(
              "cannot map "
                  + root.getName()
                  + ": "
                  + previous.getName()
                  + " and "
                  + subtype.getName()
                  + " have the same type id "
                  + id);
        }
      } else if (subtype.isInterface() && subtype.isSealed()) {
        collect(root, subtype, found);
      } else {
        throw new IllegalStateException(
            "cannot map "
                + root.getName()
                + ": it permits "
                + subtype.getName()
                + ", which is neither a record nor a sealed interface");
      }
    }
  }

  /**
   * The shape of sealed interface {@code type}.
   *
   * @throws IllegalStateException if {@code type} is not a sealed interface of records
   */
  static SealedShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** The type id of a record: its simple name in kebab case ({@code OneOff} is {@code one-off}). */
  static String idOf(Class<?> record) {
    String name = record.getSimpleName();
    StringBuilder id = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean wordStart =
            i > 0
                && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1))
                    || (Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1))));
        if (wordStart) {
          id.append('-');
        }
        id.append(Character.toLowerCase(c));
      } else {
        id.append(c);
      }
    }
    return id.toString();
  }

  /** The record with type id {@code id}, or null if none has it. */
  @Nullable Class<?> variant(String id) {
    return variants.get(id);
  }

  /** The records permitted, by type id. */
  ImmutableSortedMap<String, Class<?>> variants() {
    return variants;
  }

  /** The type ids in order, as in {@code [agent, human]}. */
  String ids() {
    return variants.keySet().toString();
  }
}
