package org.yizhan.locator.ogcapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yizhan.locator.search.ViewportSearch;
import org.yizhan.locator.station.StationResponses;
import org.yizhan.locator.station.StationRow;

/**
 * Pages of the stations collection, keyset-paged by id in both directions (a page never skips
 * or repeats a station of an unchanged register, and a deep page costs what the first does).
 * The open-state filter is evaluated here, in Asia/Shanghai time, because opening hours are
 * not SQL; such pages are filled by reading on until enough stations pass.
 */
@Component
class StationItems {

    /** Rows read per round when a filter is applied after SQL. */
    private static final int CHUNK = 1_000;

    private final ViewportSearch search;
    private final StationResponses responses;

    StationItems(ViewportSearch search, StationResponses responses) {
        this.search = search;
        this.responses = responses;
    }

    /** One page; cursors are null where there is no page; numberMatched is null when it would need every row's hours. */
    record Page(
            List<StationRow> rows,
            ItemsRequest.@Nullable Cursor prev,
            ItemsRequest.@Nullable Cursor next,
            @Nullable Long numberMatched) {}

    Page page(ItemsRequest request, Instant now) {
        Boolean open = request.openNow();
        @Nullable Predicate<StationRow> accept = open == null ? null : row -> responses.isOpen(row, now) == open;
        int limit = request.limit();
        ItemsRequest.Cursor cursor = request.cursor();
        List<StationRow> rows;
        ItemsRequest.Cursor prev;
        ItemsRequest.Cursor next;
        // A first page with no next page holds every match: its size is the count, with no
        // second pass over the index (a map's window is usually one page).
        boolean whole = false;
        if (!cursor.before()) {
            rows = forward(request.query(), cursor.id(), limit + 1, accept);
            next = rows.size() > limit
                    ? new ItemsRequest.Cursor(rows.get(limit - 1).id(), false)
                    : null;
            if (rows.size() > limit) rows = rows.subList(0, limit);
            prev = cursor.id() > 0 && !rows.isEmpty()
                    ? new ItemsRequest.Cursor(rows.get(0).id(), true)
                    : null;
            whole = cursor.id() <= 0 && next == null;
        } else {
            rows = backward(request.query(), cursor.id(), limit + 1, accept);
            boolean more = rows.size() > limit;
            if (more) rows = rows.subList(rows.size() - limit, rows.size());
            prev = more ? new ItemsRequest.Cursor(rows.get(0).id(), true) : null;
            next = new ItemsRequest.Cursor(
                    rows.isEmpty() ? cursor.id() - 1 : rows.get(rows.size() - 1).id(), false);
        }
        Long matched = request.openNow() != null ? null : whole ? (long) rows.size() : search.count(request.query());
        return new Page(rows, prev, next, matched);
    }

    private List<StationRow> forward(
            ViewportSearch.Query query, long afterId, int wanted, @Nullable Predicate<StationRow> accept) {
        List<StationRow> out = new ArrayList<>(wanted);
        long from = afterId;
        while (out.size() < wanted) {
            int asked = accept == null ? wanted : Math.max(wanted, CHUNK);
            List<StationRow> rows = search.after(query, from, asked);
            for (StationRow row : rows) {
                if (accept == null || accept.test(row)) out.add(row);
                if (out.size() == wanted) break;
            }
            if (rows.size() < asked) break;
            from = rows.get(rows.size() - 1).id();
        }
        return out;
    }

    private List<StationRow> backward(
            ViewportSearch.Query query, long beforeId, int wanted, @Nullable Predicate<StationRow> accept) {
        List<StationRow> out = new ArrayList<>(wanted);
        long from = beforeId;
        while (out.size() < wanted) {
            int asked = accept == null ? wanted : Math.max(wanted, CHUNK);
            List<StationRow> rows = search.before(query, from, asked);
            for (int i = rows.size() - 1; i >= 0 && out.size() < wanted; i--) {
                if (accept == null || accept.test(rows.get(i))) out.add(0, rows.get(i));
            }
            if (rows.size() < asked) break;
            from = rows.get(0).id();
        }
        return out;
    }
}
