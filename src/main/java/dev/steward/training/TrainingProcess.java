package dev.steward.training;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.List;

/**
 * Everything the code knows about {@code processes/agent-training.bpmn}: its key, element ids,
 * message and typed variables. The business key is the cohort id. The vendor lifecycle calls it
 * with {@link #VENDOR_ID} and {@link #AGENTS} in (and optionally {@link #NESTING_PERIOD}); QA
 * starts a refresher through {@link #MSG_REFRESHER_REQUESTED}.
 */
public final class TrainingProcess {

  public static final String PROCESS_KEY = "AgentTraining";

  /** Starts a refresher (a cohort of one) with {@link #VENDOR_ID} and {@link #AGENT_ID}. */
  public static final String MSG_REFRESHER_REQUESTED = "Msg_RefresherTrainingRequested";

  /** A certification score of at least this passes (0-100). */
  public static final double PASS_MARK = 80;

  /** How many attempts an agent has: the first and one retake. */
  public static final int MAX_ATTEMPTS = 2;

  /** The nesting period of a cohort that does not set one. */
  public static final String DEFAULT_NESTING_PERIOD = "P14D";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT_COHORT = "StartEvent_CohortStarted";
    public static final String OPEN_COHORT = "Task_OpenTrainingCohort";
    public static final String RUN_UNBOXING = "Task_RunUnboxingExperience";
    public static final String GATEWAY_START_TRAINING = "Gateway_StartTraining";
    public static final String TRAIN_PRODUCT_AND_CULTURE = "Task_TrainProductAndCulture";
    public static final String TRAIN_CONTACT_CENTER_SKILLS = "Task_TrainContactCenterSkills";
    public static final String GATEWAY_TRAINING_DONE = "Gateway_TrainingDone";
    public static final String START_EVENT_REFRESHER = "StartEvent_RefresherRequested";
    public static final String OPEN_REFRESHER = "Task_OpenRefresherCohort";
    public static final String RUN_REFRESHER = "Task_RunRefresherTraining";
    public static final String GATEWAY_READY_FOR_CERTIFICATION = "Gateway_ReadyForCertification";
    public static final String CERTIFY_AGENT = "SubProcess_CertifyAgent";
    public static final String TAKE_CERTIFICATION = "Task_TakeCertification";
    public static final String RECORD_CERTIFICATION_ATTEMPT = "Task_RecordCertificationAttempt";
    public static final String GATEWAY_CERTIFICATION_PASSED = "Gateway_CertificationPassed";
    public static final String RETAKE_CERTIFICATION = "Task_RetakeCertification";
    public static final String RECORD_RETAKE_ATTEMPT = "Task_RecordRetakeAttempt";
    public static final String GATEWAY_RETAKE_PASSED = "Gateway_RetakePassed";
    public static final String END_EVENT_AGENT_CERTIFIED = "EndEvent_AgentCertified";
    public static final String END_EVENT_AGENT_NOT_CERTIFIED = "EndEvent_AgentNotCertified";
    public static final String CLOSE_CERTIFICATION = "Task_CloseCertification";
    public static final String GATEWAY_REFRESHER_OR_COHORT = "Gateway_RefresherOrCohort";
    public static final String COMPLETE_REFRESHER = "Task_CompleteRefresherTraining";
    public static final String END_EVENT_REFRESHER_COMPLETED = "EndEvent_RefresherCompleted";
    public static final String GATEWAY_ANY_AGENT_CERTIFIED = "Gateway_AnyAgentCertified";
    public static final String TIMER_NESTING_PERIOD = "Timer_NestingPeriod";
    public static final String CHECK_PROFICIENCY_SUBPROCESS = "SubProcess_CheckProficiency";
    public static final String CHECK_PROFICIENCY = "Task_CheckProficiency";
    public static final String RECORD_PROFICIENCY = "Task_RecordProficiency";
    public static final String RECORD_SPEED_TO_PROFICIENCY = "Task_RecordSpeedToProficiency";
    public static final String END_EVENT_COHORT_TRAINED = "EndEvent_CohortTrained";

    /** The user tasks, in the order the API lists open steps. */
    public static final List<String> USER_TASKS =
        List.of(
            RUN_UNBOXING,
            TRAIN_PRODUCT_AND_CULTURE,
            TRAIN_CONTACT_CENTER_SKILLS,
            RUN_REFRESHER,
            TAKE_CERTIFICATION,
            RETAKE_CERTIFICATION,
            CHECK_PROFICIENCY);

    private Elements() {}
  }

  /** Values of the proficiency form's {@code proficient} field. */
  public static final String PROFICIENT_YES = "YES";

  public static final String PROFICIENT_NO = "NO";

  // in (from the caller, or the refresher message)
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;
  public static final ProcessVariable<List<String>> AGENTS = stringListVariable("agents");
  public static final ProcessVariable<String> NESTING_PERIOD = stringVariable("nestingPeriod");

  /** The refresher's agent; in a certification or proficiency check, the agent of that instance. */
  public static final ProcessVariable<String> AGENT_ID = stringVariable("agentId");

  public static final ProcessVariable<String> QA_CYCLE_ID = stringVariable("qaCycleId");

  // set when the cohort opens
  public static final ProcessVariable<String> COHORT_ID = stringVariable("cohortId");
  public static final ProcessVariable<String> COHORT_KIND = stringVariable("cohortKind");
  public static final ProcessVariable<String> COHORT_STARTED_ON = stringVariable("cohortStartedOn");
  public static final ProcessVariable<String> VENDOR_TIME_ZONE = stringVariable("vendorTimeZone");
  public static final ProcessVariable<String> TRAINING_GROUP = stringVariable("trainingGroup");
  public static final ProcessVariable<String> COACHING_GROUP = stringVariable("coachingGroup");

  // certification (local to each instance of SubProcess_CertifyAgent)
  public static final ProcessVariable<Object> CERTIFICATION_SCORE =
      new ProcessVariable<>("certificationScore", Object.class);
  public static final ProcessVariable<Object> CERTIFICATION_ATTEMPT =
      new ProcessVariable<>("certificationAttempt", Object.class);
  public static final ProcessVariable<Boolean> CERTIFICATION_PASSED =
      booleanVariable("certificationPassed");
  public static final ProcessVariable<String> ASSESSED_BY = stringVariable("assessedBy");

  // set by Task_CloseCertification
  public static final ProcessVariable<List<String>> CERTIFIED_AGENTS =
      stringListVariable("certifiedAgents");
  public static final ProcessVariable<Boolean> ANY_AGENT_CERTIFIED =
      booleanVariable("anyAgentCertified");

  // proficiency check (local to each instance of SubProcess_CheckProficiency)
  public static final ProcessVariable<String> PROFICIENT = stringVariable("proficient");
  public static final ProcessVariable<String> PROFICIENCY_DATE = stringVariable("proficiencyDate");

  private TrainingProcess() {}
}
