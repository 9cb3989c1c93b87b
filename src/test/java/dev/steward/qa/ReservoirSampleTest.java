package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample draw of kpis.md: uniform without replacement, reproducible from its seed, and topped
 * up so every agent has minPerAgent audits where they have that many.
 */
class ReservoirSampleTest {

  static final Instant AT = Instant.parse("2026-07-01T09:00:00Z");

  @Test
  void theSameSeedDrawsTheSameSample() {
    List<ReservoirSample.Drawn> first = draw(population(500, 12), 40, 1, 20260701L);
    List<ReservoirSample.Drawn> again = draw(population(500, 12), 40, 1, 20260701L);
    List<ReservoirSample.Drawn> other = draw(population(500, 12), 40, 1, 20260702L);

    assertThat(again).isEqualTo(first);
    assertThat(ids(other)).isNotEqualTo(ids(first));
  }

  @Test
  void drawsExactlyNDistinctInteractionsOrderedById() {
    List<ReservoirSample.Drawn> drawn = draw(population(1_000, 10), 278, 0, 7L);

    assertThat(drawn).hasSize(278).allSatisfy(d -> assertThat(d.topUp()).isFalse());
    assertThat(new HashSet<>(ids(drawn))).hasSize(278);
    assertThat(ids(drawn)).isSorted();
  }

  @Test
  void aSampleAsLargeAsThePopulationTakesEveryInteraction() {
    List<ReservoirSample.Drawn> drawn = draw(population(30, 3), 30, 1, 1L);

    assertThat(ids(drawn))
        .containsExactlyElementsOf(
            population(30, 3).stream().map(ReservoirSample.Candidate::interactionId).toList());
  }

  @Test
  void nothingToDrawFromAnEmptyMonth() {
    ReservoirSample sample = new ReservoirSample(0, 1, 5L);

    assertThat(sample.drawn()).isEmpty();
    assertThat(sample.seen()).isZero();
  }

  @Test
  void agentsTheDrawMissedAreToppedUpToMinPerAgentWhereTheyHaveThatMany() {
    // agent "rare" has 1 contact and "few" has 2, among 997 of "busy": a draw of 5 rarely hits them
    List<ReservoirSample.Candidate> month = new java.util.ArrayList<>();
    month.add(candidate("C-00500", "rare"));
    month.add(candidate("C-00600", "few"));
    month.add(candidate("C-00700", "few"));
    for (int i = 0; i < 997; i++) {
      month.add(candidate(String.format("C-%05d", i < 500 ? i : i + 1_000), "busy"));
    }
    month.sort(java.util.Comparator.comparing(ReservoirSample.Candidate::interactionId));

    for (long seed = 1; seed <= 200; seed++) {
      List<ReservoirSample.Drawn> drawn = draw(month, 5, 2, seed);
      Map<String, Long> perAgent =
          drawn.stream()
              .collect(Collectors.groupingBy(d -> d.candidate().agentId(), Collectors.counting()));

      assertThat(perAgent).containsEntry("rare", 1L).containsEntry("few", 2L);
      assertThat(perAgent.get("busy")).isGreaterThanOrEqualTo(2);
      assertThat(drawn.stream().filter(d -> !d.topUp())).hasSize(5);
      assertThat(drawn)
          .hasSize(5 + (int) drawn.stream().filter(ReservoirSample.Drawn::topUp).count());
      assertThat(new HashSet<>(ids(drawn))).hasSameSizeAs(drawn);
    }
  }

  @Test
  void aTopUpIsMarkedAndOnlyMadeWhereNeeded() {
    // two agents, one with a single contact at the very end: with n = 1 the draw keeps it only if
    // the last candidate replaces the first, so at least one of these seeds needs a top-up
    List<ReservoirSample.Candidate> month =
        List.of(candidate("C-1", "a"), candidate("C-2", "a"), candidate("C-3", "b"));
    int topUps = 0;
    for (long seed = 1; seed <= 50; seed++) {
      List<ReservoirSample.Drawn> drawn = draw(month, 1, 1, seed);
      assertThat(drawn.stream().map(d -> d.candidate().agentId()).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("a", "b");
      assertThat(drawn).hasSize(2);
      topUps += (int) drawn.stream().filter(ReservoirSample.Drawn::topUp).count();
    }
    assertThat(topUps).isPositive();
  }

  @Test
  void minPerAgentZeroMeansNoTopUps() {
    List<ReservoirSample.Drawn> drawn = draw(population(200, 50), 3, 0, 11L);

    assertThat(drawn).hasSize(3).noneMatch(ReservoirSample.Drawn::topUp);
  }

  /**
   * Over 20,000 draws (seeds 1..20,000) of 8 out of 40, each interaction should be drawn 4,000
   * times. Pearson's statistic over the 40 inclusion counts stays below the χ² critical value for
   * 39 degrees of freedom at α = 0.001 (72.05). Drawing without replacement makes the counts vary
   * less than multinomial counts (by a factor 1 − 8/40), so the test is conservative; with fixed
   * seeds it cannot flake.
   */
  @Test
  void everyInteractionIsEquallyLikelyToBeDrawn() {
    int population = 40;
    int size = 8;
    int draws = 20_000;
    List<ReservoirSample.Candidate> month = population(population, 7);
    Map<String, Integer> counts = new HashMap<>();
    for (long seed = 1; seed <= draws; seed++) {
      for (ReservoirSample.Drawn d : draw(month, size, 0, seed)) {
        counts.merge(d.candidate().interactionId(), 1, Integer::sum);
      }
    }
    double expected = (double) draws * size / population;
    double chiSquare = 0;
    for (ReservoirSample.Candidate c : month) {
      double observed = counts.getOrDefault(c.interactionId(), 0);
      chiSquare += (observed - expected) * (observed - expected) / expected;
    }

    assertThat(counts).hasSize(population);
    assertThat(chiSquare).as("χ² over %d inclusion counts", population).isLessThan(72.05);
  }

  @Test
  void theFirstAndLastInteractionsAreNotFavoured() {
    // a biased reservoir tends to favour the first (or last) candidates: compare both ends
    List<ReservoirSample.Candidate> month = population(100, 5);
    int first = 0;
    int last = 0;
    for (long seed = 1; seed <= 10_000; seed++) {
      Set<String> drawn = new HashSet<>(ids(draw(month, 10, 0, seed)));
      first += drawn.contains(month.get(0).interactionId()) ? 1 : 0;
      last += drawn.contains(month.get(99).interactionId()) ? 1 : 0;
    }
    // expected 1,000 each; the standard deviation is 30
    assertThat(first).isBetween(880, 1_120);
    assertThat(last).isBetween(880, 1_120);
  }

  static List<ReservoirSample.Drawn> draw(
      List<ReservoirSample.Candidate> month, int size, int minPerAgent, long seed) {
    ReservoirSample sample = new ReservoirSample(size, minPerAgent, seed);
    month.forEach(sample::offer);
    assertThat(sample.seen()).isEqualTo(month.size());
    return sample.drawn();
  }

  static List<ReservoirSample.Candidate> population(int size, int agents) {
    return java.util.stream.IntStream.range(0, size)
        .mapToObj(i -> candidate(String.format("C-%05d", i), "agent-" + (i % agents)))
        .toList();
  }

  static ReservoirSample.Candidate candidate(String id, String agent) {
    return new ReservoirSample.Candidate(id, agent, "PHONE", AT);
  }

  static List<String> ids(List<ReservoirSample.Drawn> drawn) {
    return drawn.stream().map(d -> d.candidate().interactionId()).toList();
  }
}
