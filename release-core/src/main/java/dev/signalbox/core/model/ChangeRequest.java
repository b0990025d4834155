package dev.signalbox.core.model;

import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.internal.FieldPath;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A request for change (RFC): one proposed change with everything a release manager needs to decide
 * on it — who produced it and who is accountable, exactly which revision, what it touches and how
 * far it reaches, what kind of change it is, how to undo it, and what it depends on.
 *
 * <p>Build one with {@link #builder(ChangeId)}; {@link #toBuilder()} copies one for a variation.
 *
 * @param id the change's identifier within its repository
 * @param repository the repository's name
 * @param title a one-line title
 * @param summary what the change does and why; may be empty
 * @param producer the agent that wrote the change
 * @param owner the human accountable for it
 * @param base the revision the change starts from
 * @param head the revision under review
 * @param contentDigest the digest of the base..head diff that verdicts and acceptances name
 * @param changes the files touched from base to head
 * @param blastRadius who and what a wrong change affects
 * @param declaredScope where the change said it would work; files outside it are scope drift
 * @param changeClass how the change is approved
 * @param criticality how urgently it must ship
 * @param securityFix whether it fixes a security problem
 * @param rollback how to undo it; a change without a plan never ships
 * @param dependsOn changes, in this or other repositories, that must land first
 * @param wave the wave the change was dispatched in, if any
 * @param claims what the producing agent says it did
 * @param risk the change's calibrated risk, once scored
 * @param labels free-form labels
 * @param spec the specification the agent worked from, if any
 * @param proposedAt when the change was proposed
 */
public record ChangeRequest(
    ChangeId id,
    String repository,
    String title,
    String summary,
    Agent producer,
    Human owner,
    Revision base,
    Revision head,
    ContentDigest contentDigest,
    ChangeSet changes,
    BlastRadius blastRadius,
    Scope declaredScope,
    ChangeClass changeClass,
    Criticality criticality,
    boolean securityFix,
    Optional<RollbackPlan> rollback,
    Set<ChangeRef> dependsOn,
    Optional<WaveId> wave,
    Claims claims,
    Optional<ChangeRisk> risk,
    Map<String, String> labels,
    Optional<URI> spec,
    Instant proposedAt) {
  // \R is every line break of Unicode, not just \n: a title is shown on one line.
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  /** Checks every field, copies the collections, and refuses a change that depends on itself. */
  public ChangeRequest {
    Class<?> t = ChangeRequest.class;
    Checks.present(t, "id", id);
    Checks.token(t, "repository", repository);
    checkTitle(title);
    Checks.noNul(t, "summary", summary);
    Checks.present(t, "producer", producer);
    Checks.present(t, "owner", owner);
    Checks.present(t, "base", base);
    Checks.present(t, "head", head);
    if (base.equals(head)) {
      throw new InvalidValueException(t, "head", "must differ from base", head.commit());
    }
    Checks.present(t, "contentDigest", contentDigest);
    Checks.present(t, "changes", changes);
    Checks.present(t, "blastRadius", blastRadius);
    Checks.present(t, "declaredScope", declaredScope);
    Checks.present(t, "changeClass", changeClass);
    Checks.present(t, "criticality", criticality);
    Checks.optional(t, "rollback", rollback);
    dependsOn = Checks.set(t, "dependsOn", dependsOn);
    ChangeRef self = new ChangeRef(repository, id);
    if (dependsOn.contains(self)) {
      throw new InvalidValueException(t, "dependsOn", "must not contain the change itself", self);
    }
    Checks.optional(t, "wave", wave);
    Checks.present(t, "claims", claims);
    Checks.optional(t, "risk", risk);
    labels = Checks.labels(t, "labels", labels);
    Checks.optional(t, "spec", spec);
    Checks.instant(t, "proposedAt", proposedAt);
  }

  private static String checkTitle(String title) {
    Checks.text(ChangeRequest.class, "title", title);
    if (title.length() > 300 || LINE_BREAK.matcher(title).find()) {
      throw new InvalidValueException(
          ChangeRequest.class, "title", "must be one line of at most 300 characters", title);
    }
    return title;
  }

  /** A builder for a change request with the given id. */
  public static Builder builder(ChangeId id) {
    return new Builder(id);
  }

  /**
   * A builder holding this change request's fields, for a variation: each field may be set once
   * more, replacing the copied value.
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.repository = repository;
    builder.title = title;
    builder.summary = summary;
    builder.producer = producer;
    builder.owner = owner;
    builder.base = base;
    builder.head = head;
    builder.contentDigest = contentDigest;
    builder.changes = changes;
    builder.blastRadius = blastRadius;
    builder.declaredScope = declaredScope;
    builder.changeClass = changeClass;
    builder.criticality = criticality;
    builder.securityFix = securityFix;
    builder.rollback = rollback.orElse(null);
    builder.dependsOn.addAll(dependsOn);
    builder.wave = wave.orElse(null);
    builder.claims = claims;
    builder.risk = risk.orElse(null);
    builder.labels.putAll(labels);
    builder.spec = spec.orElse(null);
    builder.proposedAt = proposedAt;
    return builder;
  }

  /** The reference other changes use to depend on this one. */
  public ChangeRef ref() {
    return new ChangeRef(repository, id);
  }

  /**
   * What a calendar query about this change is about: its components, paths, class and criticality.
   */
  public Target target() {
    return new Target(
        blastRadius.components(),
        changes.touchedPaths(),
        Optional.empty(),
        changeClass,
        criticality,
        securityFix);
  }

  /**
   * A builder of {@link ChangeRequest}s. Required: repository, title, producer, owner, base, head,
   * content digest, changes, blast radius, declared scope and proposal time. Defaults: an empty
   * summary, class {@code NORMAL}, criticality {@code ROUTINE}, not a security fix, no rollback
   * plan, no dependencies, no wave, no claims, no risk score, no labels, no spec.
   *
   * <p>Each setter fails fast on a bad value, and each field may be set once (a second call throws
   * {@link IllegalStateException} naming the value already set); labels and dependencies
   * accumulate. Not thread-safe. {@link #build()} copies the state, so a builder may be reused.
   */
  public static final class Builder {
    private final ChangeId id;
    private @Nullable String repository;
    private @Nullable String title;
    private String summary = "";
    private @Nullable Agent producer;
    private @Nullable Human owner;
    private @Nullable Revision base;
    private @Nullable Revision head;
    private @Nullable ContentDigest contentDigest;
    private @Nullable ChangeSet changes;
    private @Nullable BlastRadius blastRadius;
    private @Nullable Scope declaredScope;
    private ChangeClass changeClass = ChangeClass.NORMAL;
    private Criticality criticality = Criticality.ROUTINE;
    private boolean securityFix;
    private @Nullable RollbackPlan rollback;
    private final Set<ChangeRef> dependsOn = new LinkedHashSet<>();
    private @Nullable WaveId wave;
    private Claims claims = Claims.none();
    private @Nullable ChangeRisk risk;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private @Nullable URI spec;
    private @Nullable Instant proposedAt;
    private final Set<String> given = new HashSet<>();

    private Builder(ChangeId id) {
      this.id = Checks.present(ChangeRequest.class, "id", id);
    }

    /** Sets the repository's name. */
    public Builder repository(String repository) {
      once("repository", this.repository);
      this.repository = Checks.token(ChangeRequest.class, "repository", repository);
      given.add("repository");
      return this;
    }

    /** Sets the one-line title. */
    public Builder title(String title) {
      once("title", this.title);
      this.title = checkTitle(title);
      given.add("title");
      return this;
    }

    /** Sets the summary. */
    public Builder summary(String summary) {
      once("summary", this.summary);
      this.summary = Checks.noNul(ChangeRequest.class, "summary", summary);
      given.add("summary");
      return this;
    }

    /** Sets the agent that wrote the change. */
    public Builder producer(Agent producer) {
      once("producer", this.producer);
      this.producer = Checks.present(ChangeRequest.class, "producer", producer);
      given.add("producer");
      return this;
    }

    /** Sets the accountable human. */
    public Builder owner(Human owner) {
      once("owner", this.owner);
      this.owner = Checks.present(ChangeRequest.class, "owner", owner);
      given.add("owner");
      return this;
    }

    /** Sets the base and head revisions. */
    public Builder revisions(Revision base, Revision head) {
      once("base", this.base);
      once("head", this.head);
      this.base = Checks.present(ChangeRequest.class, "base", base);
      this.head = Checks.present(ChangeRequest.class, "head", head);
      given.add("base");
      given.add("head");
      return this;
    }

    /** Sets the content digest of the base..head diff. */
    public Builder contentDigest(ContentDigest contentDigest) {
      once("contentDigest", this.contentDigest);
      this.contentDigest = Checks.present(ChangeRequest.class, "contentDigest", contentDigest);
      given.add("contentDigest");
      return this;
    }

    /** Sets the files touched. */
    public Builder changes(ChangeSet changes) {
      once("changes", this.changes);
      this.changes = Checks.present(ChangeRequest.class, "changes", changes);
      given.add("changes");
      return this;
    }

    /** Sets the blast radius. */
    public Builder blastRadius(BlastRadius blastRadius) {
      once("blastRadius", this.blastRadius);
      this.blastRadius = Checks.present(ChangeRequest.class, "blastRadius", blastRadius);
      given.add("blastRadius");
      return this;
    }

    /** Sets the scope the change declared. */
    public Builder declaredScope(Scope declaredScope) {
      once("declaredScope", this.declaredScope);
      this.declaredScope = Checks.present(ChangeRequest.class, "declaredScope", declaredScope);
      given.add("declaredScope");
      return this;
    }

    /** Sets the change class. */
    public Builder changeClass(ChangeClass changeClass) {
      once("changeClass", this.changeClass);
      this.changeClass = Checks.present(ChangeRequest.class, "changeClass", changeClass);
      given.add("changeClass");
      return this;
    }

    /** Sets the criticality. */
    public Builder criticality(Criticality criticality) {
      once("criticality", this.criticality);
      this.criticality = Checks.present(ChangeRequest.class, "criticality", criticality);
      given.add("criticality");
      return this;
    }

    /** Sets whether the change fixes a security problem. */
    public Builder securityFix(boolean securityFix) {
      once("securityFix", this.securityFix);
      this.securityFix = securityFix;
      given.add("securityFix");
      return this;
    }

    /** Sets the rollback plan. */
    public Builder rollback(RollbackPlan rollback) {
      once("rollback", this.rollback);
      this.rollback = Checks.present(ChangeRequest.class, "rollback", rollback);
      given.add("rollback");
      return this;
    }

    /** Adds dependencies on changes that must land first. */
    public Builder dependsOn(Collection<ChangeRef> dependencies) {
      Checks.present(ChangeRequest.class, "dependsOn", dependencies);
      for (ChangeRef dependency : dependencies) {
        dependsOn.add(Checks.present(ChangeRequest.class, "dependsOn", dependency));
      }
      return this;
    }

    /** Sets the wave the change was dispatched in. */
    public Builder wave(WaveId wave) {
      once("wave", this.wave);
      this.wave = Checks.present(ChangeRequest.class, "wave", wave);
      given.add("wave");
      return this;
    }

    /** Sets the producing agent's claims. */
    public Builder claims(Claims claims) {
      once("claims", this.claims);
      this.claims = Checks.present(ChangeRequest.class, "claims", claims);
      given.add("claims");
      return this;
    }

    /** Sets the calibrated risk. */
    public Builder risk(ChangeRisk risk) {
      once("risk", this.risk);
      this.risk = Checks.present(ChangeRequest.class, "risk", risk);
      given.add("risk");
      return this;
    }

    /** Adds a label; each key may be given once. */
    public Builder label(String key, String value) {
      String field = FieldPath.member("labels", Checks.present(ChangeRequest.class, "labels", key));
      once(field, labels.get(key));
      labels.put(
          Checks.token(ChangeRequest.class, field, key),
          Checks.noNul(ChangeRequest.class, field, value));
      given.add(field);
      return this;
    }

    /** Sets the specification the agent worked from. */
    public Builder spec(URI spec) {
      once("spec", this.spec);
      this.spec = Checks.present(ChangeRequest.class, "spec", spec);
      given.add("spec");
      return this;
    }

    /** Sets when the change was proposed. */
    public Builder proposedAt(Instant proposedAt) {
      once("proposedAt", this.proposedAt);
      this.proposedAt = Checks.instant(ChangeRequest.class, "proposedAt", proposedAt);
      given.add("proposedAt");
      return this;
    }

    /**
     * Builds the change request.
     *
     * @throws InvalidValueException naming the first required field that was not set, or the first
     *     invalid one
     */
    public ChangeRequest build() {
      return new ChangeRequest(
          id,
          required("repository", repository),
          required("title", title),
          summary,
          required("producer", producer),
          required("owner", owner),
          required("base", base),
          required("head", head),
          required("contentDigest", contentDigest),
          required("changes", changes),
          required("blastRadius", blastRadius),
          required("declaredScope", declaredScope),
          changeClass,
          criticality,
          securityFix,
          Optional.ofNullable(rollback),
          ImmutableSet.copyOf(dependsOn),
          Optional.ofNullable(wave),
          claims,
          Optional.ofNullable(risk),
          labels,
          Optional.ofNullable(spec),
          required("proposedAt", proposedAt));
    }

    private void once(String field, @Nullable Object current) {
      if (given.contains(field)) {
        throw new IllegalStateException(field + " was already set to " + current);
      }
    }

    private static <T> T required(String field, @Nullable T value) {
      if (value == null) {
        throw new InvalidValueException(
            ChangeRequest.class, field, "must be set before build()", null);
      }
      return value;
    }
  }
}
