package io.ballot.eclipse.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;

/** Models from the repository, workspace files and a text viewer stand-in (the tests run without a display). */
final class Fixtures {
  private Fixtures() {}

  /** A model of the protocol library, e.g. {@code two-phase/TwoPhase.m}. */
  static String model(String path) throws IOException {
    String root = System.getProperty("ballot.repository", "../..");
    return Files.readString(Path.of(root, "protocols/models", path), StandardCharsets.UTF_8);
  }

  /** A workspace file {@code name} in project {@code ballot-tests} with {@code text}. */
  static IFile file(String name, String text) throws CoreException {
    IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("ballot-tests");
    if (!project.exists()) {
      project.create(null);
    }
    if (!project.isOpen()) {
      project.open(null);
    }
    IFile file = project.getFile(name);
    ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    if (file.exists()) {
      file.setContents(in, true, false, null);
    } else {
      file.create(in, true, null);
    }
    return file;
  }

  /** The document of {@code file}'s text buffer, as an editor on the file would have it (connected). */
  static IDocument document(IFile file) throws CoreException {
    ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
    manager.connect(file.getFullPath(), LocationKind.IFILE, null);
    return manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument();
  }

  /** An {@link ITextViewer} showing {@code document}; records the ranges it is asked to select. */
  static ITextViewer viewer(IDocument document, List<int[]> selections) {
    return (ITextViewer) Proxy.newProxyInstance(Fixtures.class.getClassLoader(), new Class<?>[] {ITextViewer.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "getDocument":
              return document;
            case "setSelectedRange":
              selections.add(new int[] {(Integer) args[0], (Integer) args[1]});
              return null;
            default:
              Class<?> r = method.getReturnType();
              return r == boolean.class ? false : r == int.class ? 0 : null;
          }
        });
  }

  static ITextViewer viewer(IDocument document) {
    return viewer(document, new ArrayList<>());
  }

  /** The offset of the {@code nth} whole-word {@code word} on 1-based {@code line} of {@code text}. */
  static int offset(String text, int line, String word, int nth) {
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = text.indexOf('\n', start) + 1;
    }
    int end = text.indexOf('\n', start);
    String l = text.substring(start, end < 0 ? text.length() : end);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b")
        .matcher(l);
    for (int i = 0; i <= nth; i++) {
      if (!m.find()) {
        throw new IllegalArgumentException(word + " not on line " + line);
      }
    }
    return start + m.start();
  }
}
