package io.ballot.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The viewer page: assets inlined, the report embedded so that no text in it can end its script element. */
class ViewerPageTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String resource(String name) throws Exception {
    try (InputStream in = ViewerPage.class.getResourceAsStream("/io/ballot/cli/viewer/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A report whose strings try to break out of the data block. */
  private static ObjectNode hostileReport() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", "m</script><script>alert(1)</script>.m");
    root.put("verdict", "violated");
    ObjectNode info = root.putObject("modelInfo");
    info.put("source", "-- </SCRIPT> <!-- & \u2028 @DATA@ /*@JS@*/\nvar x: boolean;\n");
    root.putArray("violations").addObject().put("property", "a < b & c > d");
    return root;
  }

  /** The text of the page's one data block. */
  private static String dataBlock(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"ballot-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find(), "no data block");
    return m.group(1);
  }

  @Test
  void inlinesTheCssAndScriptAndLinksNothing() throws Exception {
    String html = ViewerPage.html("{\"verdict\":\"holds\"}");
    assertTrue(html.contains(resource("viewer.css").strip()));
    assertTrue(html.contains(resource("viewer.js").strip()));
    assertFalse(html.contains("/*@CSS@*/") || html.contains("/*@JS@*/") || html.contains("@DATA@"));
    assertFalse(Pattern.compile("<(link|img|iframe)\\b|<script[^>]*\\bsrc=", Pattern.CASE_INSENSITIVE).matcher(html)
        .find(), "the page must not load anything");
    assertTrue(html.contains("default-src 'none'"), "a content security policy forbids any fetch");
  }

  /**
   * Issue 21.2: the CSP allows the page's own script and style only, by hash: no 'unsafe-inline', so a handler or
   * script planted by a report's text would not run.
   */
  @Test
  void theCspAllowsOnlyThePagesOwnScriptAndStyleByHash() throws Exception {
    String html = ViewerPage.html(MAPPER.writeValueAsString(hostileReport()));
    Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertTrue(meta.find(), "a CSP meta element");
    String csp = meta.group(1);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
    assertTrue(csp.startsWith("default-src 'none';"), csp);
    Map<String, String> directives = new HashMap<>();
    for (String d : csp.split(";")) {
      String[] words = d.strip().split(" ", 2);
      directives.put(words[0], words.length > 1 ? words[1] : "");
    }
    // every inline script that is code (not the JSON data block) and every style element is named by its hash
    List<String> scripts = new ArrayList<>();
    Matcher script = Pattern.compile("<script( [^>]*)?>(.*?)</script>", Pattern.DOTALL).matcher(html);
    while (script.find()) {
      if (script.group(1) == null) {
        scripts.add(script.group(2));
      } else {
        assertEquals(" type=\"application/json\" id=\"ballot-data\"", script.group(1), "only the data block");
      }
    }
    assertEquals(1, scripts.size());
    assertEquals("'" + sha256(scripts.get(0)) + "'", directives.get("script-src"));
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    assertTrue(style.find());
    assertEquals("'" + sha256(style.group(1)) + "'", directives.get("style-src"));
    assertFalse(style.find(), "one style element");
    assertEquals("'none'", directives.get("base-uri"));
    assertEquals("'none'", directives.get("form-action"));
    assertFalse(Pattern.compile("\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html.replaceAll(
        "(?s)<script.*?</script>", "")).find(), "no inline style or handler attribute in the markup");
  }

  private static String sha256(String text) throws Exception {
    return "sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void embeddedReportCannotCloseItsScriptElement() throws Exception {
    ObjectNode report = hostileReport();
    String html = ViewerPage.html(MAPPER.writeValueAsString(report));
    String data = dataBlock(html);
    assertFalse(data.contains("<") || data.contains(">") || data.contains("&") || data.contains("\u2028"), data);
    // JSON.parse (here Jackson) reads the escaped text back as the same report
    assertEquals(report, MAPPER.readTree(data));
    // exactly the page's own two script elements end: the data block and the viewer's code
    assertEquals(2, html.split("</script>", -1).length - 1);
    assertEquals(0, html.split("(?i)<!--", -1).length - 1);
  }

  @Test
  void placeholdersInsideTheReportAreNotExpanded() throws Exception {
    ObjectNode report = hostileReport();
    String data = dataBlock(ViewerPage.html(MAPPER.writeValueAsString(report)));
    JsonNode back = MAPPER.readTree(data);
    assertTrue(back.get("modelInfo").get("source").asText().contains("@DATA@ /*@JS@*/"));
  }

  @Test
  void embedEscapesOnlyWhatHtmlReads() {
    assertEquals("{\"a\":\"\\u003c/script\\u003e \\u0026 \\u2028\"}", ViewerPage.embed("{\"a\":\"</script> & \u2028\"}"));
    assertEquals("{\"b\":[1,2]}", ViewerPage.embed("{\"b\":[1,2]}"));
  }

  @Test
  void writesTheReportTree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("r.html");
    ViewerPage.write(hostileReport(), file);
    assertEquals(hostileReport(), MAPPER.readTree(dataBlock(java.nio.file.Files.readString(file))));
  }
}
