package org.yizhan.geo.hours;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yizhan.geo.MessageReason;
import org.yizhan.geo.hours.InvalidOpeningHoursException.Reason;

/**
 * Reads opening hours as union staff write them in Chinese and writes them in OSM
 * {@code opening_hours} syntax: {@code 周一至周六 7:30-19:30} → {@code Mo-Sa 07:30-19:30},
 * {@code 每天8点到晚上8点} → {@code Mo-Su 08:00-20:00}, {@code 工作日 9:00-17:00} → {@code Mo-Fr 09:00-17:00},
 * {@code 24小时} / {@code 全天} → {@code 24/7}, {@code 周一到周五上午9点至下午5点，周日休息} →
 * {@code Mo-Fr 09:00-17:00; Su off}.
 *
 * <p>Understood: weekdays as 周/星期/礼拜 + 一…日/天 (and bare numerals inside a list or range,
 * 周一、三、五, 周一至五); 每天/每日/天天/全周, 工作日, 周末/双休日; ranges with 至/到/-/~/—; lists
 * with 、/和/及; times as 7:30, 7点, 7点半, 7点30分, 7时 with 上午/早上/中午/下午/晚上/凌晨/傍晚; several
 * time ranges a day (8:00-12:00、14:00-18:00); 24小时 and 全天; 休息/闭馆/不开放/关闭 for closed days;
 * segments separated by ，；。 or new lines, where a segment without days adds its times to the days
 * before it. Holidays (节假日休息, 法定节假日照常) cannot be evaluated (the calendar is announced each
 * year), so they are left out of the result and named in {@link Conversion#notes()}.
 *
 * <p>Anything else is refused with an {@link InvalidOpeningHoursException} that quotes the part that
 * could not be read. Stateless; every method is thread-safe.
 */
public final class ChineseOpeningHours {

    /**
     * @param osm the hours in OSM syntax, accepted by {@link OpeningHours#parse}
     * @param notes what the conversion left out, for the person who typed it (e.g. holidays)
     */
    public record Conversion(String osm, List<Note> notes) {}

    /**
     * Something the conversion left out, as a reason and the values it names (not words, so a
     * service says it in its caller's language).
     *
     * @param values exactly as many as the reason's {@link NoteReason#arity()}
     */
    public record Note(NoteReason reason, List<Object> values) {
        public Note {
            values = MessageReason.valuesOf(reason, reason.arity(), values);
        }

        /** The message key of {@link #reason()}. */
        public String key() {
            return reason.key();
        }
    }

    /** What a conversion can leave out. */
    public enum NoteReason implements MessageReason {
        /** Holidays were named ({0}: the part of the text that names them); no weekly hours can hold them. */
        HOLIDAYS_LEFT_OUT("hours.note.holidaysLeftOut", 1);

        private final String key;
        private final int arity;

        NoteReason(String key, int arity) {
            this.key = key;
            this.arity = arity;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public int arity() {
            return arity;
        }
    }

    private static final String[] OSM_DAYS = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    private static final String EXAMPLE =
            "Write e.g. '周一至周五 9:00-17:00', '每天 8:00-20:00', '24小时' or 'Mo-Fr 09:00-17:00'.";
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    private ChineseOpeningHours() {}

    /** Whether the text holds Chinese characters, i.e. is not meant as OSM syntax. */
    public static boolean looksChinese(String text) {
        return CJK.matcher(text).find();
    }

    /**
     * Opening hours as typed: OSM syntax is kept as it is, Chinese is converted.
     *
     * @throws InvalidOpeningHoursException if neither reading works, with a message naming the part
     *     that could not be read
     */
    public static Conversion read(String text) {
        try {
            return new Conversion(OpeningHours.parse(text).value(), List.of());
        } catch (InvalidOpeningHoursException e) {
            // Plain ASCII was meant as OSM syntax: its own message says best what is wrong.
            if (text.chars().allMatch(c -> c < 128)) throw e;
        }
        Conversion c = toOsm(text);
        OpeningHours.parse(c.osm()); // the result must be storable; a failure here is a bug worth hearing about
        return c;
    }

    /** Converts Chinese opening hours to OSM syntax; see the class comment for what is understood. */
    public static Conversion toOsm(String text) {
        String source = text.strip();
        if (source.isEmpty()) {
            throw new InvalidOpeningHoursException(text, Reason.BLANK, -1, "Opening hours are empty. " + EXAMPLE);
        }
        String normal = normalise(source);
        List<Segment> segments = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        BitSet lastDays = null;
        for (String part : normal.split("[;；。\\n]|[,，](?![0-9]{1,2}[:点时])")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            Segment s = new Parser(text, p).segment();
            if (s.holiday) {
                notes.add(new Note(NoteReason.HOLIDAYS_LEFT_OUT, List.of(p)));
                if (s.days == null) continue;
                // "每天8点到晚上8点节假日休息" in one clause: the times are the days' hours, the closing the holidays'.
                // Without times ("周日及节假日休息") the closing is the named days' too.
                if (s.closed && !s.spans.isEmpty()) s.closed = false;
            }
            if (s.days == null) {
                if (s.closed) throw unreadable(text, p, "it says closed but not on which days");
                // A segment of times alone adds them to the days before it (周一至周五 8:00-12:00，14:00-18:00).
                if (lastDays != null && !s.spans.isEmpty() && !segments.isEmpty()) {
                    segments.get(segments.size() - 1).spans.addAll(s.spans);
                    continue;
                }
                s.days = allDays();
            }
            if (!s.closed && !s.allDay && s.spans.isEmpty()) {
                if (s.openWord) s.allDay = true;
                else throw unreadable(text, p, "it names days but no times");
            }
            lastDays = s.days;
            segments.add(s);
        }
        if (segments.isEmpty()) throw unreadable(text, normal, "there are no days or times in it");
        return new Conversion(write(segments), List.copyOf(notes));
    }

    private static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        // Range signs and the words for "to"; colons of all widths; no spaces inside times.
        n = n.replaceAll("[~〜～—–－―]+", "-").replace('︰', ':').replaceAll("(?<=[0-9])\\s*:\\s*(?=[0-9])", ":");
        return n;
    }

    /** One clause: days (null if none were named), and what happens on them. */
    private static final class Segment {
        @Nullable
        BitSet days;

        final List<int[]> spans = new ArrayList<>();
        boolean closed;
        boolean allDay;
        boolean holiday;
        boolean openWord;
    }

    private static String write(List<Segment> segments) {
        if (segments.size() == 1
                && daysOf(segments.get(0)).cardinality() == 7
                && !segments.get(0).closed
                && (segments.get(0).allDay
                        || segments.get(0).spans.stream().anyMatch(span -> span[0] == 0 && span[1] == 24 * 60))) {
            return "24/7";
        }
        // Consecutive clauses on the same days merge their times; otherwise one OSM rule per clause, in order,
        // so a later clause overrides earlier ones on its days (每天…，周日休息 → Mo-Su …; Su off).
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (Segment s : segments) {
            String days = days(daysOf(s));
            List<String> times = rules.computeIfAbsent(days, k -> new ArrayList<>());
            if (s.closed) {
                times.clear();
                times.add("off");
            } else if (s.allDay) {
                times.clear();
                times.add("00:00-24:00");
            } else {
                times.remove("off");
                for (int[] span : s.spans) times.add(time(span[0]) + "-" + time(span[1]));
            }
        }
        List<String> out = new ArrayList<>();
        rules.forEach((days, times) -> out.add(days + " " + String.join(",", times)));
        return String.join("; ", out);
    }

    /** Every clause kept for writing names its days (those without were given all days or merged). */
    private static BitSet daysOf(Segment s) {
        return java.util.Objects.requireNonNull(s.days, "a kept clause has its days");
    }

    /** Runs of days as OSM writes them; a run over the weekend wraps (周五至周一 → Fr-Mo). */
    private static String days(BitSet days) {
        if (days.cardinality() == 7) return "Mo-Su";
        int start = 0;
        while (days.get(start) && days.get((start + 6) % 7)) start++; // begin where a run begins
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < 7; ) {
            int d = (start + k) % 7;
            if (!days.get(d)) {
                k++;
                continue;
            }
            int len = 1;
            while (k + len < 7 && days.get((start + k + len) % 7)) len++;
            int end = (d + len - 1) % 7;
            parts.add(
                    len == 1
                            ? OSM_DAYS[d]
                            : len == 2 ? OSM_DAYS[d] + "," + OSM_DAYS[end] : OSM_DAYS[d] + "-" + OSM_DAYS[end]);
            k += len;
        }
        return String.join(",", parts);
    }

    private static String time(int minutes) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    private static BitSet allDays() {
        BitSet b = new BitSet(7);
        b.set(0, 7);
        return b;
    }

    static InvalidOpeningHoursException unreadable(String value, String part, String why) {
        return new InvalidOpeningHoursException(
                value, Reason.SYNTAX, -1, "Cannot read '" + part + "' as opening hours: " + why + ". " + EXAMPLE);
    }

    /** A small recursive-descent reader over one clause. */
    private static final class Parser {

        private static final String NUMERALS = "一二三四五六日";
        private static final Pattern DAY_PREFIX = Pattern.compile("周|星期|礼拜");
        private static final Pattern TIME = Pattern.compile(
                "(凌晨|早上|早晨|清晨|上午|早|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|晚)?\\s*([0-9]{1,2})(?::([0-9]{2})|[点时](?:(半)|([0-9]{1,2})分?)?)?");
        private static final Pattern FILLER =
                Pattern.compile("(营业|开放|开门|服务|办公|对外|时间|全年|无休|照常|均|都|为|是|从|起|止|:|\\s|的|可以|正常|以及|及|和)+");
        private static final Pattern CLOSED = Pattern.compile("休息|闭馆|闭站|不开放|关闭|关门|不营业|歇业|停止服务|休馆|闭店|休");
        private static final Pattern ALL_DAY = Pattern.compile("24小时|二十四小时|24h|24H|全天候|全天|通宵");
        private static final Pattern EVERY_HOUR = Pattern.compile("(7|七)\\s*(天|[×xX*])\\s*24\\s*(小时|h|H)?");
        private static final Pattern HOLIDAY = Pattern.compile("法定节假日|法定假日|节假日|节日|假日|春节");

        private final String value;
        private final String s;
        private int i;
        private final Segment seg = new Segment();

        Parser(String value, String clause) {
            this.value = value;
            this.s = clause;
        }

        Segment segment() {
            while (i < s.length()) {
                int before = i;
                if (skip(FILLER)) {
                    seg.openWord |= s.substring(before, i).matches(".*(营业|开放|开门|服务|办公|无休|照常).*");
                    continue;
                }
                if (match(HOLIDAY)) {
                    seg.holiday = true;
                    continue;
                }
                if (match(EVERY_HOUR)) {
                    seg.allDay = true;
                    seg.days = allDays();
                    continue;
                }
                if (match(ALL_DAY)) {
                    seg.allDay = true;
                    continue;
                }
                if (match(CLOSED)) {
                    seg.closed = true;
                    continue;
                }
                if (days()) continue;
                if (timeRange()) continue;
                throw unreadable(value, s, "'" + s.substring(i) + "' is not a day or a time");
            }
            return seg;
        }

        private boolean days() {
            BitSet days = new BitSet(7);
            if (match(Pattern.compile("每天|每日|天天|全周|每周|周一至周日|一周七天|七天"))) {
                days.set(0, 7);
            } else if (match(Pattern.compile("工作日"))) {
                days.set(0, 5);
            } else if (match(Pattern.compile("周末|双休日|双休"))) {
                days.set(5, 7);
            } else {
                int first = day(true);
                if (first < 0) return false;
                days.set(first);
                int last = first;
                while (true) {
                    int mark = i;
                    skipSpaces();
                    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '至' || s.charAt(i) == '到')) {
                        i++;
                        skipSpaces();
                        int to = day(false);
                        if (to < 0) {
                            i = mark;
                            break;
                        }
                        for (int d = last; d != to; d = (d + 1) % 7) days.set(d);
                        days.set(to);
                        last = to;
                    } else if (i < s.length()
                            && (s.charAt(i) == '、'
                                    || s.charAt(i) == '和'
                                    || s.charAt(i) == '及'
                                    || s.charAt(i) == ','
                                    || s.charAt(i) == '，'
                                    || s.charAt(i) == '/')) {
                        i++;
                        skipSpaces();
                        int next = day(false);
                        if (next < 0) {
                            i = mark;
                            break;
                        }
                        days.set(next);
                        last = next;
                    } else if (i == mark && i < s.length() && NUMERALS.indexOf(s.charAt(i)) >= 0 && !followedByTime()) {
                        int next = NUMERALS.indexOf(s.charAt(i++)); // 周六日 = Saturday and Sunday
                        days.set(next);
                        last = next;
                    } else {
                        i = mark;
                        break;
                    }
                }
            }
            seg.days = seg.days == null ? days : or(seg.days, days);
            return true;
        }

        private static BitSet or(BitSet a, BitSet b) {
            BitSet c = (BitSet) a.clone();
            c.or(b);
            return c;
        }

        /** A weekday 0 (Monday) … 6 (Sunday), with its 周/星期 prefix, or a bare numeral when {@code prefixRequired} is false. */
        private int day(boolean prefixRequired) {
            int mark = i;
            Matcher m = DAY_PREFIX.matcher(s).region(i, s.length());
            boolean prefixed = m.lookingAt();
            if (prefixed) i = m.end();
            else if (prefixRequired) return -1;
            if (i < s.length()) {
                char c = s.charAt(i);
                int n = NUMERALS.indexOf(c);
                if (c == '天' || c == '七' || c == '7') n = 6;
                else if (c >= '1' && c <= '6') n = c - '1';
                if (n >= 0 && !(c >= '1' && c <= '7' && followedByTime())) {
                    i++;
                    return n;
                }
            }
            i = mark;
            return -1;
        }

        private boolean followedByTime() {
            return i + 1 < s.length()
                    && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '点' || Character.isDigit(s.charAt(i + 1)));
        }

        private boolean timeRange() {
            int mark = i;
            Matcher start = TIME.matcher(s).region(i, s.length());
            if (!start.lookingAt()) return false;
            i = start.end();
            match(Pattern.compile("\\s*(起|开始)?\\s*"));
            if (i >= s.length() || !(s.charAt(i) == '-' || s.charAt(i) == '至' || s.charAt(i) == '到')) {
                i = mark;
                throw unreadable(value, s, "'" + start.group().strip() + "' has no end time (write e.g. 9:00-17:00)");
            }
            i++;
            skipSpaces();
            Matcher end = TIME.matcher(s).region(i, s.length());
            if (!end.lookingAt())
                throw unreadable(
                        value, s, "the time after '" + s.substring(mark, i).strip() + "' is missing or unreadable");
            i = end.end();
            int from = minutes(start, null, false);
            int to = minutes(end, start.group(1), true);
            if (to <= from && from < 12 * 60 && end.group(1) == null && to + 12 * 60 > from && to <= 12 * 60) {
                to += 12 * 60; // 9点到5点: the afternoon
            }
            if (to == from) throw unreadable(value, s, "the range starts and ends at the same time");
            seg.spans.add(new int[] {from, to});
            // Further ranges of the same day: 8:00-12:00、14:00-18:00
            skipSpaces();
            if (i < s.length()
                    && (s.charAt(i) == '、'
                            || s.charAt(i) == '和'
                            || s.charAt(i) == ','
                            || s.charAt(i) == '，'
                            || s.charAt(i) == '/')) {
                int after = i;
                i++;
                skipSpaces();
                if (!timeRange()) i = after;
            }
            return true;
        }

        /** Minutes from midnight; {@code inherited} is the start's period word for an end time that names none. */
        private int minutes(Matcher m, @Nullable String inherited, boolean isEnd) {
            String period = m.group(1) != null ? m.group(1) : inherited;
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) != null
                    ? Integer.parseInt(m.group(3))
                    : m.group(4) != null ? 30 : m.group(5) != null ? Integer.parseInt(m.group(5)) : 0;
            if (h > 24 || min > 59 || (h == 24 && min > 0))
                throw unreadable(value, s, "'" + m.group().strip() + "' is not a time of day");
            if (period != null && h <= 12) {
                switch (period) {
                    case "下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "晚" -> {
                        if (h < 12) h += 12;
                        else if (!"下午".equals(period)) h = isEnd ? 24 : 0; // 晚上12点 = midnight
                    }
                    case "中午", "午间" -> {
                        if (h < 6) h += 12; // 中午1点 = 13:00
                    }
                    case "凌晨" -> {
                        if (h == 12) h = 0;
                    }
                    default -> {
                        /* 上午, 早上: as written */
                    }
                }
            }
            if (h == 24 && !isEnd) h = 0;
            if (h == 0 && min == 0 && isEnd) h = 24;
            return h * 60 + min;
        }

        private boolean match(Pattern p) {
            Matcher m = p.matcher(s).region(i, s.length());
            if (!m.lookingAt()) return false;
            i = m.end();
            return true;
        }

        private boolean skip(Pattern p) {
            return match(p);
        }

        private void skipSpaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
