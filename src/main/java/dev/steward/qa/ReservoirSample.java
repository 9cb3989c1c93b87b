package dev.steward.qa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws a QA sample in one pass over a stream of candidates, holding only the sample in memory
 * (kpis.md "QA sample size"): a uniform random sample of {@code size} without replacement
 * (reservoir sampling, Algorithm R), and per agent a reservoir of {@code minPerAgent} candidates,
 * from which agents the main draw left short are topped up to {@code min(minPerAgent, their
 * contacts)}.
 *
 * <p>Everything random comes from one {@link SplittableRandom} seeded with the cycle's seed, so the
 * same candidates offered in the same order give the same sample: a cycle's sample can be
 * reproduced.
 */
final class ReservoirSample {

  /** One handled interaction that may be drawn. */
  record Candidate(String interactionId, String agentId, String channel, Instant startedAt) {
    Candidate {
      Objects.requireNonNull(interactionId);
      Objects.requireNonNull(agentId);
    }
  }

  /**
   * A drawn interaction; {@code topUp} when it was added so that its agent has {@code minPerAgent}
   * audits.
   */
  record Drawn(Candidate candidate, boolean topUp) {}

  private final int size;
  private final int minPerAgent;
  private final SplittableRandom random;
  private final Candidate[] reservoir;
  private final Map<String, AgentReservoir> agents = new HashMap<>();
  private long seen;

  ReservoirSample(int size, int minPerAgent, long seed) {
    if (size < 0 || minPerAgent < 0) {
      throw new IllegalArgumentException("size " + size + ", minPerAgent " + minPerAgent);
    }
    this.size = size;
    this.minPerAgent = minPerAgent;
    this.random = new SplittableRandom(seed);
    this.reservoir = new Candidate[size];
  }

  void offer(Candidate candidate) {
    seen++;
    if (seen <= size) {
      reservoir[(int) (seen - 1)] = candidate;
    } else if (size > 0) {
      long slot = random.nextLong(seen);
      if (slot < size) {
        reservoir[(int) slot] = candidate;
      }
    }
    if (minPerAgent > 0) {
      agents
          .computeIfAbsent(candidate.agentId(), a -> new AgentReservoir(minPerAgent))
          .offer(candidate, random);
    }
  }

  /** How many candidates were offered: the population N. */
  long seen() {
    return seen;
  }

  /** The random draw followed by the agents' top-ups, ordered by interaction id. */
  List<Drawn> drawn() {
    int drawnCount = (int) Math.min(seen, size);
    List<Drawn> drawn = new ArrayList<>(drawnCount);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perAgent = new HashMap<>();
    for (int i = 0; i < drawnCount; i++) {
      Candidate c = reservoir[i];
      drawn.add(new Drawn(c, false));
      ids.add(c.interactionId());
      perAgent.merge(c.agentId(), 1, Integer::sum);
    }
    // agents in a fixed order, so the top-ups do not depend on hash order
    for (Map.Entry<String, AgentReservoir> agent : new TreeMap<>(agents).entrySet()) {
      AgentReservoir r = agent.getValue();
      long target = Math.min(minPerAgent, r.seen);
      int have = perAgent.getOrDefault(agent.getKey(), 0);
      // the agent's reservoir holds min(minPerAgent, seen) of their contacts; at most `have` of
      // them
      // are drawn already, so it always has enough left for the top-up
      for (int i = 0; have < target && i < r.held(); i++) {
        Candidate c = r.slots[i];
        if (ids.add(c.interactionId())) {
          drawn.add(new Drawn(c, true));
          have++;
        }
      }
    }
    drawn.sort(Comparator.comparing(d -> d.candidate().interactionId()));
    return drawn;
  }

  /** A uniform random sample of one agent's contacts, of at most {@code minPerAgent}. */
  private static final class AgentReservoir {
    final Candidate[] slots;
    long seen;

    AgentReservoir(int capacity) {
      slots = new Candidate[capacity];
    }

    void offer(Candidate candidate, SplittableRandom random) {
      seen++;
      if (seen <= slots.length) {
        slots[(int) (seen - 1)] = candidate;
      } else {
        long slot = random.nextLong(seen);
        if (slot < slots.length) {
          slots[(int) slot] = candidate;
        }
      }
    }

    int held() {
      return (int) Math.min(seen, slots.length);
    }
  }
}
