package dev.signalbox.core.policy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.json.InvalidDocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads policies from YAML or JSON files, with custom rules registered by name.
 *
 * <p>Loading checks the whole file and reports every problem at once, each at its path, in one
 * {@link PolicyConfigException}: the file's shape and values, built-in rule ids that do not exist,
 * roles named but not defined, custom rules that are not registered or whose factory refuses their
 * settings. Not thread-safe while rules are registered; the policies it loads are.
 */
public final class PolicyLoader {
  private final Map<String, RuleFactory> factories = new LinkedHashMap<>();
  private final List<String> discovered = new ArrayList<>();

  PolicyLoader() {}

  /**
   * Registers a custom rule under {@code name}, which policy files refer to it by.
   *
   * @throws InvalidValueException if the name is not a token or is registered already
   */
  public PolicyLoader rule(String name, RuleFactory factory) {
    Checks.token(PolicyLoader.class, "name", name);
    Checks.present(PolicyLoader.class, "factory", factory);
    if (factories.putIfAbsent(name, factory) != null) {
      throw new InvalidValueException(PolicyLoader.class, "name", "is registered already", name);
    }
    return this;
  }

  /**
   * Registers every {@link RuleProvider} that {@link ServiceLoader} finds on the class or module
   * path, as if by {@link #rule}; errors name what it found.
   *
   * @throws InvalidValueException if a provider's name is registered already
   */
  public PolicyLoader serviceLoader() {
    for (RuleProvider provider : ServiceLoader.load(RuleProvider.class)) {
      rule(provider.name(), provider);
      discovered.add(provider.name() + " (" + provider.getClass().getName() + ")");
    }
    return this;
  }

  /**
   * Loads the policy in {@code file}: JSON if its name ends in {@code .json}, YAML otherwise.
   *
   * @throws PolicyConfigException listing every problem of the file
   * @throws dev.signalbox.core.SignalboxException if the file cannot be read
   */
  public ReleasePolicy load(Path file) {
    Checks.present(PolicyLoader.class, "file", file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new dev.signalbox.core.SignalboxException(
          "cannot read policy file " + file + ": " + e.getMessage(), e);
    }
    DocumentCodec codec =
        file.getFileName() != null && file.getFileName().toString().endsWith(".json")
            ? DocumentCodec.json()
            : DocumentCodec.yaml();
    return load(text, codec, file.toString());
  }

  /**
   * Loads the policy in {@code text}, YAML (of which JSON is a subset).
   *
   * @throws PolicyConfigException listing every problem of the text
   */
  public ReleasePolicy load(String text) {
    Checks.present(PolicyLoader.class, "text", text);
    return load(text, DocumentCodec.yaml(), "text");
  }

  /**
   * The policy of {@code definition}, with the custom rules it names.
   *
   * @throws PolicyConfigException listing every problem of the definition
   */
  public ReleasePolicy load(PolicyDefinition definition) {
    Checks.present(PolicyLoader.class, "definition", definition);
    return build(definition, "definition " + definition.name());
  }

  private ReleasePolicy load(String text, DocumentCodec codec, String source) {
    PolicyDefinition definition;
    try {
      definition = codec.read(text, PolicyDefinition.class);
    } catch (InvalidDocumentException e) {
      throw new PolicyConfigException(source, e.problems());
    }
    return build(definition, source);
  }

  private ReleasePolicy build(PolicyDefinition definition, String source) {
    List<DocumentProblem> problems = new ArrayList<>();
    Set<String> disabled = new TreeSet<>(definition.disabled());
    for (String id : disabled) {
      if (!Rules.IDS.contains(id)) {
        problems.add(
            new DocumentProblem(
                "$.disabled",
                InvalidValueException.render(id)
                    + " is not a built-in rule; they are "
                    + String.join(", ", Rules.IDS)));
      }
    }
    roles(definition, definition.review().overrideRoles(), "$.review.overrideRoles", problems);
    roles(
        definition,
        definition.emergency().acceptanceRoles(),
        "$.emergency.acceptanceRoles",
        problems);
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new TreeSet<>(Rules.IDS);
    for (int i = 0; i < definition.custom().size(); i++) {
      PolicyDefinition.CustomRule custom = definition.custom().get(i);
      String path = "$.custom[" + i + "]";
      RuleFactory factory = factories.get(custom.name());
      if (factory == null) {
        problems.add(
            new DocumentProblem(
                path + ".name",
                InvalidValueException.render(custom.name())
                    + " is not a registered rule; registered: "
                    + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet()))
                    + (discovered.isEmpty()
                        ? ""
                        : " (ServiceLoader found " + String.join(", ", discovered) + ")")));
        continue;
      }
      try {
        Rule rule = factory.create(custom.settings());
        if (rule == null) {
          problems.add(
              new DocumentProblem(path, "the factory of " + custom.name() + " made no rule"));
        } else if (!ids.add(rule.id())) {
          problems.add(
              new DocumentProblem(
                  path,
                  "rule id "
                      + InvalidValueException.render(rule.id())
                      + " is taken by another rule"));
        } else {
          rules.add(rule);
        }
      } catch (RuntimeException e) {
        problems.add(
            new DocumentProblem(
                path + ".settings", custom.name() + " refused its settings: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyConfigException(source, problems);
    }
    return new ReleasePolicy(definition, rules);
  }

  private static void roles(
      PolicyDefinition definition, Set<String> named, String path, List<DocumentProblem> problems) {
    for (String role : new TreeSet<>(named)) {
      if (!definition.roles().containsKey(role)) {
        problems.add(
            new DocumentProblem(
                path,
                "role "
                    + InvalidValueException.render(role)
                    + " is not defined under roles; defined: "
                    + (definition.roles().isEmpty()
                        ? "none"
                        : String.join(", ", new TreeSet<>(definition.roles().keySet())))));
      }
    }
  }
}
