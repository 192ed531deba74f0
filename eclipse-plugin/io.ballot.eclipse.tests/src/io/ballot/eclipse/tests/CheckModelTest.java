package io.ballot.eclipse.tests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.ballot.checker.result.Result;
import io.ballot.eclipse.check.CheckModelHandler;
import io.ballot.eclipse.core.ModelMarkers;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.junit.Test;

/** Check Model's job on a bugged protocol: the violation lands as a marker at the violated invariant. */
public class CheckModelTest {

  @Test
  public void violationBecomesAMarkerAtTheProperty() throws Exception {
    String text = Fixtures.model("two-phase/TwoPhase-bug-commit-on-timeout.m");
    IFile file = Fixtures.file("Bugged.m", text);
    IDocument document = Fixtures.document(file);
    AtomicReference<Result> result = new AtomicReference<>();
    Job job = CheckModelHandler.job("Bugged.m", document, file, result::set);
    job.schedule();
    job.join(120_000, null);
    assertTrue(String.valueOf(job.getResult()), job.getResult().isOK());
    assertEquals("TCConsistent", result.get().violations().get(0).property());
    assertEquals(4, result.get().violations().get(0).trace().size());
    IMarker[] markers = file.findMarkers(ModelMarkers.VIOLATION, false, IResource.DEPTH_ZERO);
    assertEquals(1, markers.length);
    assertEquals(120, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
    assertTrue(markers[0].getAttribute(IMarker.MESSAGE, ""),
        markers[0].getAttribute(IMarker.MESSAGE, "").startsWith("invariant \"TCConsistent\""));
  }

  @Test
  public void theModelsHeaderSetsItsOptions() throws Exception {
    // TwoPhase.m says '-- ballot: deadlock-detection stuck': with the defaults' stuttering it would deadlock
    String text = Fixtures.model("two-phase/TwoPhase.m");
    IFile file = Fixtures.file("TwoPhase.m", text);
    AtomicReference<Result> result = new AtomicReference<>();
    Job job = CheckModelHandler.job("TwoPhase.m", Fixtures.document(file), file, result::set);
    job.schedule();
    job.join(120_000, null);
    assertTrue(String.valueOf(job.getResult()), job.getResult().isOK());
    assertTrue(result.get().violations().toString(), result.get().violations().isEmpty());
    assertEquals(80, result.get().states());
  }
}
