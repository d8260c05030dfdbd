package dev.massbt.datasets.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which UTC days have bars. Open days have all 1,440 minutes (no session hours yet). */
public enum MarketCalendar {
    /** Every day, every minute: crypto. */
    ALWAYS_OPEN,
    /** Monday to Friday (UTC), every minute; no bars on Saturday and Sunday. */
    WEEKDAYS;

    public boolean isOpen(LocalDate day) {
        return this == ALWAYS_OPEN || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }
}
