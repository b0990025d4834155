package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static reviewer of the {@link RiskSurface#SECURITY SECURITY} surface that looks for secrets in
 * the lines a change adds: AWS access keys and secret keys, GitHub tokens, Slack tokens and
 * webhooks, private key blocks, and high-entropy strings. A known key format or a high-entropy
 * string assigned to a name like {@code token} or {@code password} is {@link Advice#FIX_NOW} (the
 * change is rejected); any other high-entropy string is {@link Advice#MAY_DEFER}. Messages show
 * only the first characters of what was found, never the secret.
 *
 * <p>Immutable and safe to use from several threads at once.
 */
public final class SecretsReviewer extends StaticReviewer {

  private record Format(String rule, String name, Pattern pattern) {}

  private static final List<Format> FORMATS =
      List.of(
          new Format(
              "secret-aws-access-key",
              "an AWS access key id",
              Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b")),
          new Format(
              "secret-aws-secret-key",
              "an AWS secret access key",
              Pattern.compile(
                  "(?i)aws.{0,20}?(?:secret|private)?.{0,20}?key.{0,10}?[=:>\"' ]+"
                      + "[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])")),
          new Format(
              "secret-github-token",
              "a GitHub token",
              Pattern.compile(
                  "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b")),
          new Format(
              "secret-slack-token",
              "a Slack token",
              Pattern.compile("\\bxox[abposr]-[0-9A-Za-z-]{10,}")),
          new Format(
              "secret-slack-webhook",
              "a Slack webhook URL",
              Pattern.compile(
                  "https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9/_+-]{20,}")),
          new Format(
              "secret-private-key",
              "a private key block",
              Pattern.compile(
                  "-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----")));

  private static final Pattern CANDIDATE = Pattern.compile("[A-Za-z0-9+/_=.-]{20,}");
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|apikey|credential|auth|private[_-]?key)"
              + "[\"']?\\s*[:=]");

  private static final Set<String> LOCKFILES =
      Set.of(
          "package-lock.json",
          "npm-shrinkwrap.json",
          "yarn.lock",
          "pnpm-lock.yaml",
          "go.sum",
          "Cargo.lock",
          "poetry.lock",
          "Pipfile.lock",
          "gradle.lockfile",
          "composer.lock",
          "Gemfile.lock");

  private SecretsReviewer(Agent identity, Clock clock) {
    super(SecretsReviewer.class, identity, clock, RiskSurface.SECURITY);
  }

  /**
   * A secrets reviewer that is {@code identity} and stamps verdicts with {@code clock}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static SecretsReviewer create(Agent identity, Clock clock) {
    return new SecretsReviewer(identity, clock);
  }

  @Override
  List<Finding> findings(ReviewRequest request, UnifiedDiff diff) {
    List<Finding> findings = new ArrayList<>();
    for (UnifiedDiff.FileDiff file : diff.files()) {
      for (UnifiedDiff.AddedLine line : file.added()) {
        scan(file, line, findings);
      }
    }
    return findings;
  }

  private static void scan(
      UnifiedDiff.FileDiff file, UnifiedDiff.AddedLine line, List<Finding> findings) {
    String text = line.text();
    boolean known = false;
    for (Format format : FORMATS) {
      Matcher m = format.pattern().matcher(text);
      if (m.find()) {
        known = true;
        String found = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
        findings.add(
            finding(
                file.path(),
                line.line(),
                Severity.CRITICAL,
                Advice.FIX_NOW,
                format.rule(),
                "adds what looks like " + format.name() + " (" + masked(found) + ")",
                "remove it, revoke it, and read it from the environment or a secret store",
                0.9));
      }
    }
    if (known || LOCKFILES.contains(file.path().fileName())) {
      return; // lockfiles are full of integrity digests
    }
    Matcher candidate = CANDIDATE.matcher(text);
    while (candidate.find()) {
      String token = candidate.group();
      boolean named = SECRET_NAME.matcher(text.substring(0, candidate.start())).find();
      if (!highEntropy(token, named)) {
        continue;
      }
      findings.add(
          finding(
              file.path(),
              line.line(),
              named ? Severity.HIGH : Severity.MEDIUM,
              named ? Advice.FIX_NOW : Advice.MAY_DEFER,
              "secret-high-entropy",
              "adds a high-entropy string"
                  + (named ? " assigned to a secret-like name" : "")
                  + " ("
                  + masked(token)
                  + ", "
                  + String.format(java.util.Locale.ROOT, "%.1f", entropy(token))
                  + " bits per character)",
              "if it is a credential, remove it and revoke it",
              named ? 0.7 : 0.4));
      return; // one per line is enough to send a human to look
    }
  }

  /**
   * Whether {@code token} is random-looking enough to be a credential: Shannon entropy of at least
   * 4.2 bits per character over 20 or more characters mixing letters and digits, and not a path, a
   * dotted name or words joined by separators. Hexadecimal (commit ids, digests) counts only when
   * {@code named} after a secret-like name, from 32 digits and 3 bits per character.
   */
  static boolean highEntropy(String token, boolean named) {
    if (token.chars().filter(c -> c == '/' || c == '.' || c == '-' || c == '_').count()
        > token.length() / 8) {
      return false;
    }
    boolean digits = token.chars().anyMatch(Character::isDigit);
    boolean letters = token.chars().anyMatch(Character::isLetter);
    if (!digits || !letters) {
      return false;
    }
    if (token.matches("[0-9a-f]+") || token.matches("[0-9A-F]+")) {
      // commit ids and digests are everywhere in a repository; only named ones are suspect
      return named && token.length() >= 32 && entropy(token) >= 3.0;
    }
    return entropy(token) >= 4.2;
  }

  /** Shannon entropy of {@code text}'s characters, in bits per character. */
  static double entropy(String text) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / text.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / text.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }

  private static String masked(String secret) {
    return secret.substring(0, Math.min(4, secret.length())) + "…";
  }
}
