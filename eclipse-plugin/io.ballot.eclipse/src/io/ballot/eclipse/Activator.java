package io.ballot.eclipse;

import io.ballot.eclipse.core.MurphiServices;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The plugin: owns the Murphi services (one Xtext injector for the bundle's lifetime, created on first use). */
public final class Activator extends AbstractUIPlugin {
  public static final String ID = "io.ballot.eclipse";
  private static Activator instance;
  private MurphiServices services;

  @Override
  public void start(BundleContext context) throws Exception {
    super.start(context);
    instance = this;
  }

  @Override
  public void stop(BundleContext context) throws Exception {
    instance = null;
    services = null;
    super.stop(context);
  }

  /** The running plugin (OSGi makes one instance per bundle activation). */
  public static Activator get() {
    return instance;
  }

  /** The Murphi front end and editor services. */
  public synchronized MurphiServices services() {
    if (services == null) {
      services = new MurphiServices();
    }
    return services;
  }
}
