package dev.signalbox.core.internal;

import com.google.common.collect.ImmutableSet;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set held in an array, in the order its elements were first given: a set that the hot
 * paths of a decision can walk by index, without an iterator, where a Guava {@code ImmutableSet} of
 * one, two or many elements (three classes behind one interface) allocates one per walk.
 *
 * <p>It equals, hashes and prints as any other {@link Set} of the same elements, so a value type
 * may hold one in place of an {@code ImmutableSet} without a visible difference. {@link #contains}
 * scans a small set and hashes a large one (the index is built on first use). Null-free and
 * thread-safe. A subclass may keep what it works out from the elements beside them (as a scope's
 * path patterns keep their shapes); it cannot change the set's behaviour, every method is final.
 *
 * @param <E> the element type
 */
public class ArraySet<E> extends AbstractSet<E> {
  /** Up to this size, {@link #contains} compares element by element. */
  private static final int SCANNED = 16;

  private static final ArraySet<Object> EMPTY = new ArraySet<>(new Object[0]);

  private final Object[] elements;

  /** A hashed copy for {@link #contains} on a large set; built once, on demand. */
  private volatile @Nullable Set<Object> index;

  /**
   * The set of {@code elements}, which the caller has checked to be non-null and distinct and hands
   * over: the set keeps the array and never writes it.
   */
  protected ArraySet(Object[] elements) {
    this.elements = elements;
  }

  /** The empty set. */
  @SuppressWarnings("unchecked") // holds no element, so it is a set of any type
  public static <E> ArraySet<E> of() {
    return (ArraySet<E>) EMPTY;
  }

  /**
   * The set of {@code values} in their iteration order, or {@code values} itself when it is an
   * {@code ArraySet} already.
   *
   * @throws NullPointerException if {@code values} holds null (callers check first)
   */
  @SuppressWarnings("unchecked") // an ArraySet<? extends E> is a read-only ArraySet<E>
  public static <E> ArraySet<E> copyOf(Collection<? extends E> values) {
    if (values instanceof ArraySet) {
      return (ArraySet<E>) values;
    }
    Object[] elements =
        (values instanceof Set ? values : new LinkedHashSet<Object>(values)).toArray();
    for (Object element : elements) {
      Objects.requireNonNull(element);
    }
    return elements.length == 0 ? of() : new ArraySet<>(elements);
  }

  /**
   * The set of {@code elements[0, size)}, which the caller has checked to be non-null and distinct
   * and hands over: it keeps the array and never writes it again.
   */
  public static <E> ArraySet<E> ofDistinct(Object[] elements, int size) {
    if (size == 0) {
      return of();
    }
    return new ArraySet<>(size == elements.length ? elements : Arrays.copyOf(elements, size));
  }

  /** The element at {@code index}, in iteration order. */
  @SuppressWarnings("unchecked") // only Es are ever stored
  public final E get(int index) {
    return (E) elements[index];
  }

  @Override
  public final int size() {
    return elements.length;
  }

  @Override
  public final boolean isEmpty() {
    return elements.length == 0;
  }

  @Override
  public final boolean contains(@Nullable Object candidate) {
    if (candidate == null) {
      return false;
    }
    if (elements.length <= SCANNED) {
      for (Object element : elements) {
        if (element.equals(candidate)) {
          return true;
        }
      }
      return false;
    }
    Set<Object> hashed = index;
    if (hashed == null) {
      hashed = ImmutableSet.copyOf(elements);
      index = hashed;
    }
    return hashed.contains(candidate);
  }

  @Override
  public final Iterator<E> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < elements.length;
      }

      @Override
      public E next() {
        if (next >= elements.length) {
          throw new NoSuchElementException();
        }
        return get(next++);
      }
    };
  }

  @Override
  public final Object[] toArray() {
    return elements.clone();
  }

  // Read-only, even when empty: every mutator throws, as an ImmutableSet's does.

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean add(E element) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean remove(@Nullable Object element) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean addAll(Collection<? extends E> added) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean removeAll(Collection<?> removed) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean retainAll(Collection<?> retained) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final boolean removeIf(Predicate<? super E> filter) {
    throw unmodifiable();
  }

  /** Always throws: the set cannot be changed. */
  @Override
  public final void clear() {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("an ArraySet cannot be changed");
  }
}
