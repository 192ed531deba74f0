package io.ballot.cli.report;

import io.ballot.checker.result.Result;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.Violation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.dsl.api.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results of a run as JUnit XML, in the shape Maven Surefire writes and CI systems read: a
 * {@code <testsuites>} root with one {@code <testsuite>} per model and one {@code <testcase>} per property of the
 * model ({@link PropertyCase}: each invariant, liveness property and cover, deadlock freedom, the
 * {@code assert}/{@code error} statements), then {@code rules fire} (vacuity: every rule fired at least once) and
 * {@code expected outcome} (the model's expectation). An unexpected violation is a {@code <failure>} whose text is
 * the counterexample; a violation the project file expects passes, with the counterexample in
 * {@code <system-out>}; a property the search stopped before checking is {@code <skipped>}; a model rejected or
 * stopped by a limit has an {@code <error>}. A model is checked by one search, so its time is split evenly over
 * its test cases (the suite's time is the model's).
 */
public final class JUnitReporter {

  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

  /** Writes the report of {@code outcomes}; {@code timestamp} is when the run started. */
  public void write(List<ModelOutcome> outcomes, Instant timestamp, Writer out) throws IOException {
    List<Suite> suites = outcomes.stream().map(this::suite).toList();
    try {
      XMLStreamWriter x = factory.createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "ballot");
      x.writeAttribute("tests", Integer.toString(suites.stream().mapToInt(s -> s.cases.size()).sum()));
      x.writeAttribute("failures", Integer.toString(suites.stream().mapToInt(s -> s.count("failure")).sum()));
      x.writeAttribute("errors", Integer.toString(suites.stream().mapToInt(s -> s.count("error")).sum()));
      x.writeAttribute("skipped", Integer.toString(suites.stream().mapToInt(s -> s.count("skipped")).sum()));
      x.writeAttribute("time", seconds(outcomes.stream().mapToDouble(ModelOutcome::seconds).sum()));
      String stamp = timestamp.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
      for (Suite s : suites) {
        s.write(x, stamp);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  /** A test case: its name and, at most one of, a failure, an error or a skip (kind, message, text). */
  private record Case(String name, String outcome, String message, String type, String text, String systemOut) {
    static Case passed(String name, String systemOut) {
      return new Case(name, null, null, null, null, systemOut);
    }
  }

  /** One model's suite. */
  private record Suite(ModelOutcome model, List<Case> cases) {
    int count(String outcome) {
      return (int) cases.stream().filter(c -> outcome.equals(c.outcome())).count();
    }

    void write(XMLStreamWriter x, String stamp) throws XMLStreamException {
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", model.name());
      x.writeAttribute("tests", Integer.toString(cases.size()));
      x.writeAttribute("failures", Integer.toString(count("failure")));
      x.writeAttribute("errors", Integer.toString(count("error")));
      x.writeAttribute("skipped", Integer.toString(count("skipped")));
      x.writeAttribute("time", seconds(model.seconds()));
      x.writeAttribute("timestamp", stamp);
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      property(x, "expect", model.run().expect().toString());
      property(x, "outcome", model.outcomeText());
      Result r = model.result();
      if (r != null) {
        property(x, "states", Long.toString(r.states()));
        property(x, "rulesFired", Long.toString(r.rulesFired()));
        property(x, "depth", Integer.toString(r.depth()));
        property(x, "symmetry", model.symmetryMode());
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
      String classname = classname(model.name());
      String each = seconds(model.seconds() / Math.max(1, cases.size()));
      for (Case c : cases) {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", c.name());
        x.writeAttribute("classname", classname);
        x.writeAttribute("time", each);
        if (c.outcome() != null) {
          x.writeStartElement(c.outcome());
          if (c.message() != null) {
            x.writeAttribute("message", c.message());
          }
          if (c.type() != null) {
            x.writeAttribute("type", c.type());
          }
          if (c.text() != null) {
            x.writeCharacters(c.text());
          }
          x.writeEndElement();
        }
        if (c.systemOut() != null) {
          x.writeStartElement("system-out");
          x.writeCharacters(c.systemOut());
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
      x.writeCharacters("\n      ");
      x.writeEmptyElement("property");
      x.writeAttribute("name", name);
      x.writeAttribute("value", value == null ? "" : value);
    }
  }

  /** {@code dir/sub/Model.m} becomes {@code dir.sub.Model}, so that tools that split class names by dots work. */
  static String classname(String model) {
    String n = model.replace('\\', '/');
    if (n.endsWith(".m")) {
      n = n.substring(0, n.length() - 2);
    }
    while (n.startsWith("./") || n.startsWith("/")) {
      n = n.substring(n.startsWith("./") ? 2 : 1);
    }
    return n.replace("../", "").replace('/', '.');
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  private Suite suite(ModelOutcome o) {
    List<Case> cases = new ArrayList<>();
    if (o.result() == null) {
      String what = o.status() == ModelOutcome.Status.REJECTED ? "model accepted" : "model checked";
      StringBuilder text = new StringBuilder();
      for (Diagnostic d : o.loadErrors()) {
        text.append(d.headline()).append('\n');
      }
      cases.add(new Case(what, "error", o.outcomeText(), o.status().name().toLowerCase(Locale.ROOT),
          text.length() == 0 ? o.outcomeText() : text.toString(), null));
    } else {
      Result r = o.result();
      for (PropertyCase p : PropertyCase.of(o)) {
        cases.add(propertyCase(p, r));
      }
      cases.add(rulesCase(o));
    }
    cases.add(expectationCase(o));
    return new Suite(o, cases);
  }

  private static Case propertyCase(PropertyCase p, Result r) {
    Violation v = p.violation();
    return switch (p.verdict(r)) {
      case PASSED -> Case.passed(p.title(), v != null ? "expected violation:\n" + counterexample(v)
          : r.probabilistic() ? "holds, " + r.storage().qualifier() : null);
      case FAILED -> v != null
          ? new Case(p.title(), "failure", TextReporter.summary(v) + where(v), kindName(v), counterexample(v), null)
          : new Case(p.title(), "failure", "expected a violation of " + p.name() + ", but it holds", "expectation",
              "The project file expects this property to be violated; the whole reachable state space satisfies it.",
              null);
      case NOT_CHECKED -> new Case(p.title(), "skipped", "not checked to the end: "
          + (r.stopReason() != null ? "stopped: " + r.stopReason() : "the search stopped at the first violation"),
          null, null, null);
    };
  }

  private static Case rulesCase(ModelOutcome o) {
    String name = "rules fire";
    Result r = o.result();
    if (!r.complete()) {
      return new Case(name, "skipped", "the search was not complete, so a rule may fire in a state not explored",
          null, null, null);
    }
    List<RuleCount> dead = r.deadRules();
    if (dead.isEmpty()) {
      return Case.passed(name, null);
    }
    String message = ModelOutcome.deadRulesText(dead) + " never fired";
    return o.run().failOnDeadRules()
        ? new Case(name, "failure", message, "dead-rule", message + " in any reachable state", null)
        : Case.passed(name, "warning: " + message + " in any reachable state");
  }

  private static Case expectationCase(ModelOutcome o) {
    String name = "expected outcome: " + o.run().expect();
    return switch (o.status()) {
      case MET -> Case.passed(name, o.outcomeText());
      case NOT_MET -> new Case(name, "failure", "got " + o.outcomeText(), "expectation", o.outcomeText(), null);
      default -> new Case(name, "error", o.outcomeText(), o.status().name().toLowerCase(Locale.ROOT),
          o.outcomeText(), null);
    };
  }

  private static String where(Violation v) {
    String at = TextReporter.location(v.location());
    return at == null ? "" : " at " + at;
  }

  private static String kindName(Violation v) {
    return v.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The violation as the text report prints it (changed variables per step). */
  static String counterexample(Violation v) {
    StringWriter s = new StringWriter();
    new TextReporter(new PrintWriter(s), TraceMode.DIFF).printViolation(v);
    return s.toString().replace(System.lineSeparator(), "\n");
  }
}
