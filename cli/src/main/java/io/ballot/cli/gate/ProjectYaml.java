package io.ballot.cli.gate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a project file as YAML defines it, into SnakeYAML's node graph: anchors and aliases resolve to the node
 * they name (an alias is that node, not its name), merge keys ({@code <<: *defaults}) merge. The graph is bounded so
 * that hostile YAML is refused quickly with a located error: at most {@link #MAX_COLLECTION_ALIASES} aliases of
 * mappings or lists (a "billion laughs" file needs many), {@link #MAX_CODE_POINTS} bytes, nesting at most
 * {@link #MAX_NESTING} deep. Aliases never copy nodes, so the graph is never bigger than the file.
 */
final class ProjectYaml {

  /** Aliases of a mapping or a list a project file may use (a billion laughs needs 9 per level). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Bytes (so at most as many characters) in a project file: 1 Mi, far above any real one. */
  static final int MAX_CODE_POINTS = 1 << 20;

  /** Nesting of mappings and lists: the format needs 4. */
  static final int MAX_NESTING = 20;

  private ProjectYaml() {}

  /** The single document of {@code file} (null when it has none); {@code name} locates errors. */
  static Node compose(Path file, String name) throws ProjectFileException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(true);
    options.setAllowDuplicateKeys(true); // reported by ProjectFile, at the second key
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long size = Files.size(file);
      if (size > MAX_CODE_POINTS) {
        throw new ProjectFileException(name, 1, 1, "YAML: the project file is " + size + " bytes; ballot reads at most "
            + MAX_CODE_POINTS);
      }
      LocatingParser parser = new LocatingParser(new ParserImpl(new StreamReader(r), options));
      try {
        return new Composer(parser, new Resolver(), options).getSingleNode();
      } catch (MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        throw at(name, m != null ? m : parser.last, "YAML syntax: " + firstLine(e.getProblem()) + context);
      } catch (YAMLException e) {
        if (e.getCause() instanceof CharacterCodingException) {
          throw at(name, parser.last, "the project file is not UTF-8");
        }
        // The limits' exceptions carry no position: the last event read is where the limit was passed.
        throw at(name, parser.last, "YAML: " + firstLine(e.getMessage()));
      }
    } catch (IOException e) {
      throw new ProjectFileException(name, 1, 1, "cannot read: " + e.getMessage());
    }
  }

  private static ProjectFileException at(String name, Mark m, String problem) {
    // SnakeYAML's marks are 0-based
    return new ProjectFileException(name, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
        problem);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** A parser that remembers where the last event it gave out starts. */
  private static final class LocatingParser implements Parser {
    private final Parser parser;
    Mark last;

    LocatingParser(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event e = parser.getEvent();
      if (e != null && e.getStartMark() != null) {
        last = e.getStartMark();
      }
      return e;
    }
  }
}
