package io.ballot.checker.compile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one generated Java source in memory with the JDK's compiler and loads the resulting classes. */
final class InMemoryJavac {
  private InMemoryJavac() {}

  /** Why a compilation failed: javac's first errors. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message);
    }
  }

  /** True when this runtime has a Java compiler (a JDK, not a bare JRE). */
  static boolean available() {
    return ToolProvider.getSystemJavaCompiler() != null;
  }

  /**
   * Compiles {@code source} (declaring {@code className}, fully qualified) and loads it with a fresh loader. No
   * {@code --release}: the class is compiled against, and loaded into, the running JDK.
   */
  static Class<?> compileAndLoad(String className, String source) throws Failed {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new Failed("no Java compiler in this runtime (a JRE rather than a JDK)");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
    JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            classes.put(name, bytes);
            return bytes;
          }
        };
      }
    };
    JavaFileObject unit = new SimpleJavaFileObject(
        URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> options = new ArrayList<>(List.of(
        "-classpath", classpath(), "-g:source,lines", "-proc:none", "-nowarn", "-Xlint:none",
        "-implicit:none"));
    Boolean ok;
    java.io.StringWriter javacOutput = new java.io.StringWriter();
    try {
      ok = javac.getTask(javacOutput, files, diagnostics, options, null, List.of(unit)).call();
    } catch (RuntimeException | StackOverflowError e) {
      throw new Failed("javac: " + e);
    }
    try {
      files.close();
    } catch (java.io.IOException e) {
      // nothing to release that matters
    }
    if (!Boolean.TRUE.equals(ok)) {
      StringBuilder b = new StringBuilder();
      int n = 0;
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && n++ < 3) {
          b.append(n > 1 ? "; " : "").append("line ").append(d.getLineNumber()).append(": ")
              .append(d.getMessage(Locale.ROOT));
        }
      }
      if (b.length() == 0) {
        String first = javacOutput.toString().lines().filter(l -> l.startsWith("java.")).findFirst().orElse("");
        b.append("javac failed").append(first.isEmpty() ? "" : ": " + first);
      }
      throw new Failed(b.toString());
    }
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((k, v) -> bytes.put(k, v.toByteArray()));
    ClassLoader loader = new ClassLoader(CompiledModel.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new Failed("generated class not found: " + className);
    }
  }

  /**
   * Where javac finds the checker's classes: the location this class was loaded from (a directory, the checker's
   * jar or the shaded CLI jar) and the JVM's class path.
   */
  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    try {
      URL url = CompiledModel.class.getProtectionDomain().getCodeSource().getLocation();
      entries.add(Path.of(url.toURI()).toString());
    } catch (Exception | Error e) {
      // no code source (unusual class loader): rely on java.class.path
    }
    String cp = System.getProperty("java.class.path");
    if (cp != null && !cp.isEmpty()) {
      for (String e : cp.split(File.pathSeparator)) {
        if (!e.isEmpty()) {
          entries.add(e);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
