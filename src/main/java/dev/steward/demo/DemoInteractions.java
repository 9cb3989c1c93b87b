package dev.steward.demo;

import dev.steward.kpi.ContractRequest;
import dev.steward.kpi.ContractService;
import dev.steward.kpi.InteractionSeeder;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardDefinition;
import dev.steward.kpi.ScorecardRequest;
import dev.steward.kpi.ScorecardService;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A quarter of interactions for each demo vendor, so the demo scorecards have numbers: the last
 * full quarter before today and the current quarter up to now, generated from a fixed seed per
 * vendor (the same rows every time for the same quarter), with a contract and the default
 * scorecard. The vendors differ on purpose: Acme Manila performs well, Bright Mexico is middling,
 * Nordic Berlin (still in evaluation) has little data.
 *
 * <p>Runs after {@link DemoWorld} as its own step, and is idempotent on its own: a vendor that
 * already has interactions is left alone, so a demo database created before scorecards existed gets
 * its data on the next start.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoInteractions implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoInteractions.class);

  private static final StewardPrincipal SYSTEM =
      new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);

  /** How one vendor's contacts look; probabilities per answer, from worst to best. */
  record Profile(
      String code,
      long seed,
      int contactsPerWeekday,
      int agents,
      double resolvedRate,
      int medianHandleSeconds,
      double meanWaitSeconds,
      double abandonRate,
      double[] csat,
      double[] npsDetractorPassivePromoter,
      double[] ces,
      ContractRequest contract) {}

  static final List<Profile> PROFILES =
      List.of(
          new Profile(
              "ACME-MNL",
              7_001L,
              85,
              16,
              0.80,
              330,
              13,
              0.02,
              new double[] {0.03, 0.04, 0.09, 0.30, 0.54},
              new double[] {0.17, 0.33, 0.50},
              new double[] {0.01, 0.02, 0.04, 0.08, 0.15, 0.35, 0.35},
              contract("120000", "10", 20, "csat", 30, "fcr", 30, "aht", 20, "serviceLevel", 20)),
          new Profile(
              "BRIGHT-MX",
              7_002L,
              55,
              12,
              0.70,
              420,
              32,
              0.04,
              new double[] {0.07, 0.08, 0.15, 0.32, 0.38},
              new double[] {0.32, 0.35, 0.33},
              new double[] {0.04, 0.06, 0.12, 0.18, 0.25, 0.20, 0.15},
              contract("80000", "8", 30, "csat", 40, "fcr", 30, "abandonRate", 30)),
          new Profile(
              "NORDIC-BER",
              7_003L,
              5,
              10,
              0.77,
              380,
              18,
              0.03,
              new double[] {0.03, 0.05, 0.10, 0.30, 0.52},
              new double[] {0.20, 0.35, 0.45},
              new double[] {0.02, 0.03, 0.07, 0.12, 0.20, 0.30, 0.26},
              contract("45000", "5", 20, "csat", 50, "nps", 50)));

  private final VendorService vendors;
  private final ScorecardService scorecards;
  private final ContractService contracts;
  private final InteractionSeeder seeder;
  private final Clock clock;

  DemoInteractions(
      VendorService vendors,
      ScorecardService scorecards,
      ContractService contracts,
      InteractionSeeder seeder,
      Clock clock) {
    this.vendors = vendors;
    this.scorecards = scorecards;
    this.contracts = contracts;
    this.seeder = seeder;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Period current = Period.quarterOf(now);
    YearMonth previous = current.first().minusMonths(3);
    Period lastFull = Period.quarter(previous.getYear(), (previous.getMonthValue() - 1) / 3 + 1);
    int total = 0;
    for (Profile profile : PROFILES) {
      VendorView vendor = vendors.findByCode(profile.code()).orElse(null);
      if (vendor == null || seeder.hasInteractions(vendor.id())) {
        continue;
      }
      scorecards.replaceDefinition(
          vendor.id(), ScorecardRequest.of(ScorecardDefinition.defaults()), SYSTEM);
      contracts.replace(vendor.id(), profile.contract(), SYSTEM);
      List<InteractionSeeder.Row> rows =
          generate(
              profile,
              ZoneId.of(vendor.timeZone()),
              vendor.businessHoursStart(),
              vendor.businessHoursEnd(),
              lastFull.start(),
              now);
      seeder.insert(vendor.id(), rows);
      total += rows.size();
    }
    if (total > 0) {
      log.info(
          "Demo interactions created: {} contacts from {} to now in {} ms",
          total,
          lastFull,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * The vendor's contacts in [from, until), during its local business hours, from the profile's
   * fixed seed.
   */
  static List<InteractionSeeder.Row> generate(
      Profile p, ZoneId zone, LocalTime opens, LocalTime closes, Instant from, Instant until) {
    int open = opens.toSecondOfDay();
    int hours = closes.toSecondOfDay() - open;
    Random random = new Random(p.seed());
    double[] agentSkill = new double[p.agents()];
    for (int a = 0; a < agentSkill.length; a++) {
      agentSkill[a] = Math.max(-2, Math.min(2, random.nextGaussian()));
    }
    List<InteractionSeeder.Row> rows = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(until, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      double dayFactor =
          switch (day.getDayOfWeek()) {
            case SATURDAY -> 0.5;
            case SUNDAY -> 0.35;
            default -> day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.15 : 1.0;
          };
      int contacts =
          (int) Math.round(p.contactsPerWeekday() * dayFactor * (0.85 + 0.3 * random.nextDouble()));
      for (int i = 0; i < contacts; i++) {
        // within the vendor's local business hours, busiest in the middle of the day
        double share = Math.min(0.9999, Math.max(0, 0.5 + 0.22 * random.nextGaussian()));
        Instant at =
            day.atTime(LocalTime.ofSecondOfDay(open + (long) (share * hours)))
                .atZone(zone)
                .toInstant();
        int agent = random.nextInt(p.agents());
        InteractionSeeder.Row row =
            contact(p, random, agentSkill[agent], agent, at, rows.size() + 1);
        if (!at.isBefore(from) && at.isBefore(until)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static InteractionSeeder.Row contact(
      Profile p, Random random, double skill, int agent, Instant at, int sequence) {
    String channel =
        pick(
            random,
            new String[] {"PHONE", "CHAT", "EMAIL", "SOCIAL"},
            new double[] {0.50, 0.30, 0.15, 0.05});
    boolean queued = channel.equals("PHONE") || channel.equals("CHAT");
    Integer wait =
        queued ? (int) Math.round(-p.meanWaitSeconds() * Math.log(1 - random.nextDouble())) : null;
    boolean abandoned =
        queued
            && random.nextDouble()
                < Math.min(0.9, p.abandonRate() * (0.3 + 1.4 * wait / p.meanWaitSeconds()));
    String id = p.code() + "-" + padded(sequence, 6);
    String agentId = p.code().toLowerCase() + "-a" + padded(agent + 1, 2);
    if (abandoned) {
      return new InteractionSeeder.Row(
          id, agentId, channel, at, 0, false, wait, true, null, null, null);
    }
    double channelFactor =
        switch (channel) {
          case "CHAT" -> 1.2;
          case "EMAIL" -> 0.6;
          case "SOCIAL" -> 0.5;
          default -> 1.0;
        };
    int handle =
        (int)
            Math.round(
                Math.max(
                    20,
                    Math.min(
                        3600,
                        p.medianHandleSeconds()
                            * channelFactor
                            * (1 - 0.06 * skill)
                            * Math.exp(0.45 * random.nextGaussian()))));
    boolean resolved = random.nextDouble() < Math.min(0.98, p.resolvedRate() + 0.04 * skill);
    Integer csat = null;
    if (random.nextDouble() < 0.30) {
      int answer = 1 + pick(random, p.csat());
      if (!resolved && random.nextDouble() < 0.5) {
        answer = Math.max(1, answer - 1);
      } else if (skill > 1 && random.nextDouble() < 0.3) {
        answer = Math.min(5, answer + 1);
      }
      csat = answer;
    }
    Integer nps = null;
    if (random.nextDouble() < 0.18) {
      nps =
          switch (pick(random, p.npsDetractorPassivePromoter())) {
            case 0 -> random.nextInt(7);
            case 1 -> 7 + random.nextInt(2);
            default -> 9 + random.nextInt(2);
          };
    }
    Integer ces = random.nextDouble() < 0.15 ? 1 + pick(random, p.ces()) : null;
    return new InteractionSeeder.Row(
        id, agentId, channel, at, handle, resolved, wait, false, csat, nps, ces);
  }

  private static String padded(int number, int digits) {
    String text = Integer.toString(number);
    return "0".repeat(Math.max(0, digits - text.length())) + text;
  }

  private static <T> T pick(Random random, T[] values, double[] weights) {
    return values[pick(random, weights)];
  }

  private static int pick(Random random, double[] weights) {
    double r = random.nextDouble() * Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static ContractRequest contract(
      String fee, String atRisk, int threshold, Object... allocations) {
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    for (int i = 0; i < allocations.length; i += 2) {
      shares.put((String) allocations[i], BigDecimal.valueOf((Integer) allocations[i + 1]));
    }
    return new ContractRequest(
        new BigDecimal(fee), new BigDecimal(atRisk), BigDecimal.valueOf(threshold), shares);
  }
}
