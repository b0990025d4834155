package dev.signalbox.examples.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small payments service the demo's agents work on: four components ({@code api}, {@code auth},
 * {@code billing}, {@code db}), a CODEOWNERS file and a Flyway migration folder.
 */
final class Service {
  private Service() {}

  /** The repository's name. */
  static final String REPOSITORY = "acme/payments";

  /** The files of the first commit on {@code main}. */
  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("README.md", "# payments\n\nOrders, sessions and invoices for the Acme shop.\n");
    files.put(
        "CODEOWNERS",
        """
        # each component has an owning team
        /api/      @acme/storefront
        /auth/     @acme/identity
        /billing/  @acme/billing
        /db/       @acme/dba
        """);
    files.put(
        "api/src/main/java/acme/api/OrdersController.java",
        java(
            "acme.api",
            "OrdersController",
            """
              private final Orders orders;

              OrdersController(Orders orders) {
                this.orders = orders;
              }

              List<Order> list(String customer) {
                return orders.byCustomer(customer);
              }
            """));
    files.put(
        "api/src/test/java/acme/api/OrdersControllerTest.java",
        java(
            "acme.api",
            "OrdersControllerTest",
            """
              @Test
              void listsACustomersOrders() {
                assertThat(controller().list("c-1")).hasSize(2);
              }
            """));
    files.put(
        "auth/src/main/java/acme/auth/SessionService.java",
        java(
            "acme.auth",
            "SessionService",
            """
              static final Duration LIFETIME = Duration.ofHours(12);

              Session open(User user, Instant now) {
                return new Session(user, now, now.plus(LIFETIME));
              }
            """));
    files.put(
        "auth/src/test/java/acme/auth/SessionServiceTest.java",
        java(
            "acme.auth",
            "SessionServiceTest",
            """
              @Test
              void aSessionLastsItsLifetime() {
                assertThat(service().open(USER, NOW).expiresAt()).isEqualTo(NOW.plus(LIFETIME));
              }
            """));
    files.put(
        "auth/src/main/java/acme/auth/TokenValidator.java",
        java(
            "acme.auth",
            "TokenValidator",
            """
              boolean valid(Token token, Instant now) {
                return token.signatureVerifies() && now.isBefore(token.expiresAt());
              }
            """));
    files.put(
        "auth/src/test/java/acme/auth/TokenValidatorTest.java",
        java(
            "acme.auth",
            "TokenValidatorTest",
            """
              @Test
              void anExpiredTokenIsInvalid() {
                assertThat(validator().valid(expired(), NOW)).isFalse();
              }
            """));
    files.put(
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
          </dependencies>
        </project>
        """);
    files.put(
        "billing/src/main/java/acme/billing/Invoices.java",
        java(
            "acme.billing",
            "Invoices",
            """
              Invoice issue(Order order) {
                return new Invoice(order.id(), order.total());
              }
            """));
    files.put(
        "billing/src/test/java/acme/billing/InvoicesTest.java",
        java(
            "acme.billing",
            "InvoicesTest",
            """
              @Test
              void anInvoiceCarriesTheOrderTotal() {
                assertThat(invoices().issue(ORDER).total()).isEqualTo(ORDER.total());
              }
            """));
    files.put(
        "billing/src/main/java/acme/billing/WebhookClient.java",
        java(
            "acme.billing",
            "WebhookClient",
            """
              void send(Event event) {
                http.post(endpoint, event.json());
              }
            """));
    files.put(
        "db/migrations/V1__create_orders.sql",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer TEXT NOT NULL, total NUMERIC);\n");
    files.put("db/migrations/U1__create_orders.sql", "DROP TABLE orders;\n");
    files.put(
        "db/migrations/V2__create_invoices.sql",
        "CREATE TABLE invoices (id BIGINT PRIMARY KEY, order_id BIGINT, total NUMERIC);\n");
    files.put("db/migrations/U2__create_invoices.sql", "DROP TABLE invoices;\n");
    return files;
  }

  /** A Java source file: the package, a class named {@code name}, and its {@code body}. */
  static String java(String pkg, String name, String body) {
    return "package " + pkg + ";\n\nfinal class " + name + " {\n" + body + "}\n";
  }
}
