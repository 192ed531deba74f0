package io.ballot.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The trace viewer: one self-contained HTML page for a JSON report (the {@code --json} format,
 * docs/trace-format.md). The page's CSS and JavaScript (resources {@code io/ballot/cli/viewer/}) are inlined and the
 * report is embedded as a JSON data block, so the page needs no network and works from a file:// URL. The report
 * is untrusted text: it is escaped in its data block, the script builds the page from DOM nodes only, and the
 * page's content security policy allows only the page's own script and style (docs/trace-viewer.md).
 */
public final class ViewerPage {

  private static final String RESOURCES = "/io/ballot/cli/viewer/";

  private ViewerPage() {}

  /** The page for the report {@code json} (the text of a JSON report). */
  public static String html(String json) {
    String template = resource("viewer.html");
    String css = resource("viewer.css");
    String expr = resource("expr.js"); // the expression evaluator, window.BallotExpr
    String analysis = resource("trace-analysis.js"); // what a counterexample holds, window.BallotTrace
    String dom = resource("dom.js"); // building page content from DOM nodes only, window.BallotDom
    String source = resource("source-panel.js"); // the model's source and its highlighted lines, window.BallotSource
    String js = resource("viewer.js"); // the rendering of the report's results and violations
    requireNoClosingTag(css, "style", "viewer.css");
    requireNoClosingTag(expr, "script", "expr.js");
    requireNoClosingTag(analysis, "script", "trace-analysis.js");
    requireNoClosingTag(dom, "script", "dom.js");
    requireNoClosingTag(source, "script", "source-panel.js");
    requireNoClosingTag(js, "script", "viewer.js");
    js = String.join("\n", expr, analysis, dom, source, js);
    // The report goes in last, so that no text inside it is taken for a placeholder.
    return template
        .replace("@CSP@", contentSecurityPolicy(css, js))
        .replace("/*@CSS@*/", css)
        .replace("/*@JS@*/", js)
        .replace("@DATA@", embed(json));
  }

  /**
   * The page's content security policy: nothing from the network, and only the page's own style and script
   * elements, named by their SHA-256 hashes. No 'unsafe-inline': an inline script, event handler or style attribute
   * that some text of a report managed to plant would not run.
   */
  static String contentSecurityPolicy(String style, String script) {
    return "default-src 'none'; style-src '" + sha256(style) + "'; script-src '" + sha256(script) + "';"
        + " base-uri 'none'; form-action 'none'";
  }

  /** The CSP source of {@code text} (UTF-8): {@code sha256-BASE64}. */
  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Writes the page for the report tree {@code report} to {@code file}; failing to is an unchecked error. */
  public static void write(JsonNode report, Path file) {
    try {
      write(new ObjectMapper().writeValueAsString(report), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace viewer page to " + file, e);
    }
  }

  /** Writes the page for {@code json} to {@code file}. */
  public static void write(String json, Path file) throws IOException {
    Files.writeString(file, html(json), StandardCharsets.UTF_8);
  }

  /**
   * JSON text made safe inside a {@code <script type="application/json">} element: every {@code <}, {@code >} and
   * {@code &} (which JSON only has inside strings) becomes a \\u escape, so no {@code </script>} or
   * {@code <!--} can end or confuse the element; JSON.parse reads the same value back.
   */
  static String embed(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void requireNoClosingTag(String text, String tag, String name) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("</" + tag) || lower.contains("<!--")) {
      throw new IllegalStateException(name + " contains </" + tag + " or <!--, which would break its inlined element");
    }
  }

  private static String resource(String name) {
    try (InputStream in = ViewerPage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("viewer resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
