package dev.signalbox.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An {@link ArraySet} is a set like any other: equal, hashed and printed as its elements say. */
class ArraySetTest {
  @Test
  void equalsHashesAndPrintsAsTheImmutableSetOfItsElements() {
    for (int size : new int[] {0, 1, 2, 16, 17, 40}) {
      List<String> values = IntStream.range(0, size).mapToObj(i -> "v" + i).toList();
      Set<String> expected = ImmutableSet.copyOf(values);
      ArraySet<String> set = ArraySet.copyOf(values);
      assertThat(set).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(expected).isEqualTo(set);
      assertThat(set).hasToString(expected.toString()).containsExactlyElementsOf(expected);
      for (int i = 0; i < size; i++) {
        assertThat(set.contains("v" + i)).isTrue();
        assertThat(set.get(i)).isEqualTo("v" + i);
      }
      assertThat(set.contains("v" + size)).isFalse();
      assertThat(set.contains(null)).isFalse();
    }
  }

  @Test
  void keepsTheFirstOfRepeatedElementsInOrder() {
    List<String> values = new ArrayList<>(List.of("b", "a", "b", "c", "a"));
    assertThat(ArraySet.copyOf(values)).containsExactly("b", "a", "c");
    assertThat(ArraySet.ofDistinct(new Object[] {"x", "y", null}, 2)).containsExactly("x", "y");
  }

  @Test
  void isImmutable() {
    ArraySet<String> set = ArraySet.copyOf(List.of("a", "b"));
    assertThatThrownBy(() -> set.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    Object[] copy = set.toArray();
    copy[0] = "z";
    assertThat(set).containsExactly("a", "b");
  }

  @Test
  void isImmutableWhenEmptyToo() {
    ArraySet<String> empty = ArraySet.copyOf(List.of());
    assertThatThrownBy(empty::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.removeIf(x -> true))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.addAll(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.retainAll(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> empty.removeAll(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesNullElements() {
    List<String> withNull = new ArrayList<>();
    withNull.add("a");
    withNull.add(null);
    assertThatThrownBy(() -> ArraySet.copyOf(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void valueTypesKeepItAsItIs() {
    ArraySet<String> set =
        ArraySet.copyOf(IntStream.range(0, 3).mapToObj(i -> "t" + i).collect(Collectors.toList()));
    assertThat(Checks.set(ArraySetTest.class, "set", set)).isSameAs(set);
    assertThat(ArraySet.copyOf(set)).isSameAs(set);
  }
}
