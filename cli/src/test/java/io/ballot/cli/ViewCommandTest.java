package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ballot check --html} and {@code ballot view}: the page embeds the JSON report (with the model's text and
 * structure, and each step's rule location), and bad input is rejected with a location and exit code 3.
 */
class ViewCommandTest {

  /** Processes over a scalarset, a record and a multiset of messages; "Send" forgets to drop the token. */
  static final String TOKEN =
      """
      type node: scalarset(2);
        msg: record src: node; dst: node; end;
      var tok: array [node] of boolean;
        net: multiset [2] of msg;
      ruleset n: node do
        startstate "init" begin for k: node do tok[k] := false end; tok[n] := true; undefine net; end;
      end;
      ruleset n: node; m: node do
        rule "send" tok[n] & n != m & MultisetCount(i: net, true) = 0
        ==> var x: msg; begin x.src := n; x.dst := m; MultisetAdd(x, net); end;
      end;
      choose i: net do
        rule "receive" true ==> begin tok[net[i].dst] := true; MultisetRemove(i, net); end;
      endchoose;
      invariant "one token" forall a: node do forall b: node do (tok[a] & tok[b]) -> a = b end end;
      -- </script> in a comment
      """;

  @TempDir static Path dir;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void writeModel() throws IOException {
    Files.writeString(dir.resolve("token.m"), TOKEN, StandardCharsets.UTF_8);
  }

  private static String model() {
    return dir.resolve("token.m").toString();
  }

  private static JsonNode embedded(Path html) throws IOException {
    Matcher m = Pattern.compile("id=\"ballot-data\">(.*?)</script>", Pattern.DOTALL).matcher(Files.readString(html));
    assertTrue(m.find());
    return MAPPER.readTree(m.group(1));
  }

  @Test
  void jsonCarriesRuleLocationsAndTheModel() throws IOException {
    Path json = dir.resolve("token.json");
    Cli r = Cli.run("check", "--deadlock-detection", "off", model(), "--json", json.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    JsonNode root = MAPPER.readTree(json.toFile());
    assertEquals("", io.ballot.cli.report.Schemas.problems(io.ballot.cli.report.Schemas.result(), root));
    JsonNode v = root.get("violations").get(0);
    assertEquals("[15,15]", v.get("lines").toString());
    JsonNode trace = v.get("trace");
    assertEquals(3, trace.size());
    assertEquals(model() + ":6:3", trace.get(0).get("location").asText());
    assertEquals("send", trace.get(1).get("rule").asText());
    assertEquals(model() + ":9:3", trace.get(1).get("location").asText());
    assertEquals("[9,10]", trace.get(1).get("lines").toString());
    assertEquals("[13,13]", trace.get(2).get("lines").toString());

    JsonNode info = root.get("modelInfo");
    assertEquals(TOKEN, info.get("source").asText());
    assertEquals("node", info.get("types").get(0).get("name").asText());
    JsonNode tok = info.get("variables").get(0);
    assertEquals("tok", tok.get("name").asText());
    assertEquals("{\"kind\":\"array\",\"index\":{\"kind\":\"scalarset\",\"values\":[\"node_1\",\"node_2\"],"
        + "\"name\":\"node\"},\"element\":{\"kind\":\"boolean\"}}", tok.get("type").toString());
    JsonNode net = info.get("variables").get(1).get("type");
    assertEquals("multiset", net.get("kind").asText());
    assertEquals(2, net.get("capacity").asInt());
    assertEquals("msg", net.get("element").get("name").asText());
    assertEquals("dst", net.get("element").get("fields").get(1).get("name").asText());
    JsonNode send = info.get("rules").get(1);
    assertEquals("send", send.get("name").asText());
    assertEquals("rule", send.get("kind").asText());
    assertEquals("[9,10]", send.get("lines").toString());
    assertEquals("m", send.get("parameters").get(1).get("name").asText());
    assertEquals("node", send.get("parameters").get(1).get("type").get("name").asText());
    assertEquals("startstate", info.get("rules").get(0).get("kind").asText());
  }

  @Test
  void checkHtmlEmbedsTheSameReportAsJson() throws IOException {
    Path json = dir.resolve("same.json");
    Path html = dir.resolve("same.html");
    Cli r = Cli.run("check", "--deadlock-detection", "off", model(), "--json", json.toString(), "--html",
        html.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    JsonNode fromJson = MAPPER.readTree(json.toFile());
    JsonNode fromHtml = embedded(html);
    ((com.fasterxml.jackson.databind.node.ObjectNode) fromJson).remove("seconds");
    ((com.fasterxml.jackson.databind.node.ObjectNode) fromHtml).remove("seconds");
    assertEquals(fromJson, fromHtml);
    assertFalse(Files.readString(html).contains("-- </script>"), "the model's </script> is escaped");
  }

  @Test
  void htmlIntoAMissingDirectoryIsAUsageError() {
    Cli r = Cli.run("check", model(), "--html", dir.resolve("no/such/dir/r.html").toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("cannot write --html file"), r::toString);
  }

  @Test
  void viewWritesThePageNextToTheReportAndPrintsItsPath() throws IOException {
    Path json = dir.resolve("beside.json");
    Cli.run("check", "--deadlock-detection", "off", model(), "--json", json.toString());
    Cli r = Cli.run("view", json.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    Path html = dir.resolve("beside.html");
    assertEquals(html + "\n", r.out());
    assertEquals(MAPPER.readTree(json.toFile()), embedded(html));

    Path other = dir.resolve("elsewhere.html");
    Cli o = Cli.run("view", json.toString(), "-o", other.toString());
    assertEquals(ExitCodes.OK, o.exitCode(), o::toString);
    assertEquals(other + "\n", o.out());
    assertTrue(Files.exists(other));
  }

  @Test
  void viewRejectsWhatIsNotAReport() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"verdict\": \"holds\",\n  oops\n}\n");
    Cli r = Cli.run("view", broken.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: " + broken + ":3:3: error: not valid JSON"), r::toString);

    Path other = dir.resolve("other.json");
    Files.writeString(other, "[1, 2]");
    Cli o = Cli.run("view", other.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, o.exitCode(), o::toString);
    assertTrue(o.err().contains("not a ballot JSON report"), o::toString);

    Cli missing = Cli.run("view", dir.resolve("missing.json").toString());
    assertEquals(ExitCodes.MODEL_REJECTED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("no such file"), missing::toString);
    assertFalse(Files.exists(dir.resolve("missing.html")));
  }

  @Test
  void viewAcceptsTheReportOfSeveralModels() throws IOException {
    Path multi = dir.resolve("multi.json");
    Files.writeString(multi, "{\"version\": \"x\", \"models\": [{\"model\": \"a.m\", \"result\": null},"
        + " {\"model\": \"b.m\", \"result\": {\"model\": \"b.m\", \"verdict\": \"holds\"}}]}");
    Cli r = Cli.run("view", multi.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }

  @Test
  void serveOnAPortInUseIsAUsageErrorNotACrash() throws IOException {
    Path json = dir.resolve("port.json");
    Files.writeString(json, "{\"verdict\": \"holds\"}");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli r = Cli.run("view", json.toString(), "--serve", "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().startsWith("ballot: error: cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": "),
          r::toString);
    }
  }
}
