package io.ballot.cli.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.ts.TransitionSystem;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the logs of a replay and resolves each line against the model, through the mapping. */
public final class ReplayLogs {
  private final ModelVocabulary vocabulary;
  private final EventResolver resolver;

  public ReplayLogs(ReplayMapping mapping, TransitionSystem ts, Model model) {
    this.vocabulary = new ModelVocabulary(ts, model);
    this.resolver = new EventResolver(mapping, vocabulary);
  }

  /** Each log's events in order; the first problem found is thrown, located. */
  public List<List<LogEvent>> read(List<String> logs, InputStream stdin) throws LogError {
    LogReader reader = new LogReader();
    List<List<LogEvent>> out = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      List<LogEvent> events = new ArrayList<>();
      for (LogLine line : reader.read(logs.get(i), stdin)) {
        events.add(resolver.resolve(line, i));
      }
      out.add(events);
    }
    return out;
  }

  /** Whether the model has a rule named {@code name}. */
  public boolean hasRule(String name) {
    return vocabulary.rules.containsKey(name);
  }
}
