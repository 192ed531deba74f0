package io.ballot.dsl.format;

import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.NetworkDecl;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.Rule;
import io.ballot.dsl.murphi.TopItem;
import java.util.function.Predicate;
import org.eclipse.emf.ecore.EObject;

/**
 * Pretty-prints a Murphi syntax tree in Ballot's layout: lowercase keywords, two-space indentation, {@code const},
 * {@code type} and {@code var} sections with one declaration group per line, every statement terminated by
 * {@code ;}, {@code end} closing every construct ({@code endrule}, {@code endif} and the like are not used), and a
 * blank line between top-level items.
 *
 * <p><b>Nothing the user wrote is lost.</b> Every comment ({@code --} and {@code /* *}{@code /}) is written once, in
 * source order: a comment on a line of its own stays on a line of its own before what followed it, a comment after
 * code stays at the end of that line (a {@code --} comment inside an expression ends the line there, and the
 * expression continues on the next). A blank line the user left between two declarations, statements or rules is
 * kept (runs of blank lines become one). Syntax this printer does not know (a construct added to the grammar later)
 * is copied from the source unchanged.
 *
 * <p>The output means exactly what the input meant: it re-parses to the same tree. Parentheses are printed exactly
 * where the source had them and nowhere else. Unicode operators are written in ASCII ({@code ≤} as {@code <=},
 * {@code ∧} as {@code &&}, {@code →} as {@code ->}, {@code ≔} as {@code :=}, {@code ⇒} as {@code ==>} ...), while
 * {@code =} and {@code ==} keep the form written. Integer literals keep their source text; strings are re-quoted with
 * plain double quotes around their raw content; names are printed as written. The multiset operations are written in
 * CMurphi's form: {@code MultisetAdd(e, ms)}, {@code MultisetRemove(i, ms)}, {@code MultisetRemovePred(i: ms, p)},
 * {@code MultisetCount(i: ms, p)}.
 *
 * <p>An expression that does not fit in the width (default {@value #DEFAULT_WIDTH} columns) is wrapped before the
 * operators of its outermost chain of one binary operator ({@code a & b & c}), continuation lines indented two
 * levels further; the width is a target, not a limit: a long name or string is never broken.
 *
 * <p>Formatting is idempotent: formatting the output again yields the same text.
 */
public final class ModelFormatter {

  /** The width {@code ballot format} and the editors wrap at unless told otherwise. */
  public static final int DEFAULT_WIDTH = 100;

  /** The narrowest width accepted. */
  public static final int MIN_WIDTH = 40;

  private final int width;

  /** A formatter wrapping at {@value #DEFAULT_WIDTH} columns. */
  public ModelFormatter() {
    this(DEFAULT_WIDTH);
  }

  /** A formatter wrapping long expressions at {@code width} columns (at least {@value #MIN_WIDTH}). */
  public ModelFormatter(int width) {
    if (width < MIN_WIDTH) {
      throw new IllegalArgumentException("the format width must be at least " + MIN_WIDTH + ", not " + width);
    }
    this.width = width;
  }

  /** The formatted text of {@code model}, ending with a newline (empty for a model without items or comments). */
  public String format(Model model) {
    return format(model, KnownSyntax::covers);
  }

  /** {@link #format(Model)}, with {@code known} deciding which syntax the printers may print (tests pretend). */
  String format(Model model, Predicate<EObject> known) {
    FormatSession s = new FormatSession(model, width, known);
    boolean first = true;
    for (TopItem item : model.getItems()) {
      if (!first) {
        s.layout.blankLine();
      }
      first = false;
      s.startLine(item);
      topItem(s, item);
      s.endLine(item);
    }
    s.layout.newline();
    s.comments.flushAll();
    return s.layout.text();
  }

  private static void topItem(FormatSession s, TopItem item) {
    if (item instanceof DeclSection section) {
      s.declarations.declSection(section);
    } else if (item instanceof Rule rule) {
      s.rules.rule(rule);
    } else if (s.verbatim(item)) {
      s.w(";");
    } else if (item instanceof ProcDecl proc) {
      s.declarations.procDecl(proc);
    } else if (item instanceof NetworkDecl n) {
      s.declarations.network(n);
    } else {
      throw FormatSession.unknown(item);
    }
  }
}
