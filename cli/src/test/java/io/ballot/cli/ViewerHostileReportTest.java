package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21.2: the trace viewer runs no script from a report. Real reports (a multiset model and a network model)
 * have EVERY string (and every variable name) replaced by, or suffixed with, markup and script payloads; the pages
 * that {@code ballot view} makes from them are opened in HtmlUnit with JavaScript on. Nothing may call alert, set
 * the payloads' global, add an element the viewer does not make, an inline handler or a {@code javascript:} link;
 * and the viewer must still render (its steps, table and swimlanes), showing the payloads as text.
 */
class ViewerHostileReportTest {

  /** Each calls alert and sets window.pwned if it ever runs. */
  static final List<String> PAYLOADS = List.of(
      "</script><script>alert('script');window.pwned='script'</script>",
      "\"><img src=x onerror=\"alert('img');window.pwned='img'\">",
      "javascript:alert('url');window.pwned='url'",
      "'><svg onload=alert('svg')><a href=javascript:alert('a')>x</a><!--",
      "<style>*{display:none}</style><iframe src=\"javascript:alert('iframe')\"></iframe>");

  /** Every element the viewer itself makes (plus the page's own skeleton). */
  static final Set<String> VIEWER_ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "noscript",
      "main", "script", "section", "h1", "h2", "h3", "span", "b", "div", "label", "input", "ol", "ul", "li", "a",
      "pre", "code", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "button", "details", "summary",
      "svg", "defs", "marker", "path", "rect", "text", "g", "line", "p");

  @TempDir static Path dir;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<JsonNode> REPORTS = new ArrayList<>();

  @BeforeAll
  static void makeReports() throws IOException {
    Files.writeString(dir.resolve("token.m"), ViewCommandTest.TOKEN, StandardCharsets.UTF_8);
    REPORTS.add(report(dir.resolve("token.m").toString(), "token"));
    REPORTS.add(report("src/test/browser/models/votes-ext.m", "votes"));
  }

  private static JsonNode report(String model, String name) throws IOException {
    Path json = dir.resolve(name + ".json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", model, "--json", json.toString());
    assertTrue(r.exitCode() >= 10 && r.exitCode() <= 19, r::toString);
    JsonNode root = MAPPER.readTree(json.toFile());
    assertTrue(root.path("violations").get(0).path("trace").size() > 1, "a counterexample with steps: " + root);
    return root;
  }

  @Test
  void theNormalPageRendersStepsTableSwimlanesHashAndExpressions() throws Exception {
    JsonNode report = REPORTS.get(0);
    int steps = report.get("violations").get(0).get("trace").size();
    try (Browser b = new Browser()) {
      HtmlPage page = b.open(view(report, "normal"), "#step=2");
      assertEquals(steps, page.querySelectorAll("li.step").size(), "one list item per step");
      assertEquals(steps, page.querySelectorAll("th.step-col").size(), "one table column per step");
      assertFalse(page.querySelectorAll("tr.leaf td.changed").isEmpty(), "changed cells are marked");
      assertFalse(page.querySelectorAll("svg.swimlane g.step-box").isEmpty(), "swimlane boxes");
      assertEquals(1, page.querySelectorAll("svg.swimlane g.message").size(), "the token's message is an arrow");
      assertEquals("1", b.eval(page, "String(window.ballotViewer.selected())"), "#step=2 selects the second step");
      assertTrue(page.querySelector(".detail").getTextContent().startsWith("Step 2 of " + steps), "the detail");
      assertTrue(page.querySelector("pre.source").getTextContent().contains("invariant \"one token\""));
      // the expression evaluator: a row of its own, one value per step
      b.eval(page, "var v = window.ballotViewer.views[0]; v.showExpression('tok[node_1] | tok[node_2]'); 'ok'");
      List<String> row = new ArrayList<>();
      page.querySelectorAll("tr.leaf.expr td").forEach(td -> row.add(td.getTextContent()));
      assertEquals(steps, row.size(), row::toString);
      assertEquals("true", row.get(steps - 1), row::toString);
      b.assertNothingRan();
    }
  }

  @Test
  void reportsWithPayloadsInEveryStringRunNoScript() throws Exception {
    int n = 0;
    for (JsonNode report : REPORTS) {
      for (boolean suffix : new boolean[] {false, true}) {
        for (int p = 0; p < PAYLOADS.size(); p++) {
          int first = p;
          JsonNode hostile = poison(report, s -> suffix ? s + payload(s, first) : payload(s, first));
          Path html = view(hostile, "hostile-" + n++);
          try (Browser b = new Browser()) {
            HtmlPage page = b.open(html, "#step=2");
            String what = html + " (" + (suffix ? "suffixed" : "replaced") + ", payloads from " + first + ")";
            b.assertNothingRan();
            assertEquals("undefined", b.eval(page, "typeof window.pwned"), what);
            assertEquals("true", b.eval(page, "String(!!(window.ballotViewer && window.ballotViewer.ready))"),
                "the viewer still renders: " + what);
            assertNoForeignMarkup(page, what);
            String shown = page.getBody().getTextContent();
            assertTrue(shown.contains("onerror=") || shown.contains("<script>") || shown.contains("javascript:"),
                "the payloads are shown as text: " + what);
          }
        }
      }
    }
  }

  @Test
  void poisonMapsEveryStringAndEveryStateName() {
    ObjectNode sample = MAPPER.createObjectNode().put("a", "x").put("n", 3);
    sample.set("state", MAPPER.createObjectNode().put("v", "y"));
    sample.putArray("lines").add(4).add(5);
    JsonNode poisoned = poison(sample, s -> s + "!");
    assertEquals("{\"a\":\"x!\",\"n\":3,\"state\":{\"v!\":\"y!\"},\"lines\":[\"4!\",\"5!\"]}",
        poisoned.toString());
  }

  /** The page ballot view makes from {@code report}. */
  private static Path view(JsonNode report, String name) throws IOException {
    Path json = dir.resolve(name + ".json");
    Files.writeString(json, MAPPER.writeValueAsString(report), StandardCharsets.UTF_8);
    Path html = dir.resolve(name + ".html");
    Cli r = Cli.run("view", json.toString(), "-o", html.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    return html;
  }

  /** A payload picked by the text it replaces: the same text always gets the same one (names still match). */
  private static String payload(String s, int first) {
    return PAYLOADS.get(Math.floorMod(s.hashCode() + first, PAYLOADS.size()));
  }

  /**
   * A copy of {@code node} with every string value, every name in a state and every line number ({@code lines}, made
   * a string) mapped by {@code f}.
   */
  static JsonNode poison(JsonNode node, UnaryOperator<String> f) {
    if (node.isTextual()) {
      return TextNode.valueOf(f.apply(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode a = MAPPER.createArrayNode();
      node.forEach(x -> a.add(poison(x, f)));
      return a;
    }
    if (node.isObject()) {
      ObjectNode o = MAPPER.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      boolean names = false;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode value = poison(e.getValue(), f);
        if (e.getKey().equals("lines") && value.isArray()) { // line numbers a crafted report makes strings
          ArrayNode texts = MAPPER.createArrayNode();
          value.forEach(x -> texts.add(f.apply(x.asText())));
          value = texts;
        }
        if (e.getKey().equals("state") && value.isObject()) {
          ObjectNode renamed = MAPPER.createObjectNode();
          value.fields().forEachRemaining(v -> renamed.set(f.apply(v.getKey()), v.getValue()));
          value = renamed;
        }
        o.set(e.getKey(), value);
      }
      return o;
    }
    return node;
  }

  private static void assertNoForeignMarkup(HtmlPage page, String what) {
    int scripts = 0;
    for (DomElement e : page.getDocumentElement().getDomElementDescendants()) {
      String tag = e.getLocalName().toLowerCase(Locale.ROOT);
      assertTrue(VIEWER_ELEMENTS.contains(tag), "an element the viewer does not make: <" + tag + "> in " + what);
      if (tag.equals("script")) {
        scripts++;
      }
      for (var attribute : e.getAttributesMap().values()) {
        String name = attribute.getName().toLowerCase(Locale.ROOT);
        assertFalse(name.startsWith("on"), "an inline handler " + name + " on <" + tag + "> in " + what);
        String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
        // the viewer's widths and indents (set through CSSOM, which the DOM shows as a style attribute), nothing else
        assertTrue(!name.equals("style") || value.matches("((width|padding-left): [0-9.]+px; ?)+"),
            "a style attribute " + value + " on <" + tag + "> in " + what);
        if (name.equals("href") || name.equals("src") || name.endsWith(":href") || name.equals("action")) {
          assertFalse(value.startsWith("javascript:"), "a javascript: URL in " + name + " of <" + tag + "> in " + what);
        }
      }
    }
    assertEquals(2, scripts, "only the data block and the viewer's script: " + what);
  }

  /** An HtmlUnit browser that records every alert and script error. */
  static final class Browser implements AutoCloseable {
    final WebClient client = new WebClient(BrowserVersion.FIREFOX);
    final List<String> alerts = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    Browser() {
      client.getOptions().setJavaScriptEnabled(true);
      client.getOptions().setCssEnabled(true);
      client.getOptions().setThrowExceptionOnScriptError(false);
      client.setAlertHandler((p, message) -> alerts.add(message));
      client.setJavaScriptErrorListener(new JavaScriptErrorListener() {
        @Override
        public void scriptException(HtmlPage p, ScriptException e) {
          errors.add(e.getMessage());
        }

        @Override
        public void timeoutError(HtmlPage p, long allowed, long executed) {
          errors.add("timeout");
        }

        @Override
        public void malformedScriptURL(HtmlPage p, String url, java.net.MalformedURLException e) {
          errors.add("malformed script URL " + url);
        }

        @Override
        public void loadScriptError(HtmlPage p, java.net.URL url, Exception e) {
          errors.add("script load " + url);
        }

        @Override
        public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
          // HtmlUnit's notes on the page's JavaScript, not errors
        }
      });
    }

    HtmlPage open(Path html, String hash) throws IOException {
      HtmlPage page = client.getPage(html.toUri().toURL() + hash);
      client.waitForBackgroundJavaScript(2000);
      return page;
    }

    String eval(HtmlPage page, String js) {
      return String.valueOf(page.executeJavaScript(js).getJavaScriptResult());
    }

    void assertNothingRan() {
      assertEquals(List.of(), alerts, "alerts");
      assertEquals(List.of(), errors, "script errors");
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
