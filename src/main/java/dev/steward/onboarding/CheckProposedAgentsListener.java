package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.AGENT_IDS;
import static dev.steward.onboarding.OnboardingProcess.PROPOSED_AGENTS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_ProposeAgents: reads the typed agent ids (the interaction data's
 * alphabet, no duplicates) into {@code proposedAgents}, the list the vetting interviews run over.
 * Invalid ids: the task API answers 422 naming {@code agentIds}.
 */
@Component
class CheckProposedAgentsListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    PROPOSED_AGENTS.on(task, AgentIds.parse(AGENT_IDS.name(), AGENT_IDS.from(task)));
  }
}
