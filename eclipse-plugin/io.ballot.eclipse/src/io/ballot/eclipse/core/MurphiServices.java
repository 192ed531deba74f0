package io.ballot.eclipse.core;

import com.google.inject.Injector;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.ide.MurphiIdeSetup;
import io.ballot.dsl.ide.highlight.MurphiHighlighting;
import io.ballot.dsl.ide.hover.MurphiHoverService;
import io.ballot.dsl.murphi.ConstGroup;
import io.ballot.dsl.murphi.DeclSection;
import io.ballot.dsl.murphi.EnumType;
import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.murphi.Rule;
import io.ballot.dsl.murphi.TopItem;
import io.ballot.dsl.murphi.TypeGroup;
import io.ballot.dsl.murphi.VarGroup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/**
 * Everything the editor asks of a model's text, answered by Ballot's front end and its editor services (the same
 * ones the language server uses): diagnostics, completion, hover, the declaration a name refers to, the outline
 * and token classes for colouring. No UI types: the editor glue converts. One instance per plugin activation.
 */
public final class MurphiServices {
  private final Injector injector = new MurphiIdeSetup().createInjectorAndDoEMFRegistration();
  private final FrontEnd frontEnd = new FrontEnd();

  /** A completion: {@code replacement} replaces {@code length} characters at {@code offset}. */
  public record Proposal(String label, String replacement, int offset, int length, String detail) {}

  /** A name used at {@code [offset, offset + length)} and its declaration's name at {@code target}. */
  public record Link(int offset, int length, int targetOffset, int targetLength, String name) {}

  /** An outline entry: the name, what it is, where its name is, and the entries inside it. */
  public record Symbol(String name, String kind, int offset, int length, List<Symbol> children) {}

  /** A token to colour: its class (an LSP semantic token type) and modifiers. */
  public record Token(int offset, int length, String type, List<String> modifiers) {}

  /** The diagnostics {@code ballot validate} reports for {@code text}, in source order. */
  public List<Diagnostic> diagnostics(String fileName, String text) {
    return frontEnd.load(fileName, text).diagnostics();
  }

  /** The front end itself (for Check model). */
  public FrontEnd frontEnd() {
    return frontEnd;
  }

  /** Parses (and links, lazily) {@code text} in a fresh resource set. */
  public XtextResource parse(String text) {
    // The resource comes from this injector's factory, not EMF's global registry (where the front end's own
    // injector may have registered last): content assist needs the grammar objects of this injector.
    XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) injector.getInstance(org.eclipse.xtext.resource.IResourceFactory.class)
        .createResource(URI.createURI("synthetic:/model.m"));
    set.getResources().add(resource);
    try {
      resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
    return resource;
  }

  /** Completions at {@code offset}: keywords, names in scope, record fields, enum values. */
  public List<Proposal> complete(String text, int offset) {
    XtextResource resource = parse(text);
    Document document = new Document(1, text);
    CompletionParams params = new CompletionParams(new TextDocumentIdentifier("synthetic:/model.m"),
        document.getPosition(offset));
    CompletionList list = injector.getInstance(ContentAssistService.class)
        .createCompletionList(document, resource, params, CancelIndicator.NullImpl);
    List<Proposal> proposals = new ArrayList<>();
    for (CompletionItem item : list.getItems()) {
      TextEdit edit = item.getTextEdit() != null && item.getTextEdit().isLeft() ? item.getTextEdit().getLeft() : null;
      if (edit == null) {
        String insert = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        proposals.add(new Proposal(item.getLabel(), insert, offset, 0, item.getDetail()));
      } else {
        int from = offset(document, edit.getRange().getStart());
        int to = offset(document, edit.getRange().getEnd());
        proposals.add(new Proposal(item.getLabel(), edit.getNewText(), from, to - from, item.getDetail()));
      }
    }
    return proposals;
  }

  private static int offset(Document document, org.eclipse.lsp4j.Position p) {
    return document.getOffSet(p);
  }

  /** Markdown about the declaration at or referred to at {@code offset}; null when there is none. */
  public String hover(String text, int offset) {
    XtextResource resource = parse(text);
    EObject element = injector.getInstance(EObjectAtOffsetHelper.class).resolveElementAt(resource, offset);
    return MurphiHoverService.describe(element);
  }

  /** The declaration the name at {@code offset} refers to; null when the offset is not on a resolved name. */
  public Link link(String text, int offset) {
    XtextResource resource = parse(text);
    EObjectAtOffsetHelper helper = injector.getInstance(EObjectAtOffsetHelper.class);
    INode node = helper.getCrossReferenceNode(resource, new TextRegion(offset, 0));
    EObject target = helper.resolveCrossReferencedElementAt(resource, offset);
    if (node == null || target == null || target.eIsProxy()) {
      return null;
    }
    ITextRegion at = injector.getInstance(ILocationInFileProvider.class).getSignificantTextRegion(target);
    String name = node.getText().trim();
    return new Link(node.getOffset(), node.getLength(), at.getOffset(), at.getLength(), name);
  }

  /** Every token to colour, in text order (unresolved names and punctuation are left out). */
  public List<Token> tokens(String text) {
    XtextResource resource = parse(text);
    org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(resource);
    List<Token> tokens = new ArrayList<>();
    if (resource.getParseResult() == null) {
      return tokens;
    }
    for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
      String[] ids = MurphiHighlighting.classify(leaf);
      if (ids != null && leaf.getLength() > 0) {
        tokens.add(new Token(leaf.getOffset(), leaf.getLength(), ids[0], List.of(ids).subList(1, ids.length)));
      }
    }
    return tokens;
  }

  /** The declarations and rules of the model, in order, with enum values and record fields under their types. */
  public List<Symbol> outline(String text) {
    XtextResource resource = parse(text);
    List<Symbol> symbols = new ArrayList<>();
    if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
      return symbols;
    }
    ILocationInFileProvider locations = injector.getInstance(ILocationInFileProvider.class);
    for (TopItem item : model.getItems()) {
      if (item instanceof DeclSection section) {
        for (EObject group : section.eContents()) {
          if (group instanceof ConstGroup g) {
            g.getNames().forEach(n -> symbols.add(symbol(locations, n, n.getName(), "constant", List.of())));
          } else if (group instanceof TypeGroup g) {
            List<Symbol> inside = new ArrayList<>();
            if (g.getType() instanceof EnumType e) {
              e.getLiterals().forEach(l -> inside.add(symbol(locations, l, l.getName(), "enum value", List.of())));
            } else if (g.getType() instanceof RecordType r) {
              r.getGroups().forEach(fg -> fg.getNames()
                  .forEach(f -> inside.add(symbol(locations, f, f.getName(), "field", List.of()))));
            }
            g.getNames().forEach(n -> symbols.add(symbol(locations, n, n.getName(), "type", inside)));
          } else if (group instanceof VarGroup g) {
            g.getNames().forEach(n -> symbols.add(symbol(locations, n, n.getName(), "variable", List.of())));
          }
        }
      } else if (item instanceof ProcDecl p) {
        symbols.add(symbol(locations, p, p.getName(), p.getKeyword(), List.of()));
      } else if (item instanceof Rule r) {
        symbols.add(rule(locations, r));
      }
    }
    return symbols;
  }

  private Symbol rule(ILocationInFileProvider locations, Rule r) {
    List<Symbol> inside = new ArrayList<>();
    for (EObject child : r.eContents()) {
      if (child instanceof Rule nested) {
        inside.add(rule(locations, nested));
      }
    }
    String kind = r.eClass().getName();
    Object name = r.eClass().getEStructuralFeature("name") == null ? null
        : r.eGet(r.eClass().getEStructuralFeature("name"));
    String label = name != null ? "\"" + name + "\"" : kind;
    return symbol(locations, r, label, kind, inside);
  }

  private static Symbol symbol(ILocationInFileProvider locations, EObject o, String name, String kind, List<Symbol> in) {
    ITextRegion region = locations.getSignificantTextRegion(o);
    return new Symbol(name, kind, region.getOffset(), region.getLength(), in);
  }
}
