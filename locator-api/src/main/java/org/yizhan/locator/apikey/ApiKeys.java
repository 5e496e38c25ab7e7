package org.yizhan.locator.apikey;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yizhan.locator.config.YizhanProperties;
import org.yizhan.locator.web.ApiException;

/**
 * Issues, lists and revokes API keys, and looks a presented key up. A key is {@code yz_} and 256
 * random bits (base64url); only its SHA-256 is stored. Lookups are cached for
 * {@code yizhan.quota.key-cache-ttl} (unknown keys too, so guessing costs the database nothing),
 * which bounds how long another instance may still accept a revoked key.
 */
@Service
class ApiKeys {

    static final String PREFIX = "yz_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a request with a valid key is allowed. */
    record ActiveKey(long id, QuotaProperties.Limit limit) {}

    record KeyForm(String appName, String contact, long perMinute, long perDay) {}

    record UsageDay(LocalDate day, long requests) {}

    record KeyView(
            long id,
            String keyPrefix,
            String appName,
            String contact,
            long perMinute,
            long perDay,
            Instant createdAt,
            String createdBy,
            @Nullable Instant revokedAt,
            long today,
            List<UsageDay> usage) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final QuotaProperties quota;
    private final LoadingCache<String, Optional<ActiveKey>> byHash;

    ApiKeys(JdbcClient jdbc, Clock clock, YizhanProperties yizhan, QuotaProperties quota) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = yizhan.timeZone();
        this.quota = quota;
        this.byHash = Caffeine.newBuilder()
                .expireAfterWrite(quota.keyCacheTtl())
                .maximumSize(100_000)
                .build(this::load);
    }

    /** The key's quota, or empty for a key that was never issued or has been revoked. */
    Optional<ActiveKey> find(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) return Optional.empty();
        return byHash.get(HexFormat.of().formatHex(sha256(presented)));
    }

    private Optional<ActiveKey> load(String hashHex) {
        return jdbc.sql("SELECT id, per_minute, per_day FROM api_key WHERE key_hash = :h AND revoked_at IS NULL")
                .param("h", HexFormat.of().parseHex(hashHex))
                .query((rs, n) -> new ActiveKey(rs.getLong(1), new QuotaProperties.Limit(rs.getLong(2), rs.getLong(3))))
                .optional();
    }

    /** A new key: the caller shows {@code key} once; it is not kept. */
    record Issued(String key, KeyView view) {}

    Issued issue(KeyForm form, String admin) {
        String app = text("appName", form.appName(), 120);
        String contact = text("contact", form.contact(), 200);
        quotaWithin("perMinute", form.perMinute(), quota.maxKey().perMinute());
        quotaWithin("perDay", form.perDay(), quota.maxKey().perDay());
        if (form.perDay() < form.perMinute()) {
            throw ApiException.invalid("perDay", "apiKey.quota.order");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO api_key (key_hash, key_prefix, app_name, contact, per_minute, per_day, created_by)
                VALUES (:hash, :prefix, :app, :contact, :perMinute, :perDay, :admin) RETURNING id""")
                .param("hash", sha256(key))
                .param("prefix", key.substring(0, 11))
                .param("app", app)
                .param("contact", contact)
                .param("perMinute", form.perMinute())
                .param("perDay", form.perDay())
                .param("admin", admin)
                .query(Long.class)
                .single();
        return new Issued(key, view(id));
    }

    /** Revokes the key at once on this instance; other instances stop accepting it within the cache time. */
    KeyView revoke(long id) {
        int changed = jdbc.sql("UPDATE api_key SET revoked_at = coalesce(revoked_at, :now) WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (changed == 0) throw ApiException.notFound("apiKey.notFound", id);
        byHash.invalidateAll();
        return view(id);
    }

    /** Every key, newest first, with its requests on each of the last {@code days} local days. */
    List<KeyView> all(int days) {
        return list("TRUE", Map.of(), days);
    }

    KeyView view(long id) {
        return list("k.id = :id", Map.of("id", id), 14).stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("apiKey.notFound", id));
    }

    private List<KeyView> list(String where, Map<String, Object> params, int days) {
        // The local day of the clock's instant, as QuotaCounters counts it (not the clock's own zone).
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        Map<Long, List<UsageDay>> usage = jdbc
                .sql("""
                SELECT substr(subject, 2)::bigint AS id, window_start, requests FROM api_usage
                 WHERE subject LIKE 'k%' AND window_seconds = :day AND window_start >= :first ORDER BY window_start""")
                .param("day", QuotaCounters.DAY)
                .param("first", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new UsageDay(LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), zone), rs.getLong(3))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT k.id, k.key_prefix, k.app_name, k.contact, k.per_minute, k.per_day, k.created_at, k.created_by, k.revoked_at
                  FROM api_key k""" + " WHERE " + where + " ORDER BY k.id DESC");
        for (Map.Entry<String, Object> p : params.entrySet()) sql = sql.param(p.getKey(), p.getValue());
        return sql.query((rs, n) -> {
                    long id = rs.getLong(1);
                    List<UsageDay> days1 = usage.getOrDefault(id, List.of());
                    long todays = days1.stream()
                            .filter(u -> u.day().equals(today))
                            .mapToLong(UsageDay::requests)
                            .sum();
                    Timestamp revoked = rs.getTimestamp(9);
                    return new KeyView(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getTimestamp(7).toInstant(),
                            rs.getString(8),
                            revoked == null ? null : revoked.toInstant(),
                            todays,
                            days1);
                })
                .list();
    }

    private static String text(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw ApiException.invalid(field, "text.required", field);
        if (v.length() > max) throw ApiException.invalid(field, "text.tooLong", field, max);
        if (v.chars().anyMatch(Character::isISOControl)) throw ApiException.invalid(field, "text.control", field);
        return v;
    }

    private static void quotaWithin(String field, long value, long max) {
        if (value < 1 || value > max) {
            throw ApiException.invalid(field, "number.outOfRange", field, 1, max, value);
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
