package io.ballot.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.TypeDecl;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.state.Values;
import java.util.List;

/**
 * The {@code modelInfo} object of the JSON report: the model's source text and its structure (named types, state
 * variables with their types, start states and rules with their parameters and source spans), so that a reader of
 * the report (the trace viewer) can tell which designator indices are process values and show rule source lines
 * without the model file.
 *
 * <pre>
 * "modelInfo": {
 *   "source": "const N: 2; ...",
 *   "types": [ {"name": "Server", "type": {"kind": "scalarset", "name": "Server", "values": ["Server_1", ...]},
 *               "location": "m.m:8:3"} ],
 *   "variables": [ {"name": "role", "type": {"kind": "array", "index": {...}, "element": {...}},
 *                   "location": "m.m:20:3"} ],
 *   "rules": [ {"name": "Timeout", "kind": "rule", "location": "m.m:40:3", "lines": [40, 52],
 *               "parameters": [ {"name": "i", "type": {...}} ]} ]
 * }
 * </pre>
 *
 * A type is {@code {"kind": K, ...}} with K one of boolean, range ({@code lo}, {@code hi}), enum ({@code values}),
 * scalarset ({@code values}), union ({@code values}, as traces print them), record ({@code fields}: name, type),
 * array ({@code index}, {@code element}), multiset ({@code capacity}, {@code element}), real ({@code precision},
 * {@code exponent}: CMurphi's {@code real(p, e)}); a type declared with a name
 * carries that {@code name}.
 */
public final class ModelJson {

  private final Model model;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  private ModelJson(Model model) {
    this.model = model;
  }

  /** The {@code modelInfo} object for {@code model}, whose text is {@code source} (null leaves it out). */
  public static ObjectNode of(Model model, String source) {
    return new ModelJson(model).build(source);
  }

  /** {@code [line, endLine]} of a span, or null when it has none. */
  static ArrayNode lines(SourceLocation loc) {
    if (loc == null || loc.equals(SourceLocation.NONE)) {
      return null;
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    a.add(loc.line());
    a.add(Math.max(loc.line(), loc.endLine()));
    return a;
  }

  private ObjectNode build(String source) {
    ObjectNode o = nodes.objectNode();
    if (source != null) {
      o.put("source", source);
    }
    ArrayNode constants = o.putArray("constants");
    for (ConstantDecl c : model.constants()) {
      ObjectNode n = constants.addObject();
      n.put("name", c.name());
      n.put("value", Values.text(c.type(), c.value()));
    }
    ArrayNode types = o.putArray("types");
    for (TypeDecl t : model.types()) {
      ObjectNode n = types.addObject();
      n.put("name", t.name());
      n.set("type", type(t.type()));
      n.put("location", TextReporter.location(t.location()));
    }
    ArrayNode vars = o.putArray("variables");
    for (Variable v : model.variables()) {
      ObjectNode n = vars.addObject();
      n.put("name", v.name());
      n.set("type", type(v.type()));
      n.put("location", TextReporter.location(v.location()));
    }
    ArrayNode rules = o.putArray("rules");
    int n = 0;
    for (StartState s : model.startStates()) {
      n++;
      rule(rules, s.name() != null ? s.name() : "Startstate " + n, "startstate", s.location(), s.binders());
    }
    n = 0;
    for (Rule r : model.rules()) {
      n++;
      rule(rules, r.name() != null ? r.name() : "Rule " + n, "rule", r.location(), r.binders());
    }
    return o;
  }

  private void rule(ArrayNode rules, String name, String kind, SourceLocation loc, List<Binder> binders) {
    ObjectNode r = rules.addObject();
    r.put("name", name);
    r.put("kind", kind);
    r.put("location", TextReporter.location(loc));
    r.set("lines", lines(loc));
    ArrayNode params = r.putArray("parameters");
    // a network rule's slot quantifiers are the encoding's, not the user's: traces do not show them either
    List<String> internal = model.networks().stream().flatMap(net -> net.rules().stream())
        .filter(m -> m.rule().equals(name) && java.util.Objects.equals(m.location(), loc))
        .flatMap(m -> m.internal().stream()).toList();
    for (Binder b : binders) {
      if (b instanceof Quantifier q && !internal.contains(q.variable().name())) {
        ObjectNode p = params.addObject();
        p.put("name", q.variable().name());
        Type t = q.overType() ? q.type() : q.variable().type();
        p.set("type", t == null ? null : type(t));
      }
    }
  }

  /** The JSON form of a type (see the class comment). */
  ObjectNode type(Type t) {
    ObjectNode o = nodes.objectNode();
    if (t instanceof Type.BooleanType) {
      o.put("kind", "boolean");
    } else if (t instanceof Type.RangeType r) {
      o.put("kind", "range");
      o.put("lo", r.lo());
      o.put("hi", r.hi());
    } else if (t instanceof Type.EnumType e) {
      o.put("kind", "enum");
      e.members().forEach(o.putArray("values")::add);
    } else if (t instanceof Type.ScalarsetType s) {
      o.put("kind", "scalarset");
      values(o, s);
    } else if (t instanceof Type.UnionType u) {
      o.put("kind", "union");
      values(o, u);
    } else if (t instanceof Type.RecordType r) {
      o.put("kind", "record");
      ArrayNode fields = o.putArray("fields");
      for (Type.Field f : r.fields()) {
        ObjectNode field = fields.addObject();
        field.put("name", f.name());
        field.set("type", type(f.type()));
      }
    } else if (t instanceof Type.ArrayType a) {
      o.put("kind", "array");
      o.set("index", type(a.index()));
      o.set("element", type(a.element()));
    } else if (t instanceof Type.MultisetType m) {
      o.put("kind", "multiset");
      o.put("capacity", m.capacity());
      o.set("element", type(m.element()));
    } else if (t instanceof Type.RealType r) {
      o.put("kind", "real");
      o.put("precision", r.precision());
      o.put("exponent", r.exponent());
    } else {
      o.put("kind", "integer");
    }
    String name = t instanceof Type.ScalarsetType s ? s.name() : declaredName(t);
    if (name != null) {
      o.put("name", name);
    }
    return o;
  }

  private void values(ObjectNode o, Type t) {
    ArrayNode values = o.putArray("values");
    for (long i = 0; i < t.cardinality(); i++) {
      values.add(Values.text(t, Values.value(t, i)));
    }
  }

  /** The name of the first type declaration of {@code t}, or null (an anonymous type). */
  private String declaredName(Type t) {
    for (TypeDecl d : model.types()) {
      if (d.type().equals(t)) {
        return d.name();
      }
    }
    return null;
  }
}
