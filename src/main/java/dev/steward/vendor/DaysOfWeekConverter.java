package dev.steward.vendor;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of weekdays as {@code MONDAY,TUESDAY,...} in one column. */
@Converter
class DaysOfWeekConverter implements AttributeConverter<Set<DayOfWeek>, String> {

  @Override
  public String convertToDatabaseColumn(Set<DayOfWeek> days) {
    return days == null
        ? ""
        : days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<DayOfWeek> convertToEntityAttribute(String column) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(String::trim).map(DayOfWeek::valueOf).forEach(days::add);
    }
    return days;
  }
}
