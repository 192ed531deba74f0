package io.ballot.dsl.ide.lowering;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.ballot.dsl.lower.Lowering;
import io.ballot.dsl.murphi.Model;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * The lowering of a document's model (its semantic diagnostics and IR), computed once per version of the text and
 * shared by validation, hover, formatting and Check model. Xtext's resource-scoped cache drops it when the resource
 * changes (a reparse after an edit).
 */
@Singleton
public class LoweredModels {
  /** Lowers on every call: for callers outside an injector (the Eclipse plugin's per-request services). */
  public static final LoweredModels UNCACHED = new LoweredModels(null);

  private static final String KEY = LoweredModels.class.getName();

  private final IResourceScopeCache cache; // null: no caching

  @Inject
  public LoweredModels(IResourceScopeCache cache) {
    this.cache = cache;
  }

  /** The lowering of {@code model}, named after its resource's file (diagnostics carry the name). */
  public Lowering.Result of(Model model) {
    Resource resource = model.eResource();
    String name = resource == null || resource.getURI() == null ? "model.m" : resource.getURI().lastSegment();
    if (cache == null || resource == null) {
      return Lowering.lower(model, name);
    }
    return cache.get(KEY, resource, () -> Lowering.lower(model, name));
  }
}
