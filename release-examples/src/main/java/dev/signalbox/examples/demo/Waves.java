package dev.signalbox.examples.demo;

import static dev.signalbox.examples.demo.Service.java;

import dev.signalbox.core.model.Criticality;
import dev.signalbox.core.model.RollbackKind;
import dev.signalbox.core.model.RollbackPlan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes the engineers dispatch during the week: each agent's wave — a routine feature, a
 * change to the auth component, a schema migration, a change that leaks a credential, a change that
 * drifts outside its declared scope, a change that depends on the other team's — and the emergency
 * fix of Tuesday's incident.
 */
final class Waves {
  private Waves() {}

  /** Alice's wave, dispatched to her Claude agent on Monday morning. */
  static final String ALICE_WAVE = "alice-mon";

  /** Bob's wave, dispatched to his GPT agent an hour later. */
  static final String BOB_WAVE = "bob-mon";

  /** The routine feature. */
  static final Dispatch PAGINATION =
      Dispatch.routine(
          "101",
          "Orders: paginate the order list",
          Cast.CLAUDE_BUILDER,
          Cast.ALICE,
          ALICE_WAVE,
          Map.of(
              "api/src/main/java/acme/api/OrdersController.java",
              java(
                  "acme.api",
                  "OrdersController",
                  """
                    static final int PAGE_SIZE = 50;

                    private final Orders orders;

                    OrdersController(Orders orders) {
                      this.orders = orders;
                    }

                    List<Order> list(String customer, int page) {
                      return orders.byCustomer(customer, page * PAGE_SIZE, PAGE_SIZE);
                    }
                  """),
              "api/src/test/java/acme/api/OrdersControllerTest.java",
              java(
                  "acme.api",
                  "OrdersControllerTest",
                  """
                    @Test
                    void listsACustomersOrders() {
                      assertThat(controller().list("c-1", 0)).hasSize(2);
                    }

                    @Test
                    void listsOnePage() {
                      assertThat(controller(120).list("c-1", 1)).hasSize(PAGE_SIZE);
                    }
                  """)),
          Set.of("acme.api.OrdersControllerTest#listsOnePage"),
          "api");

  /** The change to the auth component, which Tuesday's freeze will hold. */
  static final Dispatch SESSION_LIFETIME =
      Dispatch.routine(
          "102",
          "Sessions: shorten the session lifetime to 8 hours",
          Cast.CLAUDE_BUILDER,
          Cast.ALICE,
          ALICE_WAVE,
          Map.of(
              "auth/src/main/java/acme/auth/SessionService.java",
              java(
                  "acme.auth",
                  "SessionService",
                  """
                    static final Duration LIFETIME = Duration.ofHours(8);

                    Session open(User user, Instant now) {
                      return new Session(user, now, now.plus(LIFETIME));
                    }
                  """),
              "auth/src/test/java/acme/auth/SessionServiceTest.java",
              java(
                  "acme.auth",
                  "SessionServiceTest",
                  """
                    @Test
                    void aSessionLastsEightHours() {
                      assertThat(service().open(USER, NOW).expiresAt()).isEqualTo(NOW.plusSeconds(8 * 3600));
                    }
                  """)),
          Set.of("acme.auth.SessionServiceTest#aSessionLastsEightHours"),
          "auth");

  /** The schema migration, with its undo script and a down-migration rollback plan. */
  static final Dispatch DUE_DATES =
      Dispatch.routine(
              "103",
              "Invoices: add a due date",
              Cast.CLAUDE_BUILDER,
              Cast.ALICE,
              ALICE_WAVE,
              Map.of(
                  "db/migrations/V3__invoice_due_date.sql",
                  "ALTER TABLE invoices ADD COLUMN due_date DATE;\n",
                  "db/migrations/U3__invoice_due_date.sql",
                  "ALTER TABLE invoices DROP COLUMN due_date;\n",
                  "billing/src/main/java/acme/billing/Invoices.java",
                  java(
                      "acme.billing",
                      "Invoices",
                      """
                        static final Period TERMS = Period.ofDays(30);

                        Invoice issue(Order order, LocalDate today) {
                          return new Invoice(order.id(), order.total(), today.plus(TERMS));
                        }
                      """),
                  "billing/src/test/java/acme/billing/InvoicesTest.java",
                  java(
                      "acme.billing",
                      "InvoicesTest",
                      """
                        @Test
                        void anInvoiceCarriesTheOrderTotal() {
                          assertThat(invoices().issue(ORDER, TODAY).total()).isEqualTo(ORDER.total());
                        }

                        @Test
                        void anInvoiceIsDueInThirtyDays() {
                          assertThat(invoices().issue(ORDER, TODAY).dueDate()).isEqualTo(TODAY.plusDays(30));
                        }
                      """)),
              Set.of("acme.billing.InvoicesTest#anInvoiceIsDueInThirtyDays"),
              "db/migrations",
              "billing")
          .withRollback(
              RollbackPlan.of(
                  RollbackKind.MIGRATION_DOWN,
                  "run db/migrations/U3__invoice_due_date.sql",
                  "revert the merge commit"));

  /** The change whose agent pasted a Slack bot token into the code. */
  static final Dispatch WEBHOOK_RETRIES =
      Dispatch.routine(
          "104",
          "Webhooks: retry failed deliveries and alert on Slack",
          Cast.CLAUDE_BUILDER,
          Cast.ALICE,
          ALICE_WAVE,
          Map.of(
              "billing/src/main/java/acme/billing/WebhookClient.java",
              java(
                  "acme.billing",
                  "WebhookClient",
                  """
                    private static final int ATTEMPTS = 3;
                    private static final String SLACK_TOKEN = "%s";

                    void send(Event event) {
                      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                        if (http.post(endpoint, event.json()).ok()) {
                          return;
                        }
                      }
                      slack.post(SLACK_TOKEN, "#billing-alerts", "webhook failed: " + event.id());
                    }
                  """
                      .formatted(leakedToken())),
              "billing/src/test/java/acme/billing/WebhookClientTest.java",
              java(
                  "acme.billing",
                  "WebhookClientTest",
                  """
                    @Test
                    void retriesThreeTimes() {
                      assertThat(failingTwice().send(EVENT).attempts()).isEqualTo(3);
                    }
                  """)),
          Set.of("acme.billing.WebhookClientTest#retriesThreeTimes"),
          "billing");

  /** The routine change of Bob's wave, which also pins a new dependency. */
  static final Dispatch ROUNDING =
      Dispatch.routine(
          "201",
          "Invoices: round totals half-even in each currency",
          Cast.GPT_BUILDER,
          Cast.BOB,
          BOB_WAVE,
          Map.of(
              "billing/pom.xml",
              """
              <project>
                <artifactId>billing</artifactId>
                <dependencies>
                  <dependency>
                    <groupId>com.fasterxml.jackson.core</groupId>
                    <artifactId>jackson-databind</artifactId>
                    <version>2.18.2</version>
                  </dependency>
                  <dependency>
                    <groupId>javax.money</groupId>
                    <artifactId>money-api</artifactId>
                    <version>1.1</version>
                  </dependency>
                </dependencies>
              </project>
              """,
              "billing/src/main/java/acme/billing/Rounding.java",
              java(
                  "acme.billing",
                  "Rounding",
                  """
                    BigDecimal round(BigDecimal amount, CurrencyUnit currency) {
                      return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
                    }
                  """),
              "billing/src/test/java/acme/billing/RoundingTest.java",
              java(
                  "acme.billing",
                  "RoundingTest",
                  """
                    @Test
                    void roundsHalfEven() {
                      assertThat(rounding().round(new BigDecimal("2.345"), EUR)).isEqualTo("2.34");
                    }
                  """)),
          Set.of("acme.billing.RoundingTest#roundsHalfEven"),
          "billing");

  /** The change that needs Alice's migration: it shows the invoices' due dates. */
  static final Dispatch INVOICE_API =
      Dispatch.routine(
              "202",
              "API: show invoice due dates",
              Cast.GPT_BUILDER,
              Cast.BOB,
              BOB_WAVE,
              Map.of(
                  "api/src/main/java/acme/api/InvoicesController.java",
                  java(
                      "acme.api",
                      "InvoicesController",
                      """
                        InvoiceView show(Invoice invoice) {
                          return new InvoiceView(invoice.id(), invoice.total(), invoice.dueDate());
                        }
                      """),
                  "api/src/test/java/acme/api/InvoicesControllerTest.java",
                  java(
                      "acme.api",
                      "InvoicesControllerTest",
                      """
                        @Test
                        void showsTheDueDate() {
                          assertThat(controller().show(INVOICE).dueDate()).isEqualTo(DUE);
                        }
                      """)),
              Set.of("acme.api.InvoicesControllerTest#showsTheDueDate"),
              "api")
          .dependingOn(List.of(DUE_DATES.ref()));

  /** The change whose agent also "tidied" billing code, outside the scope it declared. */
  static final Dispatch RATE_LIMIT =
      Dispatch.routine(
              "203",
              "API: rate-limit the order list",
              Cast.GPT_BUILDER,
              Cast.BOB,
              BOB_WAVE,
              Map.of(
                  "api/src/main/java/acme/api/RateLimiter.java",
                  java(
                      "acme.api",
                      "RateLimiter",
                      """
                        private final int perMinute;

                        RateLimiter(int perMinute) {
                          this.perMinute = perMinute;
                        }

                        boolean allow(String customer, Instant now) {
                          return window(customer, now).count() < perMinute;
                        }
                      """),
                  "api/src/test/java/acme/api/RateLimiterTest.java",
                  java(
                      "acme.api",
                      "RateLimiterTest",
                      """
                        @Test
                        void refusesTheSixtyFirstCall() {
                          assertThat(calls(limiter(60), 61)).endsWith(false);
                        }
                      """),
                  "billing/src/main/java/acme/billing/Invoices.java",
                  java(
                      "acme.billing",
                      "Invoices",
                      """
                        Invoice issue(Order order) {
                          // tidied while passing by
                          return new Invoice(order.id(), order.total().stripTrailingZeros());
                        }
                      """)),
              Set.of("acme.api.RateLimiterTest#refusesTheSixtyFirstCall"),
              "api")
          .claiming(
              Set.of(
                  "api/src/main/java/acme/api/RateLimiter.java",
                  "api/src/test/java/acme/api/RateLimiterTest.java"));

  /** The emergency fix of Tuesday's incident, dispatched to Bob's agent during the freeze. */
  static final Dispatch TOKEN_FIX =
      Dispatch.routine(
              "204",
              "Sessions: reject the tokens of logged-out sessions",
              Cast.GPT_BUILDER,
              Cast.BOB,
              BOB_WAVE,
              Map.of(
                  "auth/src/main/java/acme/auth/TokenValidator.java",
                  java(
                      "acme.auth",
                      "TokenValidator",
                      """
                        private final Revocations revocations;

                        TokenValidator(Revocations revocations) {
                          this.revocations = revocations;
                        }

                        boolean valid(Token token, Instant now) {
                          return token.signatureVerifies()
                              && now.isBefore(token.expiresAt())
                              && !revocations.loggedOut(token.session());
                        }
                      """),
                  "auth/src/test/java/acme/auth/TokenValidatorTest.java",
                  java(
                      "acme.auth",
                      "TokenValidatorTest",
                      """
                        @Test
                        void anExpiredTokenIsInvalid() {
                          assertThat(validator().valid(expired(), NOW)).isFalse();
                        }

                        @Test
                        void aLoggedOutSessionsTokenIsInvalid() {
                          assertThat(validator(loggedOut(SESSION)).valid(token(SESSION), NOW)).isFalse();
                        }
                      """)),
              Set.of("acme.auth.TokenValidatorTest#aLoggedOutSessionsTokenIsInvalid"),
              "auth")
          .asEmergency(Criticality.HIGH);

  /** Alice's wave, in the order her agent opened the changes. */
  static List<Dispatch> alice() {
    return List.of(PAGINATION, SESSION_LIFETIME, DUE_DATES, WEBHOOK_RETRIES);
  }

  /** Bob's wave, in the order his agent opened the changes. */
  static List<Dispatch> bob() {
    return List.of(ROUNDING, INVOICE_API, RATE_LIMIT);
  }

  /**
   * The Slack bot token the agent leaked — made up, and put together here so that no secret scanner
   * flags this source file.
   */
  private static String leakedToken() {
    return String.join("-", "xoxb", "2847113052", "8817723412", "Qk7xPz9mWv3LrT2sNb4Hc8Yd");
  }
}
