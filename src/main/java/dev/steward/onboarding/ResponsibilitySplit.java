package dev.steward.onboarding;

import dev.steward.vendor.Involvement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who owns each responsibility for one vendor, as the {@code ResponsibilitySplit} table decided it
 * for the vendor's involvement level.
 */
public record ResponsibilitySplit(Involvement involvement, Map<Responsibility, Owner> owners) {

  public ResponsibilitySplit {
    EnumMap<Responsibility, Owner> copy = new EnumMap<>(Responsibility.class);
    copy.putAll(owners);
    for (Responsibility responsibility : Responsibility.values()) {
      if (copy.get(responsibility) == null) {
        throw new IllegalArgumentException("No owner for " + responsibility.output());
      }
    }
    owners = Collections.unmodifiableMap(copy);
  }

  public Owner owner(Responsibility responsibility) {
    return owners.get(responsibility);
  }

  /** The candidate group of the responsibility's tasks. */
  public String group(Responsibility responsibility) {
    return owner(responsibility).candidateGroup();
  }

  /** Output name to owner, in table order, for answers. */
  public Map<String, Owner> byOutputName() {
    Map<String, Owner> named = new LinkedHashMap<>();
    owners.forEach((responsibility, owner) -> named.put(responsibility.output(), owner));
    return named;
  }
}
