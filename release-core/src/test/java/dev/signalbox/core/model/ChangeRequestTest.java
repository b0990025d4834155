package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.ALICE;
import static dev.signalbox.core.model.Samples.BASE;
import static dev.signalbox.core.model.Samples.DIGEST;
import static dev.signalbox.core.model.Samples.HEAD;
import static dev.signalbox.core.model.Samples.PRODUCER;
import static dev.signalbox.core.model.Samples.T0;
import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class ChangeRequestTest {
  private static final ChangeId ID = ChangeId.of("42");
  private static final String REPO = "acme/payments";
  private static final ChangeSet FILES =
      ChangeSet.of(
          FileChange.modified("src/auth/Login.java", 3, 1), FileChange.added("docs/a.md", 5));
  private static final BlastRadius RADIUS = BlastRadius.of(BlastLevel.LOW, "auth");
  private static final Scope SCOPE = Scope.ofPaths("src/auth/**");
  private static final ChangeRef DEP = ChangeRef.of("acme/platform", "7");
  private static final ChangeRisk RISK = new ChangeRisk(0.1, 40, -2.2, -2.2, List.of(), "m", "1");

  /** A builder with every required field set and nothing else. */
  private static ChangeRequest.Builder required() {
    return ChangeRequest.builder(ID)
        .repository(REPO)
        .title("Fix login redirect")
        .producer(PRODUCER)
        .owner(ALICE)
        .revisions(BASE, HEAD)
        .contentDigest(DIGEST)
        .changes(FILES)
        .blastRadius(RADIUS)
        .declaredScope(SCOPE)
        .proposedAt(T0);
  }

  /** A change request with every field set, through the canonical constructor. */
  private static ChangeRequest full(Set<ChangeRef> dependsOn, Map<String, String> labels) {
    return new ChangeRequest(
        ID,
        REPO,
        "Fix login redirect",
        "Redirects to the page asked for.",
        PRODUCER,
        ALICE,
        BASE,
        HEAD,
        DIGEST,
        FILES,
        RADIUS,
        SCOPE,
        ChangeClass.NORMAL,
        Criticality.HIGH,
        true,
        Optional.of(RollbackPlan.revert()),
        dependsOn,
        Optional.of(WaveId.of("w-1")),
        Claims.none(),
        Optional.of(RISK),
        labels,
        Optional.of(URI.create("https://example.com/spec/42")),
        T0);
  }

  private static ChangeRequest full() {
    return full(Set.of(DEP), Map.of("team", "identity"));
  }

  @Nested
  class Builder {
    @Test
    void buildsWithDefaults() {
      ChangeRequest change = required().build();
      assertThat(change.id()).isEqualTo(ID);
      assertThat(change.repository()).isEqualTo(REPO);
      assertThat(change.title()).isEqualTo("Fix login redirect");
      assertThat(change.summary()).isEmpty();
      assertThat(change.producer()).isEqualTo(PRODUCER);
      assertThat(change.owner()).isEqualTo(ALICE);
      assertThat(change.base()).isEqualTo(BASE);
      assertThat(change.head()).isEqualTo(HEAD);
      assertThat(change.contentDigest()).isEqualTo(DIGEST);
      assertThat(change.changes()).isEqualTo(FILES);
      assertThat(change.blastRadius()).isEqualTo(RADIUS);
      assertThat(change.declaredScope()).isEqualTo(SCOPE);
      assertThat(change.changeClass()).isEqualTo(ChangeClass.NORMAL);
      assertThat(change.criticality()).isEqualTo(Criticality.ROUTINE);
      assertThat(change.securityFix()).isFalse();
      assertThat(change.rollback()).isEmpty();
      assertThat(change.dependsOn()).isEmpty();
      assertThat(change.wave()).isEmpty();
      assertThat(change.claims()).isEqualTo(Claims.none());
      assertThat(change.risk()).isEmpty();
      assertThat(change.labels()).isEmpty();
      assertThat(change.spec()).isEmpty();
      assertThat(change.proposedAt()).isEqualTo(T0);
    }

    @Test
    void buildsWithEveryField() {
      ChangeRequest built =
          required()
              .summary("Redirects to the page asked for.")
              .criticality(Criticality.HIGH)
              .securityFix(true)
              .rollback(RollbackPlan.revert())
              .dependsOn(List.of(DEP))
              .wave(WaveId.of("w-1"))
              .risk(RISK)
              .label("team", "identity")
              .spec(URI.create("https://example.com/spec/42"))
              .build();
      assertThat(built).isEqualTo(full());
    }

    @Test
    void dependenciesAndLabelsAccumulate() {
      ChangeRef other = ChangeRef.of("acme/payments", "41");
      ChangeRequest change =
          required()
              .dependsOn(List.of(DEP))
              .dependsOn(List.of(other, DEP))
              .label("team", "identity")
              .label("area", "")
              .build();
      assertThat(change.dependsOn()).containsExactlyInAnyOrder(DEP, other);
      assertThat(change.labels())
          .containsExactly(Map.entry("team", "identity"), Map.entry("area", ""));
    }

    @Test
    void eachFieldMayBeSetOnce() {
      assertSetOnce(b -> b.repository("acme/other"), "repository was already set to acme/payments");
      assertSetOnce(b -> b.title("Other"), "title was already set to Fix login redirect");
      assertSetOnce(b -> b.producer(PRODUCER), "producer was already set to " + PRODUCER);
      assertSetOnce(b -> b.owner(ALICE), "owner was already set to " + ALICE);
      assertSetOnce(b -> b.revisions(BASE, HEAD), "base was already set to " + BASE);
      assertSetOnce(b -> b.contentDigest(DIGEST), "contentDigest was already set to " + DIGEST);
      assertSetOnce(b -> b.changes(FILES), "changes was already set to " + FILES);
      assertSetOnce(b -> b.blastRadius(RADIUS), "blastRadius was already set to " + RADIUS);
      assertSetOnce(b -> b.declaredScope(SCOPE), "declaredScope was already set to " + SCOPE);
      assertSetOnce(b -> b.proposedAt(T0), "proposedAt was already set to " + T0);
    }

    @Test
    void optionalFieldsMayBeSetOnceToo() {
      assertThatIllegalStateException()
          .isThrownBy(() -> required().summary("a").summary("b"))
          .withMessage("summary was already set to a");
      assertThatIllegalStateException()
          .isThrownBy(
              () -> required().changeClass(ChangeClass.EMERGENCY).changeClass(ChangeClass.NORMAL))
          .withMessage("changeClass was already set to EMERGENCY");
      assertThatIllegalStateException()
          .isThrownBy(() -> required().criticality(Criticality.P0).criticality(Criticality.P0))
          .withMessage("criticality was already set to P0");
      assertThatIllegalStateException()
          .isThrownBy(() -> required().securityFix(false).securityFix(true))
          .withMessage("securityFix was already set to false");
      assertThatIllegalStateException()
          .isThrownBy(
              () -> required().rollback(RollbackPlan.revert()).rollback(RollbackPlan.revert()))
          .withMessage("rollback was already set to " + RollbackPlan.revert());
      assertThatIllegalStateException()
          .isThrownBy(() -> required().wave(WaveId.of("w-1")).wave(WaveId.of("w-2")))
          .withMessage("wave was already set to w-1");
      assertThatIllegalStateException()
          .isThrownBy(() -> required().claims(Claims.none()).claims(Claims.none()))
          .withMessage("claims was already set to " + Claims.none());
      assertThatIllegalStateException()
          .isThrownBy(() -> required().risk(RISK).risk(RISK))
          .withMessage("risk was already set to " + RISK);
      assertThatIllegalStateException()
          .isThrownBy(() -> required().label("team", "a").label("team", "b"))
          .withMessage("labels.team was already set to a");
      URI spec = URI.create("https://example.com/spec");
      assertThatIllegalStateException()
          .isThrownBy(() -> required().spec(spec).spec(spec))
          .withMessage("spec was already set to https://example.com/spec");
    }

    private void assertSetOnce(UnaryOperator<ChangeRequest.Builder> setAgain, String message) {
      ChangeRequest.Builder builder = required();
      assertThatIllegalStateException()
          .isThrownBy(() -> setAgain.apply(builder))
          .withMessage(message);
      // the failed call changed nothing
      assertThat(builder.build()).isEqualTo(required().build());
    }

    @Test
    void eachRequiredFieldMustBeSetBeforeBuild() {
      assertMissing("repository", ChangeRequest.builder(ID));
      ChangeRequest.Builder b = ChangeRequest.builder(ID).repository(REPO);
      assertMissing("title", b);
      b.title("t");
      assertMissing("producer", b);
      b.producer(PRODUCER);
      assertMissing("owner", b);
      b.owner(ALICE);
      assertMissing("base", b);
      b.revisions(BASE, HEAD);
      assertMissing("contentDigest", b);
      b.contentDigest(DIGEST);
      assertMissing("changes", b);
      b.changes(FILES);
      assertMissing("blastRadius", b);
      b.blastRadius(RADIUS);
      assertMissing("declaredScope", b);
      b.declaredScope(SCOPE);
      assertMissing("proposedAt", b);
      b.proposedAt(T0);
      assertThat(b.build().title()).isEqualTo("t");
    }

    private void assertMissing(String field, ChangeRequest.Builder builder) {
      assertRejected(
          builder::build, ChangeRequest.class, field, field + " must be set before build()");
    }

    @Test
    void settersFailFastOnNull() {
      assertNullRejected(() -> ChangeRequest.builder(null), ChangeRequest.class, "id");
      ChangeRequest.Builder b = ChangeRequest.builder(ID);
      assertNullRejected(() -> b.repository(null), ChangeRequest.class, "repository");
      assertNullRejected(() -> b.title(null), ChangeRequest.class, "title");
      assertNullRejected(() -> b.summary(null), ChangeRequest.class, "summary");
      assertNullRejected(() -> b.producer(null), ChangeRequest.class, "producer");
      assertNullRejected(() -> b.owner(null), ChangeRequest.class, "owner");
      assertNullRejected(() -> b.revisions(null, HEAD), ChangeRequest.class, "base");
      assertNullRejected(
          () -> ChangeRequest.builder(ID).revisions(BASE, null), ChangeRequest.class, "head");
      assertNullRejected(() -> b.contentDigest(null), ChangeRequest.class, "contentDigest");
      assertNullRejected(() -> b.changes(null), ChangeRequest.class, "changes");
      assertNullRejected(() -> b.blastRadius(null), ChangeRequest.class, "blastRadius");
      assertNullRejected(() -> b.declaredScope(null), ChangeRequest.class, "declaredScope");
      assertNullRejected(() -> b.changeClass(null), ChangeRequest.class, "changeClass");
      assertNullRejected(() -> b.criticality(null), ChangeRequest.class, "criticality");
      assertNullRejected(() -> b.rollback(null), ChangeRequest.class, "rollback");
      assertNullRejected(() -> b.dependsOn(null), ChangeRequest.class, "dependsOn");
      assertNullRejected(
          () -> b.dependsOn(Arrays.asList(DEP, null)), ChangeRequest.class, "dependsOn");
      assertNullRejected(() -> b.wave(null), ChangeRequest.class, "wave");
      assertNullRejected(() -> b.claims(null), ChangeRequest.class, "claims");
      assertNullRejected(() -> b.risk(null), ChangeRequest.class, "risk");
      assertNullRejected(() -> b.label(null, "v"), ChangeRequest.class, "labels");
      assertNullRejected(() -> b.label("k", null), ChangeRequest.class, "labels.k");
      assertNullRejected(() -> b.spec(null), ChangeRequest.class, "spec");
      assertNullRejected(() -> b.proposedAt(null), ChangeRequest.class, "proposedAt");
    }

    @Test
    void settersFailFastOnBadValues() {
      ChangeRequest.Builder b = ChangeRequest.builder(ID);
      assertRejected(
          () -> b.repository("acme payments"),
          ChangeRequest.class,
          "repository",
          "repository must not contain whitespace or control characters, was \"acme payments\"");
      assertRejected(
          () -> b.title(" "), ChangeRequest.class, "title", "title must not be blank, was \" \"");
      assertRejected(
          () -> b.title("two\nlines"),
          ChangeRequest.class,
          "title",
          "title must be one line of at most 300 characters, was \"two\\nlines\"");
      assertRejected(
          () -> b.summary("a\0"),
          ChangeRequest.class,
          "summary",
          "summary must not contain NUL, was \"a\\u0000\"");
      assertRejected(
          () -> b.label("my label", "v"),
          ChangeRequest.class,
          "labels['my label']",
          "labels['my label'] must not contain whitespace or control characters, was \"my label\"");
      // a rejected value leaves the field unset
      assertThat(b.repository(REPO).title("ok")).isSameAs(b);
    }

    @Test
    void buildRefusesEqualRevisions() {
      assertRejected(
          () ->
              ChangeRequest.builder(ID)
                  .revisions(BASE, BASE)
                  .repository(REPO)
                  .title("t")
                  .producer(PRODUCER)
                  .owner(ALICE)
                  .contentDigest(DIGEST)
                  .changes(FILES)
                  .blastRadius(RADIUS)
                  .declaredScope(SCOPE)
                  .proposedAt(T0)
                  .build(),
          ChangeRequest.class,
          "head",
          "head must differ from base, was \"" + BASE.commit() + "\"");
    }

    @Test
    void buildRefusesADependencyOnItself() {
      assertRejected(
          () -> required().dependsOn(List.of(ChangeRef.of(REPO, "42"))).build(),
          ChangeRequest.class,
          "dependsOn",
          "dependsOn must not contain the change itself, was acme/payments#42");
    }

    @Test
    void buildCopiesTheState() {
      ChangeRequest.Builder builder = required().label("team", "identity").dependsOn(List.of(DEP));
      ChangeRequest first = builder.build();
      builder.label("area", "auth").dependsOn(List.of(ChangeRef.of("acme/x", "1")));
      ChangeRequest second = builder.build();
      assertThat(first.labels()).containsOnlyKeys("team");
      assertThat(first.dependsOn()).containsExactly(DEP);
      assertThat(second.labels()).containsOnlyKeys("team", "area");
      assertThat(second.dependsOn()).hasSize(2);
    }

    @Test
    void dependsOnCopiesTheCollectionHandedIn() {
      List<ChangeRef> dependencies = new ArrayList<>(List.of(DEP));
      ChangeRequest.Builder builder = required().dependsOn(dependencies);
      dependencies.add(ChangeRef.of("acme/x", "1"));
      assertThat(builder.build().dependsOn()).containsExactly(DEP);
    }
  }

  @Nested
  class ToBuilder {
    @Test
    void rebuildsAnEqualValue() {
      assertThat(full().toBuilder().build()).isEqualTo(full());
      assertThat(required().build().toBuilder().build()).isEqualTo(required().build());
    }

    @Test
    void allowsEachFieldToBeSetOnceMore() {
      Revision newHead = Revision.of("e".repeat(40));
      ContentDigest newDigest = ContentDigest.of("f".repeat(64));
      ChangeRequest original = full();
      ChangeRequest variation =
          original.toBuilder()
              .title("Fix login redirect, take two")
              .revisions(BASE, newHead)
              .contentDigest(newDigest)
              .criticality(Criticality.P0)
              .securityFix(false)
              .label("team", "platform")
              .build();
      assertThat(variation.title()).isEqualTo("Fix login redirect, take two");
      assertThat(variation.head()).isEqualTo(newHead);
      assertThat(variation.contentDigest()).isEqualTo(newDigest);
      assertThat(variation.criticality()).isEqualTo(Criticality.P0);
      assertThat(variation.securityFix()).isFalse();
      assertThat(variation.labels()).containsExactly(Map.entry("team", "platform"));
      // everything else is kept, and the original is unchanged
      assertThat(
              variation.toBuilder()
                  .title(original.title())
                  .revisions(original.base(), original.head())
                  .contentDigest(original.contentDigest())
                  .criticality(original.criticality())
                  .securityFix(original.securityFix())
                  .label("team", "identity")
                  .build())
          .isEqualTo(original);
      assertThat(original).isEqualTo(full());
    }

    @Test
    void aFieldSetAgainCannotBeSetAThirdTime() {
      ChangeRequest.Builder builder = full().toBuilder().title("Second");
      assertThatIllegalStateException()
          .isThrownBy(() -> builder.title("Third"))
          .withMessage("title was already set to Second");
    }

    @Test
    void keepsDependenciesWhichThenAccumulate() {
      ChangeRef more = ChangeRef.of("acme/x", "1");
      ChangeRequest variation = full().toBuilder().dependsOn(List.of(more)).build();
      assertThat(variation.dependsOn()).containsExactlyInAnyOrder(DEP, more);
    }

    @Test
    void keepsAbsentOptionalsAbsent() {
      ChangeRequest variation = required().build().toBuilder().title("Other").build();
      assertThat(variation.rollback()).isEmpty();
      assertThat(variation.wave()).isEmpty();
      assertThat(variation.risk()).isEmpty();
      assertThat(variation.spec()).isEmpty();
    }
  }

  @Nested
  class Constructor {
    @Test
    void refNamesRepositoryAndId() {
      assertThat(full().ref()).isEqualTo(ChangeRef.of(REPO, "42"));
    }

    @Test
    void targetIsWhatACalendarQueryNeeds() {
      ChangeRequest change =
          full().toBuilder()
              .changes(ChangeSet.of(FileChange.renamed("src/Old.java", "src/New.java", 0, 0)))
              .blastRadius(BlastRadius.of(BlastLevel.LOW, "auth", "web"))
              .changeClass(ChangeClass.EMERGENCY)
              .build();
      assertThat(change.target())
          .isEqualTo(
              new Target(
                  Set.of("auth", "web"),
                  Set.of(RepoPath.of("src/New.java"), RepoPath.of("src/Old.java")),
                  Optional.empty(),
                  ChangeClass.EMERGENCY,
                  Criticality.HIGH,
                  true));
    }

    @Test
    void everyComponentIsRefusedWhenNull() throws Exception {
      for (RecordComponent component : ChangeRequest.class.getRecordComponents()) {
        if (component.getType().isPrimitive()) {
          continue;
        }
        String field = component.getName();
        assertNullRejected(() -> construct(field, null), ChangeRequest.class, field);
      }
    }

    @Test
    void copiesAndProtectsItsCollections() {
      Set<ChangeRef> dependsOn = new HashSet<>(Set.of(DEP));
      Map<String, String> labels = new HashMap<>(Map.of("team", "identity"));
      ChangeRequest change = full(dependsOn, labels);
      dependsOn.add(ChangeRef.of("acme/x", "1"));
      labels.put("area", "auth");
      assertThat(change.dependsOn()).containsExactly(DEP);
      assertThat(change.labels()).containsExactly(Map.entry("team", "identity"));
      assertThatThrownBy(() -> change.dependsOn().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> change.labels().put("x", "y"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNullElementsKeysAndValues() {
      assertNullRejected(
          () -> full(new LinkedHashSet<>(Arrays.asList(DEP, null)), Map.of()),
          ChangeRequest.class,
          "dependsOn[1]");
      Map<String, String> nullValue = new LinkedHashMap<>();
      nullValue.put("team", null);
      assertNullRejected(() -> full(Set.of(), nullValue), ChangeRequest.class, "labels.team");
      Map<String, String> nullKey = new HashMap<>();
      nullKey.put(null, "x");
      assertRejected(
          () -> full(Set.of(), nullKey),
          ChangeRequest.class,
          "labels",
          "labels must not have a null key");
    }

    @Test
    void refusesLabelsThatAreNotTokensOrHoldNul() {
      assertRejected(
          () -> full(Set.of(), Map.of("", "x")),
          ChangeRequest.class,
          "labels['']",
          "labels[''] must not be empty, was \"\"");
      assertRejected(
          () -> full(Set.of(), Map.of("team", "a\0b")),
          ChangeRequest.class,
          "labels.team",
          "labels.team must not contain NUL, was \"a\\u0000b\"");
    }

    @Test
    void refusesADependencyOnItself() {
      assertRejected(
          () -> full(Set.of(DEP, ChangeRef.of(REPO, "42")), Map.of()),
          ChangeRequest.class,
          "dependsOn",
          "dependsOn must not contain the change itself, was acme/payments#42");
      // the same change id in another repository is another change
      assertThat(full(Set.of(ChangeRef.of("acme/other", "42")), Map.of()).dependsOn()).hasSize(1);
    }

    @Test
    void refusesEqualRevisionsWhateverTheirCase() throws Exception {
      Revision upperBase = Revision.of(BASE.commit().toUpperCase(java.util.Locale.ROOT));
      assertRejected(
          () -> construct("head", upperBase),
          ChangeRequest.class,
          "head",
          "head must differ from base, was \"" + BASE.commit() + "\"");
    }

    @Test
    void acceptsATitleOf300Characters() throws Exception {
      assertThat(construct("title", "t".repeat(300)).title()).hasSize(300);
    }

    @Test
    void refusesATitleLongerThan300Characters() {
      String title = "t".repeat(301);
      assertRejected(
          () -> construct("title", title),
          ChangeRequest.class,
          "title",
          "title must be one line of at most 300 characters, was \"" + "t".repeat(200) + "…\"");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "a\nb",
          "a\rb",
          "a\r\nb",
          "a\u2028b",
          "a\u2029b",
          "a\u0085b",
          "a\u000bb",
          "a\fb",
          "title\n"
        })
    void refusesATitleOfMoreThanOneLine(String title) {
      assertRejected(
          () -> construct("title", title),
          ChangeRequest.class,
          "title",
          "title must be one line of at most 300 characters, was "
              + dev.signalbox.core.InvalidValueException.render(title));
    }

    @Test
    void refusesABlankTitle() {
      assertRejected(
          () -> construct("title", "\t "),
          ChangeRequest.class,
          "title",
          "title must not be blank, was \"\\t \"");
    }

    @Test
    void summaryMayBeEmptyOrSpanLinesButNotHoldNul() throws Exception {
      assertThat(construct("summary", "").summary()).isEmpty();
      assertThat(construct("summary", "line one\nline two").summary()).contains("\n");
      assertRejected(
          () -> construct("summary", "\0"),
          ChangeRequest.class,
          "summary",
          "summary must not contain NUL, was \"\\u0000\"");
    }

    @Test
    void refusesARepositoryThatIsNotAToken() {
      assertRejected(
          () -> construct("repository", "acme/pay ments"),
          ChangeRequest.class,
          "repository",
          "repository must not contain whitespace or control characters, was \"acme/pay ments\"");
    }
  }

  /** {@link #full()} with one component replaced, through the canonical constructor. */
  private static ChangeRequest construct(String field, Object value) throws Exception {
    RecordComponent[] components = ChangeRequest.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    ChangeRequest full = full();
    boolean replaced = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (components[i].getName().equals(field)) {
        args[i] = value;
        replaced = true;
      } else {
        args[i] = components[i].getAccessor().invoke(full);
      }
    }
    assertThat(replaced).as("component %s exists", field).isTrue();
    try {
      return ChangeRequest.class.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
