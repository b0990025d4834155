package dev.signalbox.core.json;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a Java type is written as JSON: the codec's reading of a {@link Type}, worked out once per
 * record component and then followed by {@link TreeReader} and {@link TreeWriter}.
 *
 * <p>Records and sealed interfaces are named by class only, so that recursive types need no cycle
 * here; their own metadata is looked up (and cached) when they are reached.
 */
sealed interface Form {

  /** A value written as one JSON scalar. */
  enum Scalar implements Form {
    STRING(String.class),
    BOOLEAN(Boolean.class),
    INT(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    INSTANT(Instant.class),
    DURATION(Duration.class),
    LOCAL_DATE(LocalDate.class),
    LOCAL_TIME(LocalTime.class),
    LOCAL_DATE_TIME(LocalDateTime.class),
    ZONE_ID(ZoneId.class),
    URI(java.net.URI.class);

    private final Class<?> javaType;

    Scalar(Class<?> javaType) {
      this.javaType = javaType;
    }

    /** The (boxed) Java type of the values of this form. */
    Class<?> javaType() {
      return javaType;
    }
  }

  /** An enum, written as the name of its constant. */
  record EnumForm(Class<?> type) implements Form {}

  /** A record whose only component is a String, written as that string. */
  record TextRecordForm(Class<?> type) implements Form {}

  /** A record written as an object, one field per component. */
  record RecordForm(Class<?> type) implements Form {}

  /** A sealed interface of records, written as an object with a {@code type} field first. */
  record SealedForm(Class<?> type) implements Form {}

  /** An {@code Optional} record component: omitted when empty. */
  record OptionalForm(Form element) implements Form {}

  /** A {@code List} (or {@code Collection}), written as an array in order. */
  record ListForm(Form element) implements Form {}

  /** A {@code Set}, written as an array sorted by each element's JSON text. */
  record SetForm(Form element) implements Form {}

  /** A {@code Map}, written as an object with keys sorted. */
  record MapForm(Form key, Form value) implements Form {}

  /**
   * The form of {@code type} where an {@code Optional} is not allowed: anywhere but a record
   * component.
   *
   * @throws IllegalStateException if the codec cannot map {@code type}
   */
  static Form of(Type type) {
    return of(type, false);
  }

  /**
   * The form of a record component's type, which may be an {@code Optional}.
   *
   * @throws IllegalStateException if the codec cannot map {@code type}
   */
  static Form ofComponent(Type type) {
    return of(type, true);
  }

  /**
   * Whether {@code type} is a record permitted by a sealed interface: it is written with a type.
   */
  static boolean isVariant(Class<?> type) {
    if (!type.isRecord()) {
      return false;
    }
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isSealed()) {
        return true;
      }
    }
    return false;
  }

  private static Form of(Type type, boolean optionalAllowed) {
    if (type instanceof Class<?> c) {
      return ofClass(c);
    }
    if (type instanceof ParameterizedType p) {
      return ofParameterized(p, optionalAllowed);
    }
    if (type instanceof WildcardType w
        && w.getLowerBounds().length == 0
        && w.getUpperBounds().length == 1
        && w.getUpperBounds()[0] != Object.class) {
      return of(w.getUpperBounds()[0], false);
    }
    if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
      throw new IllegalStateException(
          "cannot map the type variable or wildcard " + type.getTypeName() + ": name a type");
    }
    if (type instanceof GenericArrayType) {
      throw new IllegalStateException(
          "cannot map the array " + type.getTypeName() + ": arrays are not supported, use a List");
    }
    throw new IllegalStateException("cannot map " + type.getTypeName());
  }

  private static Form ofClass(Class<?> c) {
    Form scalar = scalar(c);
    if (scalar != null) {
      return scalar;
    }
    if (c.isEnum()) {
      return new EnumForm(c);
    }
    if (c.isRecord()) {
      if (c.getTypeParameters().length > 0) {
        throw new IllegalStateException(
            "cannot map " + c.getName() + ": records with type parameters are not supported");
      }
      RecordComponent[] components = c.getRecordComponents();
      if (components.length == 1 && components[0].getType() == String.class && !isVariant(c)) {
        return new TextRecordForm(c);
      }
      return new RecordForm(c);
    }
    if (c.isInterface() && c.isSealed()) {
      if (c.getTypeParameters().length > 0) {
        throw new IllegalStateException(
            "cannot map "
                + c.getName()
                + ": sealed interfaces with type parameters are not"
                + " supported");
      }
      return new SealedForm(c);
    }
    if (c.isArray()) {
      throw new IllegalStateException(
          "cannot map the array " + c.getTypeName() + ": arrays are not supported, use a List");
    }
    if (c == Optional.class
        || c == List.class
        || c == Collection.class
        || c == Set.class
        || c == Map.class) {
      throw new IllegalStateException(
          "cannot map the raw type " + c.getName() + ": give its type arguments");
    }
    throw new IllegalStateException(
        "cannot map "
            + c.getName()
            + ": expected a record, a sealed interface of records, an enum, String, boolean, int,"
            + " long, double, Instant, Duration, LocalDate, LocalTime, LocalDateTime, ZoneId, URI,"
            + " Optional, List, Collection, Set or Map");
  }

  private static @Nullable Scalar scalar(Class<?> c) {
    if (c == int.class) {
      return Scalar.INT;
    }
    if (c == long.class) {
      return Scalar.LONG;
    }
    if (c == double.class) {
      return Scalar.DOUBLE;
    }
    if (c == boolean.class) {
      return Scalar.BOOLEAN;
    }
    for (Scalar scalar : Scalar.values()) {
      if (scalar.javaType() == c) {
        return scalar;
      }
    }
    return null;
  }

  private static Form ofParameterized(ParameterizedType p, boolean optionalAllowed) {
    Type raw = p.getRawType();
    Type[] arguments = p.getActualTypeArguments();
    if (raw == Optional.class) {
      if (!optionalAllowed) {
        throw new IllegalStateException(
            "cannot map "
                + p.getTypeName()
                + ": Optional is supported only as the type of a record component");
      }
      return new OptionalForm(of(arguments[0], false));
    }
    if (raw == List.class || raw == Collection.class) {
      return new ListForm(of(arguments[0], false));
    }
    if (raw == Set.class) {
      return new SetForm(of(arguments[0], false));
    }
    if (raw == Map.class) {
      Form key = of(arguments[0], false);
      if (!(key == Scalar.STRING || key instanceof EnumForm || key instanceof TextRecordForm)) {
        throw new IllegalStateException(
            "cannot map "
                + p.getTypeName()
                + ": map keys must be strings, enums or records of a single String");
      }
      return new MapForm(key, of(arguments[1], false));
    }
    if (raw instanceof Class<?> c && (c.isRecord() || c.isInterface())) {
      throw new IllegalStateException(
          "cannot map " + p.getTypeName() + ": types with type parameters are not supported");
    }
    throw new IllegalStateException(
        "cannot map "
            + p.getTypeName()
            + ": the only generic types supported are Optional, List, Collection, Set and Map");
  }
}
