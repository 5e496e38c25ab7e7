package org.yizhan.geo.hours;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.RuleModifier.Modifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.TokenMgrError;
import ch.poole.openinghoursparser.WeekDayRange;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.hours.InvalidOpeningHoursException.Reason;

/**
 * A station's opening hours in the OSM {@code opening_hours} syntax, restricted to the subset this class can
 * evaluate: {@code 24/7}; weekday selectors ({@code Mo-Fr}, {@code Sa,Su}, {@code Fr-Mo}); month and month-day
 * ranges ({@code Jun-Aug}, {@code Dec 24-26}, {@code Nov-Feb}); time spans including ones past midnight
 * ({@code 22:00-06:00}, {@code 18:00-26:00}) and {@code 24:00}; rules joined by {@code ;} (a later rule replaces
 * earlier ones on the days it names) or {@code ,} (adds to them); {@code off}/{@code closed}.
 * Everything else (public holidays, sunrise, years, weeks, nth weekdays, {@code ||}, {@code unknown}, comments)
 * is refused by {@link #parse}, so every stored value can be evaluated.
 *
 * <p>Times are local wall-clock minutes; instances are immutable and equal when their values are equal.
 */
public final class OpeningHours {

    /** Longest value accepted; matches OSM's tag value limit and a VARCHAR(255) column. */
    public static final int MAX_LENGTH = 255;

    private static final int DAY = 24 * 60;
    private static final int SEARCH_DAYS = 8;
    private static final String EXAMPLE = "Example: 'Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00' or '24/7'.";
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered:\\s+<[A-Z_]+>\\s+\"(.*?)\\s*\"");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern POSITION_SUFFIX = Pattern.compile("\\s+at line -?\\d+, column -?\\d+\\s*$");

    /** A span in minutes from the start of the day the rule names; {@code end} may reach into the next day. */
    private record Span(int start, int end) {}

    /** Inclusive range of days in every year; wraps over New Year when {@code from} is after {@code to}. */
    private record Season(MonthDay from, MonthDay to) {
        boolean contains(MonthDay day) {
            return from.isAfter(to) ? !day.isBefore(from) || !day.isAfter(to) : !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** One rule reduced to what the evaluator needs; empty {@code seasons} means all year. */
    private record Rule(Set<DayOfWeek> days, List<Season> seasons, List<Span> spans, boolean opens, boolean additive) {
        boolean names(MonthDay date, DayOfWeek dayOfWeek) {
            return days.contains(dayOfWeek)
                    && (seasons.isEmpty() || seasons.stream().anyMatch(s -> s.contains(date)));
        }
    }

    private final String value;
    private final List<Rule> rules;
    private final boolean alwaysOpen;

    private OpeningHours(String value, List<Rule> rules) {
        this.value = value;
        this.rules = List.copyOf(rules);
        this.alwaysOpen = computeAlwaysOpen();
    }

    /**
     * Parses a value in the supported subset of OSM opening_hours syntax.
     *
     * @throws InvalidOpeningHoursException if the value is blank, longer than {@value #MAX_LENGTH} characters, not
     *                                      valid syntax, or uses a feature outside the supported subset
     */
    public static OpeningHours parse(String value) {
        String trimmed = Objects.requireNonNull(value, "value").strip();
        if (trimmed.isEmpty()) {
            throw new InvalidOpeningHoursException(
                    value,
                    Reason.BLANK,
                    -1,
                    "Opening hours are empty. Write '24/7' for a station that never closes. " + EXAMPLE);
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidOpeningHoursException(
                    value,
                    Reason.TOO_LONG,
                    -1,
                    "Opening hours are " + trimmed.length() + " characters long; at most " + MAX_LENGTH
                            + " are allowed. " + EXAMPLE);
        }
        List<ch.poole.openinghoursparser.Rule> parsed;
        try {
            // strict=true refuses sloppy forms ("8-18", "Jun 1"); strictTime=false because the strict time check
            // rejects spans past midnight ("22:00-06:00"), which the OSM specification allows and night stations need.
            parsed = new OpeningHoursParser(new StringReader(trimmed)).rules(true, false);
        } catch (OpeningHoursParseException e) {
            throw syntaxError(trimmed, e.getColumn(), e.getMessage());
        } catch (TokenMgrError | RuntimeException e) {
            // Clerk input must never surface as a 500: treat a parser crash like any other syntax error.
            throw syntaxError(trimmed, -1, e.getMessage());
        }
        List<Rule> rules = new ArrayList<>();
        for (ch.poole.openinghoursparser.Rule rule : parsed) {
            rules.add(convert(trimmed, rule));
        }
        return new OpeningHours(trimmed, rules);
    }

    /** The value as given, trimmed. */
    public String value() {
        return value;
    }

    /** True if open at every minute of every day of the year, as for {@code 24/7} or {@code Mo-Su 00:00-24:00}. */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** Whether the station is open at the instant {@code time}, read on the wall clock of {@code stationZone}. */
    public boolean isOpenAt(ZonedDateTime time, ZoneId stationZone) {
        LocalDateTime local = time.withZoneSameInstant(stationZone).toLocalDateTime();
        return openMinutes(local.toLocalDate()).get(minuteOfDay(local));
    }

    /**
     * Open or closed at a local wall-clock time, and the next time that changes within 8 days. All changes fall on
     * whole minutes, so seconds within a minute do not matter.
     */
    public OpenState stateAt(LocalDateTime localTime) {
        if (alwaysOpen) {
            return new OpenState(true, null);
        }
        LocalDate day = localTime.toLocalDate();
        int minute = minuteOfDay(localTime);
        BitSet minutes = openMinutes(day);
        boolean open = minutes.get(minute);
        LocalDateTime limit = localTime.plusDays(SEARCH_DAYS);
        for (int offset = 0; offset <= SEARCH_DAYS; offset++) {
            LocalDate candidateDay = day.plusDays(offset);
            if (offset > 0) {
                minutes = openMinutes(candidateDay);
            }
            int from = offset == 0 ? minute + 1 : 0;
            int flip = open ? minutes.nextClearBit(from) : minutes.nextSetBit(from);
            if (flip >= 0 && flip < DAY) {
                LocalDateTime change = candidateDay.atStartOfDay().plusMinutes(flip);
                return new OpenState(open, change.isAfter(limit) ? null : change);
            }
        }
        return new OpenState(open, null);
    }

    private static int minuteOfDay(LocalDateTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private BitSet openMinutes(LocalDate day) {
        return openMinutes(MonthDay.from(day), day.getDayOfWeek(), MonthDay.from(day.minusDays(1)));
    }

    /**
     * OSM semantics: rules apply in order; an opening rule joined by {@code ;} replaces the whole of each day it
     * names, including what an earlier rule carried over midnight into it; an {@code off} rule or a {@code ,} rule
     * only changes its own spans. A span past midnight belongs to the rule's day but covers the next morning too.
     */
    private BitSet openMinutes(MonthDay date, DayOfWeek dayOfWeek, MonthDay yesterday) {
        BitSet open = new BitSet(DAY);
        for (Rule rule : rules) {
            boolean today = rule.names(date, dayOfWeek);
            boolean carriedOver = rule.names(yesterday, dayOfWeek.minus(1));
            if (today && rule.opens() && !rule.additive()) {
                open.clear();
            }
            for (Span span : rule.spans()) {
                if (today && span.start() < DAY) {
                    open.set(span.start(), Math.min(span.end(), DAY), rule.opens());
                }
                if (carriedOver && span.end() > DAY) {
                    open.set(Math.max(span.start() - DAY, 0), span.end() - DAY, rule.opens());
                }
            }
        }
        return open;
    }

    /**
     * Rules can only tell days apart by weekday and date, so it suffices to check every weekday (and, for seasonal
     * rules, every date of a leap year, giving 1 March both of its possible eves).
     */
    private boolean computeAlwaysOpen() {
        boolean seasonal = rules.stream().anyMatch(rule -> !rule.seasons().isEmpty());
        LocalDate leapYear = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < (seasonal ? 366 : 1); i++) {
            LocalDate day = leapYear.plusDays(i);
            List<MonthDay> eves = day.getMonth() == Month.MARCH && day.getDayOfMonth() == 1
                    ? List.of(MonthDay.of(2, 28), MonthDay.of(2, 29))
                    : List.of(MonthDay.from(day.minusDays(1)));
            for (DayOfWeek dayOfWeek : DayOfWeek.values()) {
                for (MonthDay eve : eves) {
                    if (openMinutes(MonthDay.from(day), dayOfWeek, eve).cardinality() < DAY) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Rule convert(String value, ch.poole.openinghoursparser.Rule rule) {
        if (rule.isEmpty()) {
            throw unsupported(value, "an empty rule (remove the doubled or trailing ';')");
        }
        if (rule.isFallBack()) {
            throw unsupported(value, "a fallback rule ('||')");
        }
        if (rule.getHolidays() != null && !rule.getHolidays().isEmpty()) {
            throw unsupported(value, "public or school holidays (PH, SH)");
        }
        if (rule.getYears() != null && !rule.getYears().isEmpty()) {
            throw unsupported(value, "years");
        }
        if (rule.getWeeks() != null && !rule.getWeeks().isEmpty()) {
            throw unsupported(value, "week numbers");
        }
        boolean opens = true;
        if (rule.getModifier() != null) {
            Modifier modifier = rule.getModifier().getModifier();
            if (rule.getModifier().getComment() != null) {
                throw unsupported(value, "a remark in quotes (put remarks in the station's notes)");
            }
            if (modifier == Modifier.UNKNOWN) {
                throw unsupported(value, "'unknown'");
            }
            opens = modifier == null || modifier == Modifier.OPEN;
        }
        if (rule.getComment() != null) {
            throw unsupported(value, "a remark in quotes (put remarks in the station's notes)");
        }
        return new Rule(
                days(value, rule.getDays()),
                seasons(value, rule.getDates()),
                spans(value, rule),
                opens,
                rule.isAdditive());
    }

    private static Set<DayOfWeek> days(String value, List<WeekDayRange> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (WeekDayRange range : ranges) {
            if ((range.getNths() != null && !range.getNths().isEmpty()) || range.getOffset() != 0) {
                throw unsupported(value, "nth weekdays of a month (like 'Mo[1]')");
            }
            DayOfWeek day = DayOfWeek.of(range.getStartDay().ordinal() + 1);
            DayOfWeek last = range.getEndDay() == null
                    ? day
                    : DayOfWeek.of(range.getEndDay().ordinal() + 1);
            days.add(day);
            while (day != last) {
                day = day.plus(1);
                days.add(day);
            }
        }
        return days;
    }

    private static List<Season> seasons(String value, List<DateRange> ranges) {
        if (ranges == null) {
            return List.of();
        }
        List<Season> seasons = new ArrayList<>();
        for (DateRange range : ranges) {
            DateWithOffset start = range.getStartDate();
            DateWithOffset end = range.getEndDate() == null ? start : range.getEndDate();
            checkPlainDate(value, start);
            checkPlainDate(value, end);
            if (start.getMonth() == null) {
                throw unsupported(value, "movable dates (like 'easter')");
            }
            if (range.getInterval() != 0) {
                throw unsupported(value, "date intervals");
            }
            Month startMonth = month(start.getMonth());
            Month endMonth = end.getMonth() == null ? startMonth : month(end.getMonth());
            MonthDay from = monthDay(value, startMonth, start.undefinedDay() ? 1 : start.getDay());
            MonthDay to = monthDay(value, endMonth, end.undefinedDay() ? endMonth.maxLength() : end.getDay());
            seasons.add(new Season(from, to));
        }
        return seasons;
    }

    /** The parser accepts any day up to 31 in any month; 'Feb 30' would otherwise escape as a DateTimeException. */
    private static MonthDay monthDay(String value, Month month, int day) {
        if (day > month.maxLength()) {
            throw syntaxError(value, -1, month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has no day " + day);
        }
        return MonthDay.of(month, day);
    }

    private static void checkPlainDate(String value, DateWithOffset date) {
        if (date.getVarDate() != null) {
            throw unsupported(value, "movable dates (like 'easter')");
        }
        if (!date.undefinedYear()) {
            throw unsupported(value, "years");
        }
        if (date.getNthWeekDay() != null || date.getWeekDayOffset() != null || date.getDayOffset() != 0) {
            throw unsupported(value, "dates relative to weekdays or with day offsets");
        }
        if (date.isOpenEnded()) {
            throw unsupported(value, "open-ended dates ('+')");
        }
    }

    private static Month month(ch.poole.openinghoursparser.Month month) {
        return Month.of(month.ordinal() + 1);
    }

    private static List<Span> spans(String value, ch.poole.openinghoursparser.Rule rule) {
        if (rule.isTwentyfourseven()
                || rule.getTimes() == null
                || rule.getTimes().isEmpty()) {
            return List.of(new Span(0, DAY));
        }
        List<Span> spans = new ArrayList<>();
        for (TimeSpan time : rule.getTimes()) {
            if (time.getStartEvent() != null || time.getEndEvent() != null) {
                throw unsupported(value, "sunrise, sunset, dawn or dusk");
            }
            if (time.isOpenEnded()) {
                throw unsupported(value, "an open end ('+')");
            }
            if (time.getInterval() != 0) {
                throw unsupported(value, "repeating times ('/')");
            }
            if (time.getEnd() == TimeSpan.UNDEFINED_TIME) {
                throw unsupported(value, "a single time without an end (write a span like '08:00-18:00')");
            }
            if (time.getEnd() == time.getStart()) {
                throw unsupported(
                        value, "a span that starts and ends at the same time (write '00:00-24:00' for all day)");
            }
            // The parser already moved an end before the start into the next day (22:00-06:00 ends at 30:00).
            spans.add(new Span(time.getStart(), time.getEnd()));
        }
        return spans;
    }

    private static InvalidOpeningHoursException unsupported(String value, String feature) {
        return new InvalidOpeningHoursException(
                value,
                Reason.UNSUPPORTED,
                -1,
                "Opening hours '" + value + "' are valid OSM syntax but use " + feature
                        + ", which Yizhan cannot evaluate. " + EXAMPLE);
    }

    /**
     * The parser's column lags the offending text by one to three characters (and is 0 at the start), so when it
     * names the token it choked on, the column is re-anchored on that token's first occurrence from there on.
     */
    private static InvalidOpeningHoursException syntaxError(
            String value, int parserColumn, @Nullable String parserMessage) {
        String firstLine =
                parserMessage == null ? "" : parserMessage.lines().findFirst().orElse("");
        Matcher encountered = ENCOUNTERED.matcher(firstLine);
        String reason = POSITION_SUFFIX.matcher(firstLine).replaceAll("");
        int column = parserColumn;
        if (encountered.find()) {
            String token = unescape(encountered.group(1));
            reason = "unexpected '" + token + "'";
            int index = parserColumn < 0 ? -1 : value.indexOf(token, Math.max(0, parserColumn - 2));
            column = index < 0 ? parserColumn : index + 1;
        }
        StringBuilder message =
                new StringBuilder("Opening hours '").append(value).append("' are not valid OSM opening_hours syntax");
        if (column > 0) {
            message.append(" at column ")
                    .append(column)
                    .append(" (near '")
                    .append(value, Math.max(0, column - 7), Math.min(value.length(), column + 5))
                    .append("')");
        }
        message.append(": ")
                .append(reason.isBlank() ? "the parser gave no reason" : reason)
                .append(". ");
        if (!value.chars().allMatch(c -> c < 128)) {
            message.append("Use English day names (Mo Tu We Th Fr Sa Su) and plain ':' and '-', not full-width ones. ");
        }
        return new InvalidOpeningHoursException(
                value,
                Reason.SYNTAX,
                column > 0 ? column : -1,
                message.append(EXAMPLE).toString());
    }

    /** The parser reports non-ASCII characters as Java escapes ("\\u5468"); turn them back into text. */
    private static String unescape(String token) {
        return UNICODE_ESCAPE
                .matcher(token)
                .replaceAll(escape -> Character.toString(Integer.parseInt(escape.group(1), 16)));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OpeningHours hours && value.equals(hours.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
