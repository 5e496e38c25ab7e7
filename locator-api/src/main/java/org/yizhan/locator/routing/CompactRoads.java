package org.yizhan.locator.routing;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;

/**
 * One travel mode's road graph as primitive arrays: per edge its two ends, length and travel
 * time each way; per node the edges that touch it. Planning asks for thousands of small
 * shortest-path trees (one per station or candidate site); GraphHopper's own tree allocates a
 * hash map and a label object per node and, with every demand point as a virtual node of one
 * query graph, spent most of its time in virtual-edge bookkeeping (JFR, issue 15: 625 s for
 * 50,000 points and 5,000 stations). GraphHopper still reads the extract, stores the graph,
 * snaps points and defines the travel times; these arrays only make the search cheap.
 * Immutable, so shared by every question.
 */
final class CompactRoads {

    final int nodeCount;
    final int[] edgeBase;
    final int[] edgeAdj;
    final float[] edgeMeters;
    /** Milliseconds from base to adj; infinite when the mode may not go that way. */
    final float[] millisForward;
    /** Milliseconds from adj to base; infinite when the mode may not go that way. */
    final float[] millisBackward;
    /** Edges touching node {@code n}: {@code touchEdge[touchStart[n] .. touchStart[n + 1])}. */
    final int[] touchStart;

    final int[] touchEdge;
    /**
     * Every edge takes as long one way as the other (no one-way streets, no speeds that differ by
     * direction): the way back between two points is then the way there reversed, as long and as quick.
     */
    final boolean symmetric;

    private CompactRoads(
            int nodeCount,
            int[] edgeBase,
            int[] edgeAdj,
            float[] edgeMeters,
            float[] millisForward,
            float[] millisBackward) {
        this.nodeCount = nodeCount;
        this.edgeBase = edgeBase;
        this.edgeAdj = edgeAdj;
        this.edgeMeters = edgeMeters;
        this.millisForward = millisForward;
        this.millisBackward = millisBackward;
        touchStart = new int[nodeCount + 1];
        for (int e = 0; e < edgeBase.length; e++) {
            if (edgeBase[e] == edgeAdj[e]) continue; // a loop never shortens a way
            touchStart[edgeBase[e] + 1]++;
            touchStart[edgeAdj[e] + 1]++;
        }
        for (int n = 0; n < nodeCount; n++) touchStart[n + 1] += touchStart[n];
        boolean same = true;
        for (int e = 0; e < edgeBase.length && same; e++) {
            same = Float.compare(millisForward[e], millisBackward[e]) == 0;
        }
        symmetric = same;
        touchEdge = new int[touchStart[nodeCount]];
        int[] fill = touchStart.clone();
        for (int e = 0; e < edgeBase.length; e++) {
            if (edgeBase[e] == edgeAdj[e]) continue;
            touchEdge[fill[edgeBase[e]]++] = e;
            touchEdge[fill[edgeAdj[e]]++] = e;
        }
    }

    /** Reads every edge once with the mode's weighting: closed directions have infinite weight. */
    static CompactRoads of(BaseGraph graph, Weighting weighting) {
        int edges = graph.getEdges();
        int[] base = new int[edges];
        int[] adj = new int[edges];
        float[] meters = new float[edges];
        float[] forward = new float[edges];
        float[] backward = new float[edges];
        AllEdgesIterator edge = graph.getAllEdges();
        while (edge.next()) {
            int e = edge.getEdge();
            base[e] = edge.getBaseNode();
            adj[e] = edge.getAdjNode();
            meters[e] = (float) edge.getDistance();
            forward[e] = millis(weighting, edge, false);
            backward[e] = millis(weighting, edge, true);
        }
        return new CompactRoads(graph.getNodes(), base, adj, meters, forward, backward);
    }

    private static float millis(Weighting weighting, AllEdgesIterator edge, boolean reverse) {
        return Double.isInfinite(weighting.calcEdgeWeight(edge, reverse))
                ? Float.POSITIVE_INFINITY
                : weighting.calcEdgeMillis(edge, reverse);
    }

    /** The node at the other end of {@code edge} from {@code node}. */
    int across(int edge, int node) {
        return edgeBase[edge] == node ? edgeAdj[edge] : edgeBase[edge];
    }

    /**
     * Milliseconds to travel a stretch of {@code edge} as long as {@code fraction} of it, in the
     * direction base→adj ({@code towardsAdj}) or adj→base; zero for no stretch at all, even where
     * that direction is closed (a point at a node is already there).
     */
    double partMillis(int edge, double fraction, boolean towardsAdj) {
        if (fraction <= 0) return 0;
        return fraction * (towardsAdj ? millisForward[edge] : millisBackward[edge]);
    }
}
