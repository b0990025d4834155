package dev.signalbox.core.policy;

/**
 * A custom rule found through {@link java.util.ServiceLoader}, for {@link
 * PolicyLoader#serviceLoader()}: a name and a factory.
 */
public interface RuleProvider extends RuleFactory {

  /** The name a policy file refers to the rule by. */
  String name();
}
