package io.ballot.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
