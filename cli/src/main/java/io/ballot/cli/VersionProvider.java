package io.ballot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ballot --version}: the version Maven filtered into {@code version.properties}, else the jar manifest's. */
public final class VersionProvider implements IVersionProvider {

  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"ballot " + version()};
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} when neither source has one. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties props = new Properties();
        props.load(in);
        String v = props.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "unknown";
  }
}
