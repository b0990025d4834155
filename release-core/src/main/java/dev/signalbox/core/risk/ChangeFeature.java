package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import java.util.Locale;

/**
 * One feature of a change known when it lands, named as its column in the risk training data
 * ({@code risk-data/README.md} defines each exactly).
 *
 * <p>Counts are whole numbers; flags are 0 or 1; {@link #ENTROPY} is in bits and {@link
 * #FILE_AGE_DAYS_MEAN} in days (−1 when every touched path is new).
 */
public enum ChangeFeature {
  /** The author looks like automation (dependency bots, rollers, release bots). */
  IS_BOT,
  /** Files touched; a rename counts once, under its new path. */
  FILES_CHANGED,
  /** Lines added over the text files. */
  LINES_ADDED,
  /** Lines deleted over the text files. */
  LINES_DELETED,
  /** Binary files touched (and, on a partial clone, files whose content is missing). */
  BINARY_FILES,
  /** Distinct parent directories of the touched paths. */
  DIRS_TOUCHED,
  /** Distinct top-level directories of the touched paths. */
  SUBSYSTEMS,
  /** Shannon entropy, in bits, of the change's churn across its files. */
  ENTROPY,
  /** Some touched path is a test file. */
  TOUCHES_TESTS,
  /** Some touched path is a build file. */
  TOUCHES_BUILD,
  /** Some touched path is a dependency manifest or lock file. */
  TOUCHES_DEPS,
  /** Some touched path is a database migration. */
  TOUCHES_MIGRATIONS,
  /** Some touched path is configuration. */
  TOUCHES_CONFIG,
  /** Every touched path is a test file. */
  TEST_ONLY,
  /** Every touched path is documentation. */
  DOCS_ONLY,
  /** Touched paths never touched before in the history. */
  NEW_FILES,
  /** Earlier commits touching each touched path, summed over the paths. */
  FILE_PRIOR_CHANGES,
  /** Distinct earlier authors of the touched paths. */
  FILE_PRIOR_DEVS,
  /** Mean days since each touched path was last changed, or −1 when all are new. */
  FILE_AGE_DAYS_MEAN,
  /** Earlier revert commits that touched these paths. */
  FILE_PRIOR_REVERTS,
  /** The author's earlier commits. */
  AUTHOR_PRIOR_COMMITS,
  /** The author's earlier commits whose revert had landed before this one. */
  AUTHOR_PRIOR_REVERTED,
  /** The hour of the author date in the author's own offset, 0 to 23. */
  HOUR_LOCAL,
  /** The day of the week of the author date in the author's own offset, 0 = Monday. */
  WEEKDAY,
  /** The subject mentions a fix. */
  IS_FIX,
  /** The subject says the change lands again something reverted (reland, reapply…). */
  IS_RELAND,
  /** The length of the subject and body. */
  MSG_LEN,
  /** The change is itself a revert. */
  IS_REVERT;

  /**
   * The feature's position among {@link #values()}: the index of its value in a {@link
   * FeatureVector}'s array.
   */
  @SuppressWarnings("EnumOrdinal") // the order is the data's column order and part of the API
  public int index() {
    return ordinal();
  }

  /** Whether the feature is a flag, whose only values are 0 and 1. */
  public boolean isFlag() {
    return switch (this) {
      case IS_BOT,
              TOUCHES_TESTS,
              TOUCHES_BUILD,
              TOUCHES_DEPS,
              TOUCHES_MIGRATIONS,
              TOUCHES_CONFIG,
              TEST_ONLY,
              DOCS_ONLY,
              IS_FIX,
              IS_RELAND,
              IS_REVERT ->
          true;
      default -> false;
    };
  }

  /** The feature's column name in the training data, such as {@code lines_added}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The feature whose column name is {@code column}.
   *
   * @throws InvalidValueException if no feature has that name
   */
  public static ChangeFeature ofColumn(String column) {
    for (ChangeFeature feature : values()) {
      if (feature.column().equals(column)) {
        return feature;
      }
    }
    throw new InvalidValueException(ChangeFeature.class, "column", "is not a feature", column);
  }
}
