package io.ballot.dsl.ide.check;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.ballot.checker.Checker;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.dsl.ide.lowering.LoweredModels;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.api.Severity;
import io.ballot.dsl.settings.ConstOverrides;
import io.ballot.dsl.settings.ModelHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;

/**
 * "Check model" for one language server: each check runs on its own thread, reports progress (LSP work-done
 * progress, cancellable), and when it ends publishes every violation as a diagnostic at the violated property,
 * together with the document's validation diagnostics. The next edit re-publishes validation only, so violations
 * of an older text do not linger. A check stops when cancelled (command or progress cancel) or when the same model
 * is checked again. One instance per server: nothing is static.
 */
@Singleton
public class ModelCheckJobs {
  /** The {@code source} of the diagnostics a check publishes. */
  public static final String SOURCE = "ballot check";

  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ballot-check");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger tokens = new AtomicInteger();
  @Inject private LoweredModels lowerings;
  private final Map<String, Job> running = new ConcurrentHashMap<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  /**
   * Per document, the validation diagnostics of its last checked version: a check publishes them with its
   * violations, and a check of the same version again (no edit since) reuses them instead of validating the whole
   * document once more (which was most of a warm "Check model" of a small model). A Murphi model is one file, so
   * its validation depends on its text only: the text is compared too (a document closed and opened again starts
   * at version 1 again).
   */
  private final Map<String, Validated> validated = new ConcurrentHashMap<>();

  private record Validated(int version, String text, List<Diagnostic> diagnostics) {}

  /** One running check. */
  private static final class Job {
    final String uri;
    final String token;
    volatile boolean cancelled;

    Job(String uri, String token) {
      this.uri = uri;
      this.token = token;
    }
  }

  /**
   * What a document lowered to (the IR model, or why it cannot be checked), its version and its header (the
   * settings in its {@code -- ballot:} lines, which win over the editor's).
   */
  private record Prepared(Model model, String problem, int version, ModelHeader header) {
    Prepared(Model model, String problem, int version) {
      this(model, problem, version, ModelHeader.empty());
    }
  }

  /**
   * Starts checking the model open at {@code request.uri()}; returns at once with {@code status} {@code started}
   * (and the progress {@code token}) or {@code rejected} (and a {@code message}).
   */
  public Map<String, Object> start(CheckRequest request, ILanguageServerAccess access) {
    Prepared prepared = access.doSyncRead(request.uri(), ctx -> prepare(ctx.getResource(), ctx.getDocument()));
    if (prepared.model == null) {
      return Map.of("status", "rejected", "message", prepared.problem);
    }
    Job job = new Job(request.uri(), "ballot-check-" + tokens.incrementAndGet());
    Job previous = running.put(request.uri(), job);
    if (previous != null) {
      previous.cancelled = true;
    }
    executor.execute(() -> run(job, prepared, request, access));
    return Map.of("status", "started", "token", job.token);
  }

  /** Cancels the check of {@code uri}; false when none is running. */
  public boolean cancel(String uri) {
    Job job = running.get(uri);
    if (job != null) {
      job.cancelled = true;
    }
    return job != null;
  }

  /** Cancels the check whose progress token is {@code token}; false when none is running. */
  public boolean cancelByToken(String token) {
    for (Job job : running.values()) {
      if (job.token.equals(token)) {
        job.cancelled = true;
        return true;
      }
    }
    return false;
  }

  /** True while a check of {@code uri} runs. */
  public boolean isRunning(String uri) {
    return running.containsKey(uri);
  }

  /** The last completed check of {@code uri}, or null. */
  public Result lastResult(String uri) {
    return results.get(uri);
  }

  /** Stops every check and the threads (when the server shuts down). */
  public void shutdown() {
    running.values().forEach(j -> j.cancelled = true);
    executor.shutdownNow();
  }

  private Prepared prepare(org.eclipse.emf.ecore.resource.Resource resource, org.eclipse.xtext.ide.server.Document document) {
    int version = document == null ? -1 : document.getVersion();
    if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null
        || xtext.getContents().isEmpty() || !(xtext.getContents().get(0) instanceof io.ballot.dsl.murphi.Model ast)) {
      return new Prepared(null, "not a Murphi model", version);
    }
    if (xtext.getParseResult().hasSyntaxErrors()) {
      return new Prepared(null, "the model has syntax errors: fix them first", version);
    }
    org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(xtext);
    if (!xtext.getErrors().isEmpty()) {
      return new Prepared(null, "the model has errors: " + xtext.getErrors().get(0).getMessage(), version);
    }
    String text = document == null ? org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(ast).getRootNode()
        .getText() : document.getContents();
    ModelHeader header = ModelHeader.parse(fileName(xtext.getURI().toString()), text);
    if (header.hasErrors()) {
      return new Prepared(null, "the model's '-- ballot:' settings have errors: " + header.errors().get(0).headline(),
          version);
    }
    // With constants overridden, the model lowers afresh (the cache holds the model as written).
    ConstOverrides consts = new ConstOverrides(header.consts());
    Lowering.Result lowered = consts.isEmpty() ? lowerings.of(ast)
        : Lowering.lower(ast, fileName(xtext.getURI().toString()), consts);
    if (lowered.model() != null && !consts.problems().isEmpty()) {
      return new Prepared(null, "the model's '-- ballot: const' settings have errors: " + consts.problems().get(0),
          version);
    }
    if (lowered.model() == null) {
      String first = lowered.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
          .map(io.ballot.dsl.api.Diagnostic::headline).findFirst().orElse("the model has errors");
      return new Prepared(null, "the model has errors: " + first, version);
    }
    return new Prepared(lowered.model(), null, version, header);
  }

  private void run(Job job, Prepared prepared, CheckRequest request, ILanguageServerAccess access) {
    LanguageClient client = access.getLanguageClient();
    boolean progress = supportsProgress(access);
    Either<String, Integer> token = Either.forLeft(job.token);
    try {
      if (progress) {
        client.createProgress(new WorkDoneProgressCreateParams(token)).get(10, TimeUnit.SECONDS);
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle("Checking " + fileName(job.uri));
        begin.setCancellable(true);
        begin.setMessage("starting");
        client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
      }
      AtomicLong lastReport = new AtomicLong();
      Result result = Checker.check(prepared.model, request.options(prepared.header), (states, fired, depth, queued, seconds, bytes) -> {
        if (job.cancelled) {
          throw new CancellationException("cancelled");
        }
        long now = System.nanoTime();
        long last = lastReport.get();
        if (progress && now - last > 200_000_000L && lastReport.compareAndSet(last, now)) {
          WorkDoneProgressReport report = new WorkDoneProgressReport();
          report.setCancellable(true);
          report.setMessage(String.format(Locale.ROOT, "%,d states, %,d rules fired, %.1f s", states, fired, seconds));
          client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
        }
      }, warning -> client.logMessage(new MessageParams(MessageType.Warning, "ballot: " + warning)));
      if (job.cancelled) {
        throw new CancellationException("cancelled");
      }
      results.put(job.uri, result);
      String summary = summary(result);
      boolean published = publish(job, prepared, result, access);
      end(client, progress, token, published ? summary : summary + " (the model changed meanwhile: check again)");
      client.logMessage(new MessageParams(MessageType.Info, fileName(job.uri) + ": " + summary));
    } catch (Throwable t) {
      boolean cancelled = job.cancelled || causedByCancellation(t);
      end(client, progress, token, cancelled ? "cancelled" : "failed: " + t);
      if (!cancelled) {
        client.logMessage(new MessageParams(MessageType.Error, "ballot: the check failed: " + t));
      }
    } finally {
      running.remove(job.uri, job);
    }
  }

  /** Publishes validation + violations when the document is still the text that was checked. */
  private boolean publish(Job job, Prepared prepared, Result result, ILanguageServerAccess access) throws Exception {
    Validated known = validated.get(job.uri);
    String[] text = new String[1];
    List<Diagnostic> diagnostics = access.doRead(job.uri, ctx -> {
      if (ctx.getDocument() == null || ctx.getDocument().getVersion() != prepared.version) {
        return null;
      }
      text[0] = ctx.getDocument().getContents();
      if (known != null && known.version() == prepared.version && known.text().equals(text[0])) {
        return new ArrayList<>(known.diagnostics());
      }
      List<Diagnostic> list = new ArrayList<>();
      XtextResource resource = (XtextResource) ctx.getResource();
      for (Issue issue : resource.getResourceServiceProvider().getResourceValidator()
          .validate(resource, CheckMode.ALL, ctx.getCancelChecker())) {
        list.add(toDiagnostic(issue));
      }
      return list;
    }).get(30, TimeUnit.SECONDS);
    if (diagnostics == null) {
      return false;
    }
    validated.put(job.uri, new Validated(prepared.version, text[0], List.copyOf(diagnostics)));
    for (Violation v : result.violations()) {
      diagnostics.add(toDiagnostic(v));
    }
    access.getLanguageClient().publishDiagnostics(new PublishDiagnosticsParams(job.uri, diagnostics));
    return true;
  }

  /** A violation as an error diagnostic at the violated property (the whole file's start when unknown). */
  static Diagnostic toDiagnostic(Violation v) {
    SourceLocation loc = v.location();
    Range range;
    if (loc == null || loc.equals(SourceLocation.NONE) || loc.line() <= 0) {
      range = new Range(new Position(0, 0), new Position(0, 0));
    } else {
      int endLine = loc.endLine() > 0 ? loc.endLine() : loc.line();
      int endColumn = loc.endColumn() > 0 ? loc.endColumn() : loc.column() + 1;
      range = new Range(new Position(loc.line() - 1, Math.max(0, loc.column() - 1)),
          new Position(endLine - 1, Math.max(0, endColumn - 1)));
    }
    Diagnostic d = new Diagnostic(range, Traces.headline(v), DiagnosticSeverity.Error, SOURCE);
    d.setCode(v.kind().name().toLowerCase(Locale.ROOT));
    return d;
  }

  /** As the language server converts a validation issue. */
  static Diagnostic toDiagnostic(Issue issue) {
    Diagnostic d = new Diagnostic();
    d.setCode(issue.getCode());
    d.setMessage(issue.getMessage());
    d.setSeverity(switch (issue.getSeverity()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      default -> DiagnosticSeverity.Hint;
    });
    d.setRange(new Range(
        new Position(Math.max(0, issue.getLineNumber() - 1), Math.max(0, issue.getColumn() - 1)),
        new Position(Math.max(0, issue.getLineNumberEnd() - 1), Math.max(0, issue.getColumnEnd() - 1))));
    return d;
  }

  /** E.g. {@code all properties hold: 288 states} or {@code invariant "x" violated: 12 states}. */
  static String summary(Result r) {
    String what;
    if (r.verdict() == Verdict.HOLDS) {
      what = "all properties hold";
    } else if (r.violations().isEmpty()) {
      what = "stopped: " + r.stopReason();
    } else {
      what = r.violations().size() == 1 ? "1 violation" : r.violations().size() + " violations";
    }
    return String.format(Locale.ROOT, "%s (%,d states, depth %d, %.2f s)", what, r.states(), r.depth(), r.seconds());
  }

  private static void end(LanguageClient client, boolean progress, Either<String, Integer> token, String message) {
    if (progress) {
      WorkDoneProgressEnd end = new WorkDoneProgressEnd();
      end.setMessage(message);
      client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
    }
  }

  private static boolean causedByCancellation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CancellationException || c instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private static boolean supportsProgress(ILanguageServerAccess access) {
    ClientCapabilities caps = access.getInitializeParams() == null ? null : access.getInitializeParams().getCapabilities();
    return caps != null && caps.getWindow() != null && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
  }

  static String fileName(String uri) {
    int slash = uri.lastIndexOf('/');
    return slash >= 0 ? uri.substring(slash + 1) : uri;
  }
}
