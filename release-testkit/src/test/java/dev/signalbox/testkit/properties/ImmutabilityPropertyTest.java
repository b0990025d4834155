package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.testkit.generators.ModelGenerators;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Values are immutable in fact: no record component is an array or a mutable collection type, the
 * collections a record returns cannot be changed, and the collections handed to a constructor are
 * copied, so changing them afterwards changes nothing.
 */
class ImmutabilityPropertyTest {
  @Test
  void noComponentIsAnArrayOrAConcreteCollection() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> record : ModelTypes.records()) {
      for (RecordComponent component : record.getRecordComponents()) {
        Class<?> type = component.getType();
        boolean allowedCollection = type == List.class || type == Set.class || type == Map.class;
        boolean collectionLike =
            Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
        if (type.isArray() || (collectionLike && !allowedCollection)) {
          offenders.add(record.getSimpleName() + "." + component.getName() + ": " + type.getName());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> returnedCollectionsAreUnmodifiableAndHandedInOnesAreCopied() {
    return ModelTypes.records().stream()
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(type)));
  }

  private static <T> void check(Class<T> type) {
    Examples.per(200)
        .forAll(ModelGenerators.forType(type))
        .checkAssert(
            value -> {
              RecordComponent[] components = type.getRecordComponents();
              Object[] handedIn = new Object[components.length];
              List<Runnable> mutateHandedIn = new ArrayList<>();
              for (int i = 0; i < components.length; i++) {
                Object component = read(components[i], value);
                assertUnmodifiable(type.getSimpleName() + "." + components[i].getName(), component);
                handedIn[i] = mutableCopy(component, mutateHandedIn);
              }
              T rebuilt = construct(type, components, handedIn);
              assertThat(rebuilt).isEqualTo(value);
              mutateHandedIn.forEach(Runnable::run);
              assertThat(rebuilt).as("after changing the collections handed in").isEqualTo(value);
            });
  }

  private static void assertUnmodifiable(String name, Object component) {
    Object inner = component instanceof Optional<?> optional ? optional.orElse(null) : component;
    if (inner instanceof Collection<?> collection) {
      assertThatThrownBy(collection::clear)
          .as(name)
          .isInstanceOf(UnsupportedOperationException.class);
    } else if (inner instanceof Map<?, ?> map) {
      assertThatThrownBy(map::clear).as(name).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  /** A mutable copy of a collection component (or the component itself), and how to change it. */
  private static Object mutableCopy(Object component, List<Runnable> mutations) {
    if (component instanceof Optional<?> optional && optional.isPresent()) {
      return Optional.of(mutableCopy(optional.get(), mutations));
    }
    if (component instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list);
      mutations.add(copy::clear);
      return copy;
    }
    if (component instanceof Set<?> set) {
      Set<Object> copy = new LinkedHashSet<>(set);
      mutations.add(copy::clear);
      return copy;
    }
    if (component instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      mutations.add(copy::clear);
      return copy;
    }
    return component;
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("cannot read " + component, e);
    }
  }

  private static <T> T construct(Class<T> type, RecordComponent[] components, Object[] arguments) {
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
    }
    try {
      Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
      return canonical.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot rebuild " + type.getSimpleName(), e);
    }
  }
}
