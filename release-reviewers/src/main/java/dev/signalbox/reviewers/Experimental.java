package dev.signalbox.reviewers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API whose protocol is still young and may change in a minor release without notice, such
 * as the adapters for model vendors' HTTP APIs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Experimental {
  /** The version in which the API appeared. */
  String since();
}
