package dev.veil.approval.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.store.RequestEvent;
import dev.veil.approval.server.store.StoredRequest;
import dev.veil.approval.server.config.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The reviewer page in a real headless Chromium, signed in through a stand-in OpenID Connect provider issuing real
 * signed ID tokens: the queue, approve, approve for a window, reject with a reason, escalate, CSRF, self-approval,
 * non-approvers and strangers.
 */
class ReviewerPageChromiumTest {

    private static final String CLIENT_ID = "veil-reviewers";
    private static final String CLIENT_SECRET = "stand-in-client-secret-0123456789";
    private static final String REVIEWER_TOKEN = "reviewer-token-dba-0123456789";

    @TempDir
    static Path dir;
    private static StandInIdentityProvider idp;
    private static ApprovalServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        idp = StandInIdentityProvider.start("localhost", CLIENT_ID, CLIENT_SECRET);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // browsers reach the server as localhost, a secure context: Secure cookies work over plain HTTP there
        base = "http://localhost:" + port + "/";
        ServerConfig config = new ServerConfig(
                new ServerConfig.Listen("127.0.0.1", port),
                new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4),
                new ServerConfig.Requests(Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(5),
                        Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofHours(1)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("etl", "driver-token-etl-0123456789")),
                        List.of(new ServerConfig.ReviewerToken("dba@example.com", REVIEWER_TOKEN))),
                null,
                new ServerConfig.Audit(null),
                List.of(new ServerConfig.ApproverGroup("dba", List.of("dba@example.com", "alice@example.com")),
                        new ServerConfig.ApproverGroup("security", List.of("sec@example.com"))),
                new ServerConfig.Web(base, new ServerConfig.Oidc(idp.issuer(), CLIENT_ID, CLIENT_SECRET, null),
                        null));
        server = ApprovalServer.start(config);
        browser = Chromium.start(dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    /** Every test starts signed out, whatever the one before left behind. */
    @BeforeEach
    void signedOut() {
        browser.get(base + "web/signin");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aReviewerSignsInThroughOidcSeesTheQueueAndDecides() {
        StoredRequest approveMe = submit("bob@example.com", "fp-approve", "DELETE FROM sales.orders WHERE id = ?");
        StoredRequest windowMe = submit("bob@example.com", "fp-window", "UPDATE sales.orders SET note = ?");
        StoredRequest rejectMe = submit("bob@example.com", "fp-reject", "DROP TABLE sales.orders");

        signIn("dba@example.com");
        assertThat(browser.findElement(By.id("identity")).getText()).isEqualTo("dba@example.com");
        String queue = browser.findElement(By.id("queue")).getText();
        assertThat(queue).contains(approveMe.id(), windowMe.id(), rejectMe.id(), "bob@example.com");

        press(By.linkText(approveMe.id()));
        assertThat(browser.findElement(By.id("statement")).getText())
                .isEqualTo("DELETE FROM sales.orders WHERE id = ?");
        assertThat(browser.getPageSource()).contains("sales.orders.customer_email", "PII", "writeRows");
        press(By.id("approve"));
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Approved.");
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("APPROVED");
        assertThat(state(approveMe)).isEqualTo(ApprovalState.APPROVED);
        assertThat(service().find(approveMe.id()).orElseThrow().reviewer()).isEqualTo("dba@example.com");
        assertThat(browser.findElement(By.id("history")).getText()).contains("dba@example.com approved (web)");

        open(windowMe);
        new Select(browser.findElement(By.id("window"))).selectByVisibleText("4 h");
        press(By.id("approve-window"));
        StoredRequest windowed = service().find(windowMe.id()).orElseThrow();
        assertThat(windowed.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(Duration.between(windowed.decidedAt(), windowed.approvedUntil())).isEqualTo(Duration.ofHours(4));

        open(rejectMe);
        browser.findElement(By.id("reason-input")).sendKeys("use a migration <script>alert(1)</script>");
        press(By.id("reject"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("REJECTED");
        // shown as text, never as markup
        assertThat(browser.findElement(By.id("reason")).getText())
                .isEqualTo("use a migration <script>alert(1)</script>");
        StoredRequest rejected = service().find(rejectMe.id()).orElseThrow();
        assertThat(rejected.state()).isEqualTo(ApprovalState.REJECTED);
        assertThat(rejected.reason()).isEqualTo("use a migration <script>alert(1)</script>");
        signOut();
    }

    @Test
    void escalationRoutesTheRequestToTheOtherGroupWhichAloneDecidesIt() {
        StoredRequest request = submit("bob@example.com", "fp-escalate", "TRUNCATE sales.orders");
        signIn("dba@example.com");
        open(request);
        assertThat(browser.findElement(By.id("group")).getText()).isEqualTo("dba");
        new Select(browser.findElement(By.id("escalate-group"))).selectByVisibleText("security");
        browser.findElement(By.id("escalate-reason")).sendKeys("needs the security team");
        press(By.id("escalate"));
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Escalated to security.");
        assertThat(browser.findElement(By.id("group")).getText()).isEqualTo("security");
        assertThat(service().groupOf(request.id())).isEqualTo("security");
        assertThat(types(request)).contains("REQUEST_ESCALATED");

        // the first group may no longer decide it
        press(By.id("approve"));
        assertThat(browser.findElement(By.id("flash")).getText())
                .contains("Refused", "not in the approver group security");
        assertThat(state(request)).isEqualTo(ApprovalState.PENDING);
        signOut();

        signIn("sec@example.com");
        open(request);
        press(By.id("approve"));
        assertThat(state(request)).isEqualTo(ApprovalState.APPROVED);
        assertThat(service().find(request.id()).orElseThrow().reviewer()).isEqualTo("sec@example.com");
        signOut();
    }

    @Test
    void selfApprovalIsRefusedAsInSlack() {
        StoredRequest own = submit("alice@example.com", "fp-self", "DROP TABLE sales.returns");
        signIn("alice@example.com");
        open(own);
        press(By.id("approve"));
        assertThat(browser.findElement(By.id("flash")).getText())
                .isEqualTo("Refused: you cannot approve your own request.");
        assertThat(state(own)).isEqualTo(ApprovalState.PENDING);
        assertThat(service().history(own.id())).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("DECISION_REFUSED");
            assertThat(event.payload()).contains("SELF_APPROVAL", "\"via\":\"web\"");
        });
        signOut();
    }

    @Test
    void nonApproversAreRefused() {
        StoredRequest request = submit("bob@example.com", "fp-nonapprover", "DROP TABLE sales.refunds");
        // in a group, but not the one the request is routed to
        signIn("sec@example.com");
        open(request);
        press(By.id("approve"));
        assertThat(browser.findElement(By.id("flash")).getText())
                .contains("Refused", "not in the approver group dba");
        assertThat(state(request)).isEqualTo(ApprovalState.PENDING);
        assertThat(service().history(request.id())).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("DECISION_REFUSED");
            assertThat(event.payload()).contains("NOT_AN_APPROVER");
        });
        signOut();

        // signed in at the provider, but no reviewer at all: no session
        idp.signInAs("mallory@example.com");
        browser.get(base + "web/signin");
        press(By.id("signin-oidc"));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Not a reviewer");
        browser.get(base + "web/");
        assertThat(browser.getCurrentUrl()).endsWith("/web/signin");
    }

    @Test
    void aForgedPostWithoutTheSessionsCsrfTokenChangesNothing() {
        StoredRequest request = submit("bob@example.com", "fp-csrf", "DROP TABLE sales.customers");
        signIn("dba@example.com");
        // an attacker's page on another origin of the same site: the session cookie goes along, the token cannot
        String target = base + "web/requests/" + request.id() + "/approve";
        browser.get(idp.issuer() + "/forge?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        press(By.id("forged"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("CSRF check failed");
        assertThat(state(request)).isEqualTo(ApprovalState.PENDING);

        // the same form from the page itself works
        open(request);
        press(By.id("approve"));
        assertThat(state(request)).isEqualTo(ApprovalState.APPROVED);
        signOut();
    }

    @Test
    void aReviewerTokenSignsInTooAndThePageIsLockedDown() {
        browser.get(base + "web/signin");
        browser.findElement(By.id("token")).sendKeys(REVIEWER_TOKEN);
        press(By.id("signin-token"));
        assertThat(browser.findElement(By.id("identity")).getText()).isEqualTo("dba@example.com");
        signOut();
        browser.get(base + "web/signin");
        browser.findElement(By.id("token")).sendKeys("driver-token-etl-0123456789");
        press(By.id("signin-token"));
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("That is not a reviewer token.");
        browser.get(base + "web/");
        assertThat(browser.getCurrentUrl()).endsWith("/web/signin");
    }

    private static void signIn(String email) {
        idp.signInAs(email);
        browser.get(base + "web/");
        assertThat(browser.getCurrentUrl()).endsWith("/web/signin");
        press(By.id("signin-oidc"));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "web/");
        assertThat(browser.findElement(By.id("identity")).getText()).isEqualTo(email);
    }

    private static void signOut() {
        browser.get(base + "web/");
        press(By.id("signout"));
        assertThat(browser.getCurrentUrl()).endsWith("/web/signin");
    }

    /** Clicks and waits until the browser shows the page the click led to. */
    private static void press(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                // asked in the middle of the navigation: ask again
                return false;
            }
        });
    }

    private static void open(StoredRequest request) {
        browser.get(base + "web/requests/" + request.id());
    }

    private static ApprovalService service() {
        return server.service();
    }

    private static ApprovalState state(StoredRequest request) {
        return service().find(request.id()).orElseThrow().state();
    }

    private static List<String> types(StoredRequest request) {
        return service().history(request.id()).stream().map(RequestEvent::type).toList();
    }

    private static StoredRequest submit(String principal, String fingerprint, String statement) {
        ApprovalRequest request = new ApprovalRequest(
                new Requester(principal, "etl", "nightly-export", "worker-7.example.com"),
                "postgresql://db.example.com:5432/app", fingerprint, statement, "DELETE", List.of("sales.orders"),
                List.of(new TouchedColumn("sales.orders", "customer_email", List.of("PII"))), 120_000L, "writeRows");
        return service().submit("etl", request, UUID.randomUUID().toString()).request();
    }

    static WebDriver browser() {
        return browser;
    }
}
