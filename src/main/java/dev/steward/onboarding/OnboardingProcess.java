package dev.steward.onboarding;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.List;

/**
 * Everything the code knows about {@code processes/vendor-onboarding.bpmn}: its key, element ids,
 * groups and typed variables. The business key is the vendor id. The vendor lifecycle calls it with
 * {@link #VENDOR_ID} in and reads {@link #SYNC_CADENCE} and {@link #APPROVED_AGENTS} out.
 */
public final class OnboardingProcess {

  public static final String PROCESS_KEY = "VendorOnboarding";
  public static final String SPLIT_DECISION_KEY = "ResponsibilitySplit";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_OnboardingRequested";
    public static final String DETERMINE_SPLIT = "Task_DetermineResponsibilitySplit";
    public static final String GATEWAY_START_WORK = "Gateway_StartOnboardingWork";
    public static final String AGREE_CONTRACT = "Task_AgreeContractAndKpiTargets";
    public static final String APPLY_CONTRACT = "Task_ApplyContractAndKpiTargets";
    public static final String ASSIGN_RELATIONSHIP_MANAGER = "Task_AssignRelationshipManager";
    public static final String RECORD_RELATIONSHIP_MANAGER = "Task_RecordRelationshipManager";
    public static final String SET_GROUND_RULES = "Task_SetCommunicationGroundRules";
    public static final String RECORD_GROUND_RULES = "Task_RecordGroundRules";
    public static final String RUN_ONBOARDING_SESSIONS = "Task_RunOnboardingSessions";
    public static final String GRANT_SYSTEM_ACCESS = "Task_GrantSystemAccess";
    public static final String HAND_OVER_KNOWLEDGE_BASE = "Task_HandOverKnowledgeBase";
    public static final String GATEWAY_AGENTS_NEEDED = "Gateway_AgentsNeeded";
    public static final String PROPOSE_AGENTS = "Task_ProposeAgents";
    public static final String VET_CANDIDATE = "SubProcess_VetCandidate";
    public static final String INTERVIEW_CANDIDATE = "Task_InterviewCandidate";
    public static final String RECORD_VETTING_DECISION = "Task_RecordVettingDecision";
    public static final String RECORD_VETTING_RESULTS = "Task_RecordVettingResults";
    public static final String GATEWAY_ANY_CANDIDATE_APPROVED = "Gateway_AnyCandidateApproved";
    public static final String GATEWAY_WORK_DONE = "Gateway_OnboardingWorkDone";
    public static final String RECORD_ONBOARDING_COMPLETE = "Task_RecordOnboardingComplete";
    public static final String END_EVENT_ONBOARDED = "EndEvent_VendorOnboarded";

    /** The user tasks, in the order the API lists the steps. */
    public static final List<String> USER_TASKS =
        List.of(
            AGREE_CONTRACT,
            ASSIGN_RELATIONSHIP_MANAGER,
            SET_GROUND_RULES,
            RUN_ONBOARDING_SESSIONS,
            GRANT_SYSTEM_ACCESS,
            HAND_OVER_KNOWLEDGE_BASE,
            PROPOSE_AGENTS,
            INTERVIEW_CANDIDATE);

    private Elements() {}
  }

  /** Values of the interview form's {@code vettingDecision} field. */
  public static final String APPROVED = "APPROVED";

  public static final String REJECTED = "REJECTED";

  // in (from the caller)
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;

  // set by Task_DetermineResponsibilitySplit: the candidate group of each responsibility
  public static final ProcessVariable<String> INVOLVEMENT = stringVariable("involvement");
  public static final ProcessVariable<String> RECRUITING_GROUP = stringVariable("recruitingGroup");
  public static final ProcessVariable<String> ONBOARDING_SESSIONS_GROUP =
      stringVariable("onboardingSessionsGroup");
  public static final ProcessVariable<String> TRAINING_GROUP = stringVariable("trainingGroup");
  public static final ProcessVariable<String> COACHING_GROUP = stringVariable("coachingGroup");
  public static final ProcessVariable<String> QA_GROUP = stringVariable("qaGroup");

  /** Vetting interviews go to the training owner: who trains the agents accepts them. */
  public static final ProcessVariable<String> VETTING_GROUP = stringVariable("vettingGroup");

  // Form_AgreeContractAndKpiTargets
  public static final ProcessVariable<Object> MONTHLY_FEE = number("monthlyFee");
  public static final ProcessVariable<Object> AT_RISK_PERCENT = number("atRiskPercent");
  public static final ProcessVariable<Object> SERVICE_LEVEL_THRESHOLD_SECONDS =
      number("serviceLevelThresholdSeconds");
  public static final ProcessVariable<Boolean> KEEP_DEFAULT_KPI_TARGETS =
      booleanVariable("keepDefaultKpiTargets");
  public static final ProcessVariable<Object> CSAT_TARGET = number("csatTarget");
  public static final ProcessVariable<Object> FCR_TARGET = number("fcrTarget");
  public static final ProcessVariable<Object> AHT_TARGET_SECONDS = number("ahtTargetSeconds");

  // Form_AssignRelationshipManager
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  // Form_SetCommunicationGroundRules; syncCadence is an output for the lifecycle
  public static final ProcessVariable<String> SYNC_CADENCE = stringVariable("syncCadence");
  public static final ProcessVariable<String> REPORTING_CADENCE =
      stringVariable("reportingCadence");
  public static final ProcessVariable<String> ESCALATION_PATH = stringVariable("escalationPath");

  // Form_GrantSystemAccess, Form_HandOverKnowledgeBase (checklists: comma-separated text)
  public static final ProcessVariable<Object> SYSTEM_ACCESS_GRANTED =
      new ProcessVariable<>("systemAccessGranted", Object.class);
  public static final ProcessVariable<Object> KNOWLEDGE_BASE_HANDED_OVER =
      new ProcessVariable<>("knowledgeBaseHandedOver", Object.class);

  // Form_ProposeAgents: free text, turned into the list by checkProposedAgentsListener
  public static final ProcessVariable<String> AGENT_IDS = stringVariable("agentIds");
  public static final ProcessVariable<List<String>> PROPOSED_AGENTS =
      stringListVariable("proposedAgents");

  // one vetting interview (local to each instance of SubProcess_VetCandidate)
  public static final ProcessVariable<String> CANDIDATE_ID = stringVariable("candidateId");
  public static final ProcessVariable<String> VETTING_DECISION = stringVariable("vettingDecision");
  public static final ProcessVariable<String> VETTING_NOTE = stringVariable("vettingNote");
  public static final ProcessVariable<String> INTERVIEWED_BY = stringVariable("interviewedBy");

  // set by Task_RecordVettingResults; approvedAgents is an output for the lifecycle
  public static final ProcessVariable<List<String>> APPROVED_AGENTS =
      stringListVariable("approvedAgents");
  public static final ProcessVariable<List<String>> REJECTED_AGENTS =
      stringListVariable("rejectedAgents");
  public static final ProcessVariable<Boolean> ANY_CANDIDATE_APPROVED =
      booleanVariable("anyCandidateApproved");

  /**
   * A form number: the task API stores whole numbers as {@code Long} and others as {@code Double},
   * Tasklist may send either.
   */
  private static ProcessVariable<Object> number(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  private OnboardingProcess() {}
}
