package dev.signalbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.RepoPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CODEOWNERS read as GitHub documents it, example by example. */
class CodeOwnersTest {
  /** The example file of GitHub's "About code owners" page, as published. */
  private static final String GITHUB_EXAMPLE =
      """
      # This is a comment.
      # Each line is a file pattern followed by one or more owners.

      # These owners will be the default owners for everything in
      # the repo. Unless a later match takes precedence,
      # @global-owner1 and @global-owner2 will be requested for
      # review when someone opens a pull request.
      *       @global-owner1 @global-owner2

      # Order is important; the last matching pattern takes the most
      # precedence. When someone opens a pull request that only
      # modifies JS files, only @js-owner and not the global
      # owner(s) will be requested for a review.
      *.js    @js-owner #This is an inline comment.

      # You can also use email addresses if you prefer. They'll be
      # used to look up users just like we do for commit author
      # emails.
      *.go docs@example.com

      # Teams can be specified as code owners as well. Teams should
      # be identified in the format @org/team-name. Teams must have
      # explicit write access to the repository. In this example,
      # the octocats team in the octo-org organization owns all .txt files.
      *.txt @octo-org/octocats

      # In this example, @doctocat owns any files in the build/logs
      # directory at the root of the repository and any of its
      # subdirectories.
      /build/logs/ @doctocat

      # The `docs/*` pattern will match files like
      # `docs/getting-started.md` but not further nested files like
      # `docs/build-app/troubleshooting.md`.
      docs/*  docs@example.com

      # In this example, @octocat owns any file in an apps directory
      # anywhere in your repository.
      apps/ @octocat

      # In this example, @doctocat owns any file in the `/docs`
      # directory in the root of your repository and any of its
      # subdirectories.
      /docs/ @doctocat

      # In this example, any change inside the `/scripts` directory
      # will require approval from @doctocat or @octocat.
      /scripts/ @doctocat @octocat

      # In this example, @octocat owns any file in a `/logs` directory such as
      # `/build/logs`, `/scripts/logs`, and `/deeply/nested/logs`. Any changes
      # in a `/logs` directory will require approval from @octocat.
      **/logs @octocat

      # In this example, @octocat owns any file in the `/apps`
      # directory in the root of your repository except for the `/apps/github`
      # subdirectory, as its owners are left empty. Without an owner, changes
      # to `apps/github` can be made with the approval of any user who has
      # write access to the repository.
      /apps/ @octocat
      /apps/github

      # In this example, @octocat owns any file in the `/apps`
      # directory in the root of your repository except for the `/apps/github`
      # subdirectory, as this subdirectory has its own owner @doctocat
      /apps/ @octocat
      /apps/github @doctocat
      """;

  private static final CodeOwners EXAMPLE = CodeOwners.parse(GITHUB_EXAMPLE);

  @Test
  void githubsExampleFileReadsWithoutProblems() {
    assertThat(EXAMPLE.problems()).isEmpty();
    assertThat(EXAMPLE.size()).isEqualTo(14);
  }

  @Test
  void theLastMatchingLineWins() {
    assertThat(owners("README.md")).containsExactly("@global-owner1", "@global-owner2");
    assertThat(owners("src/app/main.js")).containsExactly("@js-owner");
    assertThat(owners("cmd/main.go")).containsExactly("docs@example.com");
    assertThat(owners("notes/todo.txt")).containsExactly("@octo-org/octocats");
    assertThat(owners("scripts/deploy.sh")).containsExactly("@doctocat", "@octocat");
    // /build/logs/ @doctocat is overridden by the later **/logs @octocat
    assertThat(owners("build/logs/today.log")).containsExactly("@octocat");
    assertThat(owners("deeply/nested/logs/x.log")).containsExactly("@octocat");
    assertThat(owners("docs/getting-started.md")).containsExactly("@doctocat");
    assertThat(owners("web/apps/index.html")).containsExactly("@octocat");
    assertThat(owners("apps/web/index.html")).containsExactly("@octocat");
    assertThat(owners("apps/github/hub.rb")).containsExactly("@doctocat");
    assertThat(EXAMPLE.ruleFor(RepoPath.of("apps/github/hub.rb"))).contains(67);
  }

  @Test
  void docsStarOwnsTheFilesInDocsButNotDeeper() {
    CodeOwners owners = CodeOwners.parse("docs/*  docs@example.com\n");
    assertThat(owners.ownersOf(RepoPath.of("docs/getting-started.md")))
        .containsExactly("docs@example.com");
    assertThat(owners.ownersOf(RepoPath.of("docs/build-app/troubleshooting.md"))).isEmpty();
    assertThat(owners.ownersOf(RepoPath.of("src/docs/x.md"))).isEmpty();
  }

  @Test
  void anchoringFollowsGitignore() {
    CodeOwners owners =
        CodeOwners.parse(
            "/build/logs/ @doctocat\napps/ @octocat\n/docs/ @d\n*.js @js\nsrc/**/test @t\n?.c @c\n");
    assertThat(owners.ownersOf(RepoPath.of("build/logs/a/b.log"))).containsExactly("@doctocat");
    assertThat(owners.ownersOf(RepoPath.of("x/build/logs/b.log"))).isEmpty();
    assertThat(owners.ownersOf(RepoPath.of("deep/apps/x"))).containsExactly("@octocat");
    assertThat(owners.ownersOf(RepoPath.of("apps")))
        .isEmpty(); // a file named apps: not a directory
    assertThat(owners.ownersOf(RepoPath.of("x/docs/y"))).isEmpty();
    assertThat(owners.ownersOf(RepoPath.of("a/b/c.js"))).containsExactly("@js");
    assertThat(owners.ownersOf(RepoPath.of("src/test/A.java"))).containsExactly("@t");
    assertThat(owners.ownersOf(RepoPath.of("src/a/b/test/A.java"))).containsExactly("@t");
    assertThat(owners.ownersOf(RepoPath.of("lib/a.c"))).containsExactly("@c");
    assertThat(owners.ownersOf(RepoPath.of("lib/ab.c"))).isEmpty();
  }

  @Test
  void anEmptyOwnerListUnownsAPath() {
    CodeOwners owners = CodeOwners.parse("/apps/ @octocat\n/apps/github\n");
    assertThat(owners.ownersOf(RepoPath.of("apps/github/x.rb"))).isEmpty();
    assertThat(owners.ruleFor(RepoPath.of("apps/github/x.rb"))).contains(2);
    assertThat(owners.ownersOf(RepoPath.of("apps/other/x.rb"))).containsExactly("@octocat");
    assertThat(owners.ownersOf(List.of(RepoPath.of("apps/github/x"), RepoPath.of("apps/y"))))
        .containsExactly("@octocat");
  }

  @Test
  void unsupportedSyntaxIsReportedWithLineNumbers() {
    CodeOwners owners =
        CodeOwners.parse(
            "* @all\n!*.md @nobody\n\\#notes @x\n*.[ch] @c\n*.md @ok not-an-owner\n*.py @py\n");
    assertThat(owners.problems()).extracting(CodeOwners.Problem::line).containsExactly(2, 3, 4, 5);
    assertThat(owners.problems().get(0).toString())
        .isEqualTo("line 2: negated patterns (!) are not supported by GitHub");
    assertThat(owners.problems().get(3).message()).contains("\"not-an-owner\" is not an owner");
    // the broken lines are skipped, as GitHub skips them; the others apply
    assertThat(owners.ownersOf(RepoPath.of("a.md"))).containsExactly("@all");
    assertThat(owners.ownersOf(RepoPath.of("a.py"))).containsExactly("@py");
  }

  @Test
  void windowsLineEndingsAndOversizedFiles() {
    assertThat(CodeOwners.parse("*.js @js\r\n*.go @go\r\n").ownersOf(RepoPath.of("a.go")))
        .containsExactly("@go");
    CodeOwners huge = CodeOwners.parse(new byte[CodeOwners.MAX_BYTES + 1]);
    assertThat(huge.size()).isZero();
    assertThat(huge.problems()).singleElement().asString().contains("larger than 3 MB");
    assertThat(CodeOwners.none().ownersOf(RepoPath.of("a"))).isEmpty();
  }

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  void problemsAreValuesThatRoundTripThroughJson() {
    CodeOwners.Problem problem = new CodeOwners.Problem(3, "bad owner");
    DocumentCodec json = DocumentCodec.json();
    assertThat(json.read(json.write(problem), CodeOwners.Problem.class)).isEqualTo(problem);
    assertThatThrownBy(() -> new CodeOwners.Problem(0, "x"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new CodeOwners.Problem(1, null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CodeOwners.parse((String) null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> owners(String path) {
    return EXAMPLE.ownersOf(RepoPath.of(path));
  }
}
