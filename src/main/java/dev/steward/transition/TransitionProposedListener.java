package dev.steward.transition;

import dev.steward.review.TransitionProposed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a transition when a quarterly review proposes one. Synchronous, in the review's
 * transaction; idempotent: a repeated event for the same review starts nothing new.
 */
@Component
class TransitionProposedListener {

  private final TransitionService transitions;

  TransitionProposedListener(TransitionService transitions) {
    this.transitions = transitions;
  }

  @EventListener
  void on(TransitionProposed proposed) {
    transitions.proposeFromReview(proposed);
  }
}
