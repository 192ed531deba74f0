package io.ballot.dsl.api;

import com.google.inject.Injector;
import io.ballot.dsl.MurphiStandaloneSetup;
import io.ballot.dsl.format.ModelFormatter;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.settings.ConstOverrides;
import io.ballot.dsl.source.LineBreaks;
import io.ballot.dsl.source.NestingDepth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The Murphi front end: parse, resolve names, type-check and lower a model file to the checker's IR. One instance
 * holds its own Xtext injector; instances share no state, so several may be used in one JVM. Bad input never throws:
 * every problem comes back as a {@link Diagnostic}.
 */
public final class FrontEnd {
  private final Injector injector;

  public FrontEnd() {
    this.injector = new MurphiStandaloneSetup().createInjectorAndDoEMFRegistration();
  }

  /** Reads, checks and lowers {@code file}; the diagnostics name the file as given. */
  public LoadResult load(Path file) {
    return load(file, ConstOverrides.none());
  }

  /**
   * As {@link #load(Path)}, with global constants' values replaced by {@code overrides} (which afterwards lists
   * those it could not apply; the caller reports them where they were given).
   */
  public LoadResult load(Path file, ConstOverrides overrides) {
    String name = file.toString();
    String problem = null;
    String text = null;
    Diagnostic latin1 = null;
    try {
      if (Files.isDirectory(file)) {
        problem = "is a directory, not a model file";
      } else if (Files.exists(file) && !Files.isRegularFile(file)) {
        // Reading a FIFO blocks until a writer comes and /dev/zero never ends: refuse them before opening them.
        problem = "is not a regular file (a pipe, a device or a socket): a model must be a file";
      } else {
        byte[] bytes = Files.readAllBytes(file);
        text = decodeUtf8(bytes);
        if (text == null) {
          // Older models (CMurphi's examples) are Latin-1: every byte is a Latin-1 character, so nothing is lost.
          text = new String(bytes, StandardCharsets.ISO_8859_1);
          latin1 = notUtf8(name, bytes);
        }
        if (text.isBlank()) {
          problem = "the file is empty: a model needs at least a start state and a rule";
        }
      }
    } catch (NoSuchFileException e) {
      problem = "no such file";
    } catch (AccessDeniedException e) {
      problem = "cannot read the file: permission denied";
    } catch (IOException e) {
      problem = "cannot read the file: " + e.getMessage();
    }
    if (problem != null) {
      return new LoadResult(
          name, text == null ? "" : text, null, List.of(new Diagnostic(Severity.ERROR, name, 0, 0, 0, problem)));
    }
    if (latin1 == null) {
      return load(name, text, overrides);
    }
    LoadResult r = load(name, text, overrides);
    List<Diagnostic> all = new ArrayList<>(r.diagnostics());
    all.add(latin1);
    all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new LoadResult(r.file(), r.source(), r.model(), List.copyOf(all), StandardCharsets.ISO_8859_1);
  }

  /** Checks {@code text} as though it were the content of a file named {@code fileName}. */
  public LoadResult load(String fileName, String text) {
    return load(fileName, text, ConstOverrides.none());
  }

  /** As {@link #load(String, String)}, with global constants' values replaced by {@code overrides}. */
  public LoadResult load(String fileName, String text, ConstOverrides overrides) {
    Parsed parsed = parse(fileName, text, overrides);
    return new LoadResult(fileName, text, parsed.model, parsed.diagnostics);
  }

  /** Loads {@code file} and, if it is accepted, pretty-prints it in a stable, re-parseable layout. */
  public FormatResult format(Path file) {
    return format(file, ModelFormatter.DEFAULT_WIDTH);
  }

  /** {@link #format(Path)}, wrapping long expressions at {@code width} columns. */
  public FormatResult format(Path file, int width) {
    LoadResult load = load(file);
    if (load.hasErrors()) {
      return new FormatResult(load, null);
    }
    Parsed parsed = parse(load.file(), load.source(), ConstOverrides.none());
    return new FormatResult(load, new ModelFormatter(width).format(parsed.ast));
  }

  /** Formats model text that is already known to be valid (for tests and editors); null if it is rejected. */
  public String formatText(String fileName, String text) {
    return formatText(fileName, text, ModelFormatter.DEFAULT_WIDTH);
  }

  /** {@link #formatText(String, String)}, wrapping long expressions at {@code width} columns. */
  public String formatText(String fileName, String text, int width) {
    Parsed parsed = parse(fileName, text, ConstOverrides.none());
    return parsed.model == null ? null : new ModelFormatter(width).format(parsed.ast);
  }

  private record Parsed(io.ballot.dsl.murphi.Model ast, io.ballot.checker.ir.Model model, List<Diagnostic> diagnostics) {}

  private Parsed parse(String fileName, String text, ConstOverrides overrides) {
    try {
      return parseOrOverflow(fileName, text, overrides);
    } catch (StackOverflowError e) {
      return tooDeep(fileName, text);
    } catch (RuntimeException e) {
      // Xtext wraps what its parser throws (a ParseException around the StackOverflowError)
      if (causedByStackOverflow(e)) {
        return tooDeep(fileName, text);
      }
      throw e;
    }
  }

  private Parsed parseOrOverflow(String fileName, String text, ConstOverrides overrides) {
    XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
    XtextResource resource = (XtextResource) set.createResource(URI.createURI("model.m"));
    // Old Mac files end lines with a lone CR, which the parser does not count as a line break: it would put every
    // diagnostic on line 1. A CR becomes a LF for the parser only (same length, so offsets stay right).
    String parsedText = LineBreaks.crToLf(text);
    try {
      resource.load(new ByteArrayInputStream(parsedText.getBytes(StandardCharsets.UTF_8)), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean syntaxErrors = !resource.getErrors().isEmpty();
    if (!syntaxErrors) {
      EcoreUtil.resolveAll(resource);
    }
    for (Resource.Diagnostic d : resource.getErrors()) {
      diagnostics.add(convert(fileName, d, Severity.ERROR));
    }
    io.ballot.checker.ir.Model model = null;
    io.ballot.dsl.murphi.Model ast =
        resource.getContents().isEmpty() ? null : (io.ballot.dsl.murphi.Model) resource.getContents().get(0);
    if (!syntaxErrors && ast != null) {
      Lowering.Result lowered = Lowering.lower(ast, fileName, overrides);
      diagnostics.addAll(lowered.diagnostics());
      model = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR) ? null : lowered.model();
    }
    diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new Parsed(ast, model, List.copyOf(diagnostics));
  }

  /**
   * The diagnostic of a model nested too deeply for the JVM's stack: at the deepest bracket or block of the text
   * (where the parser or the lowering was when the stack ran out), with the way out.
   */
  private static Parsed tooDeep(String fileName, String text) {
    NestingDepth.Deepest at = NestingDepth.deepest(LineBreaks.crToLf(text));
    String message = "nesting too deep: " + at.depth() + " levels of brackets and blocks here exhaust the stack;"
        + " simplify the model or give Java a larger stack (BALLOT_JAVA_OPTS=-Xss64m)";
    return new Parsed(null, null, List.of(new Diagnostic(Severity.ERROR, fileName, at.line(), at.column(), 1, message)));
  }

  private static boolean causedByStackOverflow(Throwable t) {
    for (int i = 0; t != null && i < 20; t = t.getCause(), i++) {
      if (t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  private static Diagnostic convert(String file, Resource.Diagnostic d, Severity severity) {
    int length = d instanceof org.eclipse.xtext.diagnostics.AbstractDiagnostic ad ? Math.max(1, ad.getLength()) : 1;
    int line = Math.max(1, d.getLine());
    int column = Math.max(1, d.getColumn());
    return new Diagnostic(severity, file, line, column, length, MessageWording.reword(d.getMessage()));
  }

  /** Strict UTF-8 decoding; null when the bytes are not UTF-8. A leading byte-order mark is dropped. */
  private static String decodeUtf8(byte[] bytes) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The warning for a file read as Latin-1: where its first byte that is not UTF-8 is. */
  private static Diagnostic notUtf8(String name, byte[] bytes) {
    int offset = firstInvalidUtf8(bytes);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String message = String.format(
        "the file is not UTF-8 (byte 0x%02x here is not UTF-8): read as Latin-1 (ISO-8859-1); 'ballot format'"
            + " keeps that encoding", bytes[offset] & 0xff);
    return new Diagnostic(Severity.WARNING, name, line, offset - lineStart + 1, 1, message);
  }

  /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
      if (n < 0) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }
}
