package dev.signalbox.core.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;

/**
 * What the codec knows of a record class: its components in order (name, form, accessor), its
 * canonical constructor and, for a record permitted by a sealed interface, its type id.
 *
 * <p>Built once per class and cached in a {@link ClassValue}; immutable and thread-safe.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  /** One record component. */
  record Component(String name, Form form, Method accessor) {}

  private final Class<?> type;
  private final ImmutableList<Component> components;
  private final ImmutableMap<String, Integer> indexes;
  private final Constructor<?> constructor;
  private final @Nullable String variantId;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalStateException(type.getName() + " is not a record");
    }
    if (type.getTypeParameters().length > 0) {
      throw new IllegalStateException(
          "cannot map " + type.getName() + ": records with type parameters are not supported");
    }
    this.type = type;
    this.variantId = Form.isVariant(type) ? SealedShape.idOf(type) : null;
    RecordComponent[] declared = type.getRecordComponents();
    ImmutableList.Builder<Component> components = ImmutableList.builder();
    ImmutableMap.Builder<String, Integer> indexes = ImmutableMap.builder();
    Class<?>[] parameterTypes = new Class<?>[declared.length];
    for (int i = 0; i < declared.length; i++) {
      RecordComponent component = declared[i];
      String name = component.getName();
      if (variantId != null && name.equals("type")) {
        throw new IllegalStateException(
            "cannot map "
                + type.getName()
                + ": it is permitted by a sealed interface, so its type id goes in the field"
                + " \"type\", and it cannot also have a component named type");
      }
      Form form;
      try {
        form = Form.ofComponent(component.getGenericType());
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "cannot map component " + name + " of " + type.getName() + ": " + e.getMessage(), e);
      }
      Method accessor = component.getAccessor();
      accessible(accessor, type);
      components.add(new Component(name, form, accessor));
      indexes.put(name, i);
      parameterTypes[i] = component.getType();
    }
    this.components = components.build();
    this.indexes = indexes.buildOrThrow();
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "record " + type.getName() + " has no canonical constructor", e);
    }
    accessible(constructor, type);
  }

  private static void accessible(java.lang.reflect.AccessibleObject member, Class<?> type) {
    if (!member.trySetAccessible()) {
      throw new IllegalStateException(
          "cannot reach "
              + member
              + ": open package "
              + type.getPackageName()
              + " to module dev.signalbox.core");
    }
  }

  /**
   * The shape of record class {@code type}.
   *
   * @throws IllegalStateException if {@code type} is not a record the codec can map
   */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  Class<?> type() {
    return type;
  }

  /** The components, in declaration order. */
  ImmutableList<Component> components() {
    return components;
  }

  /** The index of the component named {@code name}, or -1 if there is none. */
  int indexOf(String name) {
    Integer index = indexes.get(name);
    return index == null ? -1 : index;
  }

  /** The component names in order, as in {@code [id, name, roles]}. */
  String names() {
    return indexes.keySet().toString();
  }

  /** The type id written before the fields, if the record is permitted by a sealed interface. */
  @Nullable String variantId() {
    return variantId;
  }

  /**
   * Calls the canonical constructor.
   *
   * @throws InvocationTargetException wrapping whatever the constructor threw
   */
  Object construct(Object[] arguments) throws InvocationTargetException {
    try {
      return constructor.newInstance(arguments);
    } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot call the constructor of " + type.getName(), e);
    }
  }

  /** The value of {@code component} in {@code record}, which may be null. */
  @Nullable Object get(Component component, Object record) {
    try {
      return component.accessor().invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + component.accessor(), e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("accessor " + component.accessor() + " failed", cause);
    }
  }
}
