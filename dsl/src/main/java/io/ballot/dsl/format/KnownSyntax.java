package io.ballot.dsl.format;

import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.Expr;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.Stmt;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.VarGroup;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * What the printers know how to print: for each syntax class, the features they write. A node of a class not
 * listed, or with a feature set that is not listed (a construct added to the grammar after the printer was written),
 * cannot be printed without losing it; {@link #verbatimNodes} finds the smallest printed element around each such
 * node, which the printers then copy from the source text unchanged.
 */
final class KnownSyntax {

  private static final Map<String, Set<String>> FEATURES =
      Map.ofEntries(
          known("Model", "items"),
          known("ConstSection", "groups"),
          known("ConstGroup", "names", "value"),
          known("ConstName", "name"),
          known("TypeSection", "groups"),
          known("TypeGroup", "names", "type"),
          known("TypeName", "name"),
          known("VarSection", "groups"),
          known("VarGroup", "durable", "names", "type", "init"),
          known("VarName", "name"),
          known("BooleanType"),
          known("SimpleType", "lo", "hi"),
          known("EnumType", "literals"),
          known("EnumLiteral", "name"),
          known("RecordType", "groups"),
          known("FieldGroup", "names", "type"),
          known("Field", "name"),
          known("ArrayType", "index", "element"),
          known("ScalarsetType", "size"),
          known("UnionType", "members"),
          known("MultisetType", "size", "element"),
          known("ProcDecl", "keyword", "name", "params", "returnType", "decls", "body"),
          known("ParamGroup", "byRef", "names", "type"),
          known("Param", "name"),
          known("SimpleRule", "priority", "name", "guard", "decls", "body"),
          known("StartState", "name", "decls", "body"),
          known("PropertyRule", "kind", "name", "condition"),
          known("Ruleset", "quantifiers", "rules"),
          known("AliasRule", "aliases", "rules"),
          known("ChooseRule", "quantifier", "rules"),
          known("Quantifier", "name", "type", "from", "to", "step"),
          known("MultisetQuantifier", "name", "multiset"),
          known("AliasDecl", "name", "value"),
          known("Block", "stmts"),
          known("Assignment", "target", "value"),
          known("ProcCall", "callee", "args"),
          known("IfStmt", "condition", "then", "elsifs", "else"),
          known("Elsif", "condition", "body"),
          known("SwitchStmt", "value", "cases", "default"),
          known("SwitchCase", "labels", "body"),
          known("ForStmt", "quantifier", "body"),
          known("WhileStmt", "condition", "body"),
          known("ReturnStmt", "value"),
          known("ClearStmt", "target"),
          known("UndefineStmt", "target"),
          known("PutStmt", "text", "value"),
          known("ErrorStmt", "message"),
          known("PropertyStmt", "kind", "name", "condition"),
          known("AliasStmt", "aliases", "body"),
          known("MultisetAddStmt", "element", "multiset"),
          known("MultisetRemoveStmt", "index", "multiset"),
          known("MultisetRemovePredStmt", "quantifier", "predicate"),
          known("NetworkDecl", "name", "kind", "endpoint", "lossy", "duplicating", "capacity", "messages", "whenFull", "onFull"),
          known("MsgDecl", "name", "fields"),
          known("MsgField", "name", "type"),
          known("MsgExpr", "kind", "args"),
          known("SendStmt", "net", "message", "from", "to"),
          known("BroadcastStmt", "net", "message", "from", "quantifier", "except"),
          known("ReceiveRule", "name", "net", "pattern", "from", "to", "guard", "decls", "body"),
          known("MsgPattern", "kind", "binders"),
          known("MsgBinder", "name"),
          known("RestartRule", "name", "quantifier", "guard", "decls", "body"),
          known("Ternary", "condition", "then", "else"),
          known("Binary", "left", "op", "right"),
          known("Unary", "op", "operand"),
          known("IntLiteral", "value"),
          known("RealLiteral", "value"),
          known("BoolLiteral", "value"),
          known("Paren", "expr"),
          known("Call", "callee", "args"),
          known("IdRef", "ref"),
          known("FieldAccess", "record", "field"),
          known("ElementAccess", "array", "index"),
          known("Forall", "quantifier", "body"),
          known("Exists", "quantifier", "body"),
          known("IsUndefined", "target"),
          known("IsMember", "value", "type"),
          known("MultisetCount", "quantifier", "predicate"));

  private KnownSyntax() {}

  private static Map.Entry<String, Set<String>> known(String eClass, String... features) {
    return Map.entry(eClass, Set.of(features));
  }

  /** Whether the printers print every feature {@code o} has set. */
  static boolean covers(EObject o) {
    Set<String> features = FEATURES.get(o.eClass().getName());
    if (features == null) {
      return false;
    }
    for (EStructuralFeature f : o.eClass().getEAllStructuralFeatures()) {
      if (o.eIsSet(f) && !features.contains(f.getName())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The printed elements of {@code model} that must be copied from the source: they hold syntax {@code known} does
   * not cover ({@link #covers} in production).
   */
  static Set<EObject> verbatimNodes(Model model, java.util.function.Predicate<EObject> known) {
    Set<EObject> verbatim = Collections.newSetFromMap(new IdentityHashMap<>());
    model.eAllContents().forEachRemaining(o -> {
      if (!known.test(o)) {
        EObject element = o;
        while (element != null && !isPrintedElement(element)) {
          element = element.eContainer();
        }
        verbatim.add(element != null ? element : o);
      }
    });
    return verbatim;
  }

  /** The elements the printers check before printing: top-level items, declarations, types, statements, rules. */
  private static boolean isPrintedElement(EObject o) {
    return o instanceof TopItem
        || o instanceof Stmt
        || o instanceof Expr
        || o instanceof TypeExpr
        || o instanceof ConstGroup
        || o instanceof TypeGroup
        || o instanceof VarGroup
        || o instanceof FieldGroup;
  }
}
