package dev.steward.qa;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The end listener scores a completed audit task and leaves a cancelled one alone. */
class SubmitCalibrationAuditListenerTest {

  final QaCalibrationService calibrations = mock(QaCalibrationService.class);
  final IdentityService identityService = mock(IdentityService.class);
  final DelegateExecution execution = mock(DelegateExecution.class);
  final SubmitCalibrationAuditListener listener =
      new SubmitCalibrationAuditListener(calibrations, identityService);

  final List<Map<String, Object>> ratings =
      List.of(Map.of("category", "tone", "rating", 4, "notApplicable", false));

  @Test
  void aCompletedAuditTaskIsScoredWithItsOwnRatings() {
    when(execution.isCanceled()).thenReturn(false);
    when(execution.getVariable("calibrationAuditId")).thenReturn("audit-1");
    when(execution.getVariableLocal("ratings")).thenReturn(ratings);
    when(execution.getVariable("comment")).thenReturn("fine");
    when(identityService.getCurrentAuthentication()).thenReturn(new Authentication("quinn", null));

    listener.notify(execution);

    verify(calibrations).submitAudit("audit-1", "quinn", ratings, "fine");
  }

  @Test
  void withoutAnAuthenticatedEngineCallTheAnalystOfTheAuditSubmitted() {
    when(execution.getVariable("calibrationAuditId")).thenReturn("audit-1");
    when(execution.getVariableLocal("ratings")).thenReturn(ratings);

    listener.notify(execution);

    verify(calibrations).submitAudit("audit-1", null, ratings, null);
  }

  @Test
  void aCancelledAuditTaskIsNotScored() {
    when(execution.isCanceled()).thenReturn(true);

    listener.notify(execution);

    verify(calibrations, never()).submitAudit(anyString(), any(), any(), any());
  }
}
